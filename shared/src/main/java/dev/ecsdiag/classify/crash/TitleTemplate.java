package dev.ecsdiag.classify.crash;

import java.util.List;

/**
 * Fills a row's title template ({@link OopsFormat#template()}): {@code {n}} is the n-th group the
 * title and detail patterns captured (empty when it captured nothing), {@code {f}} the guilty
 * frame and {@code {f2}} the frame of the second stack ({@value #CORRUPTED} when there is none).
 */
final class TitleTemplate {

    /** Stands for a frame that could not be found, in titles and in the stack walk's results. */
    static final String CORRUPTED = "corrupted";

    private TitleTemplate() {
    }

    static String fill(String template, List<String> groups, List<String> frames) {
        StringBuilder b = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            char c = template.charAt(i);
            int close = c == '{' ? template.indexOf('}', i) : -1;
            if (close < 0) {
                b.append(c);
                i++;
                continue;
            }
            String key = template.substring(i + 1, close);
            if (key.equals("f") || key.equals("f2")) {
                int idx = key.equals("f") ? 0 : 1;
                b.append(idx < frames.size() ? frames.get(idx) : CORRUPTED);
            } else {
                int n = Integer.parseInt(key);
                String v = n - 1 < groups.size() ? groups.get(n - 1) : null;
                b.append(v == null ? "" : v);
            }
            i = close + 1;
        }
        return b.toString();
    }
}
