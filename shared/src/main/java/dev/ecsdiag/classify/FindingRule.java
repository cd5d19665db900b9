package dev.ecsdiag.classify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One row of the finding table: a literal that must occur in the line (the cheap prefilter), the
 * pattern that then extracts the facts, what the match means, and how to title it.
 *
 * <p>Named groups of the pattern become details: the group {@code anonRssKb} becomes the detail
 * {@code anon-rss-kb}. A group named {@code kv} holds a comma-separated {@code key=value} list
 * (the {@code oom-kill:} summary line) whose entries become details one by one.
 *
 * @param id     stable name of the row, for tests and documentation
 * @param role   what a match does
 * @param kind   the finding's kind (for {@link Role#EVENT} and {@link Role#OOM_VICTIM})
 * @param needle literal that every matching line contains
 * @param pattern found anywhere in the line (never anchored: prefixes may still be there)
 * @param title  title template; {@code {detail-name}} is replaced by the detail's value
 * @param fixed  details every match gets (e.g. {@code filesystem=xfs})
 * @param group  findings of the same group, device and boot merge into one (with a count)
 */
record FindingRule(String id, Role role, FindingKind kind, String needle, Pattern pattern, String title,
                   Map<String, String> fixed, String group, List<String> groups) {

    /** What a matching line contributes. */
    enum Role {
        /** A finding of its own (merged with earlier ones of the same group and device). */
        EVENT,
        /** Facts about the OOM kill that is about to be reported (invocation, summary line). */
        OOM_CONTEXT,
        /** The OOM kill itself: a finding that takes the pending context's facts. */
        OOM_VICTIM,
        /** The OOM report ends in a panic instead of a kill: that panic is the crash, there is no kill. */
        OOM_PANIC,
        /** A filesystem mounted on a device: remembered to name the filesystem of later errors. */
        MOUNT,
        /** A new kernel started: pending state from the previous boot is dropped. */
        BOOT
    }

    private static final Pattern GROUP_NAME = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");

    static FindingRule of(String id, Role role, FindingKind kind, String needle, String regex, String title,
                          String... fixedPairs) {
        Map<String, String> fixed = new LinkedHashMap<>();
        String group = id;
        for (int i = 0; i + 1 < fixedPairs.length; i += 2) {
            if (fixedPairs[i].equals("group")) {
                group = fixedPairs[i + 1];
            } else {
                fixed.put(fixedPairs[i], fixedPairs[i + 1]);
            }
        }
        Pattern pattern = Pattern.compile(regex);
        List<String> groups = new ArrayList<>();
        Matcher m = GROUP_NAME.matcher(regex);
        while (m.find()) {
            groups.add(m.group(1));
        }
        return new FindingRule(id, role, kind, needle, pattern, title, Map.copyOf(fixed), group, List.copyOf(groups));
    }

    /** The details of a match, in pattern order (which is printed order), fixed details first. */
    Map<String, String> details(Matcher m) {
        Map<String, String> details = new LinkedHashMap<>(fixed);
        for (String g : groups) {
            String v = m.group(g);
            if (v == null || v.isEmpty()) {
                continue;
            }
            if (g.equals("kv")) {
                putKeyValues(details, v);
            } else if (g.equals("filesystem")) {
                details.put("filesystem", v.toLowerCase(java.util.Locale.ROOT));
            } else {
                details.put(detailName(g), v.trim());
            }
        }
        return details;
    }

    /** {@code constraint=CONSTRAINT_NONE,nodemask=(null),global_oom,task=stress,pid=812}. */
    private static void putKeyValues(Map<String, String> details, String list) {
        for (String item : list.split(",", 32)) {
            int eq = item.indexOf('=');
            if (eq <= 0) {
                if (item.equals("global_oom")) {
                    details.put("scope", "global");
                }
                continue;
            }
            String key = item.substring(0, eq).trim().replace('_', '-');
            if (key.equals("task")) {
                key = "process";
            }
            details.putIfAbsent(key, item.substring(eq + 1).trim());
        }
    }

    /** {@code anonRssKb} becomes {@code anon-rss-kb}. */
    static String detailName(String group) {
        StringBuilder b = new StringBuilder(group.length() + 4);
        for (int i = 0; i < group.length(); i++) {
            char c = group.charAt(i);
            if (Character.isUpperCase(c)) {
                b.append('-').append(Character.toLowerCase(c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Fills the title template from the details; a missing value shows as {@code ?}. */
    static String fill(String template, Map<String, String> details) {
        StringBuilder b = new StringBuilder(template.length() + 32);
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                b.append(template, i, template.length());
                break;
            }
            b.append(template, i, open);
            String v = details.get(template.substring(open + 1, close));
            b.append(v == null ? "?" : v);
            i = close + 1;
        }
        return b.toString();
    }
}
