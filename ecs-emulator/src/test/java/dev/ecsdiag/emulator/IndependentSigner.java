package dev.ecsdiag.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signature V1 written again from the specification, byte by byte, without the emulator's code or
 * {@link java.net.URLEncoder}: the reference the tests compare against.
 */
final class IndependentSigner {

    private IndependentSigner() {
    }

    /** RFC 3986: A-Z a-z 0-9 - _ . ~ stay, every other UTF-8 byte becomes %XX (upper case). */
    static String encode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }

    static String stringToSign(String method, Map<String, String> params) {
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(params).forEach((k, v) -> {
            if (!k.equals("Signature")) {
                canonical.append(canonical.length() == 0 ? "" : "&").append(encode(k)).append('=').append(encode(v));
            }
        });
        return method + "&" + encode("/") + "&" + encode(canonical.toString());
    }

    static String sign(String secret, String stringToSign) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec((secret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
        return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }
}
