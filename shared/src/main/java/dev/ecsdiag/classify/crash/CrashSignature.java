package dev.ecsdiag.classify.crash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The stable grouping key of a crash: same type and canonical title, same signature. */
public final class CrashSignature {

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    });

    private CrashSignature() {
    }

    /** The first 8 bytes of SHA-256 over {@code TYPE|TITLE}, in hex (16 characters). */
    public static String of(String type, String title) {
        byte[] digest = SHA256.get().digest(((type == null ? "" : type) + "|" + title).getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            b.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
        }
        return b.toString();
    }
}
