package dev.ecsdiag.ecs;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Removes secret values from text that came from elsewhere (service messages, SDK exceptions)
 * before it is logged or stored. A second line of defence: messages are built so as not to carry
 * secrets in the first place, but a service echoing a request back must not defeat that.
 */
public final class Redactor {

    public static final String MASK = "********";
    public static final Redactor NONE = new Redactor(List.of());

    private final List<String> needles;

    private Redactor(List<String> needles) {
        this.needles = needles;
    }

    /** Masks each value and its URL-encoded forms; values shorter than 4 characters are ignored. */
    public static Redactor of(List<String> secrets) {
        List<String> needles = new ArrayList<>();
        for (String s : secrets) {
            if (s == null || s.length() < 4) {
                continue;
            }
            needles.add(s);
            needles.add(URLEncoder.encode(s, StandardCharsets.UTF_8));
            // a service echoing its string-to-sign holds values percent-encoded twice
            String once = percentEncode(s);
            needles.add(once);
            needles.add(percentEncode(once));
        }
        needles.sort((a, b) -> b.length() - a.length());
        return new Redactor(List.copyOf(new java.util.LinkedHashSet<>(needles)));
    }

    /** The encoding Signature V1 uses: URL encoding with {@code %20}, {@code %2A} and a raw {@code ~}. */
    private static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
    }

    public String apply(String text) {
        if (text == null) {
            return null;
        }
        String out = text;
        for (String n : needles) {
            if (out.contains(n)) {
                out = out.replace(n, MASK);
            }
        }
        return out;
    }
}
