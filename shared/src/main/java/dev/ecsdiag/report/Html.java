package dev.ecsdiag.report;

import java.nio.charset.StandardCharsets;

/** Escaping for HTML text, attribute values and relative URLs. Console text only reaches the page through here. */
final class Html {

    private Html() {
    }

    /** Escapes text and double- or single-quoted attribute values alike. Null becomes empty. */
    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            String rep = switch (c) {
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '&' -> "&amp;";
                case '"' -> "&quot;";
                case '\'' -> "&#39;";
                default -> null;
            };
            if (rep != null) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                out.append(rep);
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /**
     * A relative URL for a path inside the output folder: every segment percent-encoded, so a
     * name cannot become a scheme ({@code javascript:}), a query or a fragment.
     */
    static String href(String relativePath) {
        StringBuilder out = new StringBuilder();
        String[] segments = relativePath.replace('\\', '/').split("/", -1);
        if (relativePath.startsWith("/") || java.util.Arrays.asList(segments).contains("..")) {
            return "#"; // a link leaving the output folder is not made
        }
        for (int s = 0; s < segments.length; s++) {
            if (s > 0) {
                out.append('/');
            }
            for (byte b : segments[s].getBytes(StandardCharsets.UTF_8)) {
                int c = b & 0xff;
                if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '-' || c == '_' || c == '.' || c == '~') {
                    out.append((char) c);
                } else {
                    out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
                }
            }
        }
        String url = out.toString();
        return url.startsWith("/") ? "." + url : url;
    }

    /**
     * The id of an instance's section: the instance id itself ({@code index.html#i-bp1...} opens
     * there), with {@code i-} put in front of an id that lacks it, made only of safe characters.
     */
    static String instanceAnchor(String instanceId) {
        String id = instanceId == null ? "" : instanceId;
        return anchor(id.startsWith("i-") ? "" : "i-", id);
    }

    /** An id attribute value made only of safe characters. */
    static String anchor(String prefix, String value) {
        StringBuilder out = new StringBuilder(prefix);
        for (char c : (value == null ? "" : value).toCharArray()) {
            out.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' ? c : '_');
        }
        return out.toString();
    }
}
