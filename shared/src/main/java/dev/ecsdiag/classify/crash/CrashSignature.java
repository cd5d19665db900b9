package dev.ecsdiag.classify.crash;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A crash's grouping key: the first 16 hex digits of SHA-256 over its type and canonical title, so
 * the same crash on another instance or build has the same signature. One per parser, used by one
 * thread at a time: the digest is reused rather than shared through a thread-local.
 */
final class CrashSignature {

    private MessageDigest sha;

    String of(String type, String title) {
        if (sha == null) {
            sha = sha256();
        }
        byte[] digest = sha.digest(((type == null ? "" : type) + "|" + title).getBytes(StandardCharsets.UTF_8));
        StringBuilder b = new StringBuilder(16);
        for (int i = 0; i < 8; i++) {
            b.append(Character.forDigit((digest[i] >> 4) & 0xf, 16)).append(Character.forDigit(digest[i] & 0xf, 16));
        }
        return b.toString();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always there", e);
        }
    }
}
