package dev.ecsdiag.emulator;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Alibaba Cloud RPC Signature V1, as the service computes it: parameters (all but
 * {@code Signature}) sorted by name, names and values percent-encoded (RFC 3986: space {@code %20},
 * {@code *} {@code %2A}, {@code ~} kept), joined with {@code &}; the string to sign is
 * {@code METHOD&%2F&} + percent-encode(joined); the signature is Base64(HMAC-SHA1(secret + "&", it)).
 */
public final class SignatureV1 {

    private SignatureV1() {
    }

    /** RFC 3986 percent-encoding of UTF-8, the one both sides must agree on. */
    public static String percentEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    /** The sorted, encoded {@code k=v&k=v} form of every parameter except {@code Signature}. */
    public static String canonicalQuery(Map<String, String> parameters) {
        StringBuilder joined = new StringBuilder();
        // Ordinal (byte-wise for ASCII names) order, as the service sorts.
        for (Map.Entry<String, String> e : new TreeMap<>(parameters).entrySet()) {
            if ("Signature".equals(e.getKey())) {
                continue;
            }
            if (joined.length() > 0) {
                joined.append('&');
            }
            joined.append(percentEncode(e.getKey())).append('=').append(percentEncode(e.getValue()));
        }
        return joined.toString();
    }

    public static String stringToSign(String httpMethod, Map<String, String> parameters) {
        return httpMethod + "&" + percentEncode("/") + "&" + percentEncode(canonicalQuery(parameters));
    }

    public static String sign(String accessKeySecret, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec((accessKeySecret + "&").getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA1 is part of every JDK", e);
        }
    }
}
