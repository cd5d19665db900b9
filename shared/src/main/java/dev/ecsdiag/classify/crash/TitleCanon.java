package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes titles comparable across instances and builds: task names with numbers, addresses, IPs,
 * line numbers, offsets, CPU and other numbers are replaced by fixed words (syzkaller's
 * convention: {@code ADDR}, {@code IP}, {@code LINE}, {@code CPU}, {@code NUM}); then control
 * characters are dropped, spaces collapsed and the title cut at 120 characters.
 */
public final class TitleCanon {

    private TitleCanon() {
    }

    private record Replacement(Pattern pattern, String with) {
    }

    private static final List<Replacement> REPLACEMENTS = List.of(
            new Replacement(Pattern.compile("syz-executor\\.?[0-9]+((/|:)[0-9]+)?"), "syz-executor"),
            new Replacement(Pattern.compile("syzkaller[0-9]+((/|:)[0-9]+)?"), "syzkaller"),
            new Replacement(Pattern.compile("([^a-zA-Z0-9])(?:0x)?[0-9a-f]{6,}"), "$1ADDR"),
            new Replacement(Pattern.compile("([0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3})"), "IP"),
            new Replacement(Pattern.compile("(\\.\\w+)(:[0-9]+)+"), "$1:LINE"),
            new Replacement(Pattern.compile("([a-zA-Z][a-zA-Z0-9_.]+)\\+0x[0-9a-z]+/0x[0-9a-z]+"), "$1"),
            new Replacement(Pattern.compile("CPU#[0-9]+"), "CPU"),
            new Replacement(Pattern.compile("(\\W)(\\d+)(\\W|$)"), "$1NUM$3"),
            new Replacement(Pattern.compile("\\d{7,}"), "NUM"));

    /** Longest title kept: corrupted or interleaved lines can be very long. */
    public static final int MAX_TITLE = 120;

    public static String canonical(String title) {
        String s = title.length() > 4 * MAX_TITLE ? title.substring(0, 4 * MAX_TITLE) : title;
        for (Replacement r : REPLACEMENTS) {
            for (int round = 0; round < 16; round++) {
                Matcher m = r.pattern.matcher(s);
                if (!m.find()) {
                    break;
                }
                String next = m.replaceAll(r.with);
                if (next.equals(s)) {
                    break;
                }
                s = next;
            }
        }
        return sanitize(s);
    }

    static String sanitize(String title) {
        StringBuilder b = new StringBuilder(Math.min(title.length(), MAX_TITLE));
        char prev = ' ';
        for (int i = 0; i < title.length() && i < MAX_TITLE; i++) {
            char c = title.charAt(i);
            if (c == '\t') {
                c = ' ';
            } else if (c < 0x20 || c >= 0x7f) {
                continue;
            }
            if (c == ' ' && prev == ' ') {
                continue;
            }
            b.append(c);
            prev = c;
        }
        return b.toString().trim();
    }
}
