package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes titles comparable across instances and builds: task names with numbers, addresses, IPs,
 * line numbers, offsets, CPU and other numbers are replaced by fixed words (syzkaller's
 * convention: {@code ADDR}, {@code IP}, {@code LINE}, {@code CPU}, {@code NUM}); then control
 * characters are dropped, spaces collapsed and the title cut at 120 characters.
 *
 * <p>Titles repeat across reports and logs ("bad-access in X"), so an instance remembers its
 * answers, boundedly. The memory belongs to whoever made the instance (one per
 * {@code ConsoleClassifier}); nothing is kept JVM-wide. Thread-safe.
 */
public final class TitleCanon {

    /** A replacement, tried only when the title holds {@code needle} (null: when it holds a digit). */
    private record Replacement(String needle, Pattern pattern, String with) {
    }

    private static final List<Replacement> REPLACEMENTS = List.of(
            new Replacement("syz-executor", Pattern.compile("syz-executor\\.?[0-9]+((/|:)[0-9]+)?"), "syz-executor"),
            new Replacement("syzkaller", Pattern.compile("syzkaller[0-9]+((/|:)[0-9]+)?"), "syzkaller"),
            new Replacement("", Pattern.compile("([^a-zA-Z0-9])(?:0x)?[0-9a-f]{6,}"), "$1ADDR"),
            new Replacement(null, Pattern.compile("([0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3}\\.[0-9]{1,3})"), "IP"),
            new Replacement(":", Pattern.compile("(\\.\\w+)(:[0-9]+)+"), "$1:LINE"),
            new Replacement("+0x", Pattern.compile("([a-zA-Z][a-zA-Z0-9_.]+)\\+0x[0-9a-z]+/0x[0-9a-z]+"), "$1"),
            new Replacement("CPU#", Pattern.compile("CPU#[0-9]+"), "CPU"),
            new Replacement(null, Pattern.compile("(\\W)(\\d+)(\\W|$)"), "$1NUM$3"),
            new Replacement(null, Pattern.compile("\\d{7,}"), "NUM"));

    private static final int MAX_CACHE = 4096;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /** Longest title kept: corrupted or interleaved lines can be very long. */
    public static final int MAX_TITLE = 120;

    public String canonical(String title) {
        String known = cache.get(title);
        if (known != null) {
            return known;
        }
        String result = compute(title);
        if (cache.size() < MAX_CACHE) {
            cache.put(title, result);
        }
        return result;
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    private static boolean hasHexRun(String s) {
        int run = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            run = c >= '0' && c <= '9' || c >= 'a' && c <= 'f' ? run + 1 : 0;
            if (run >= 6) {
                return true;
            }
        }
        return false;
    }

    private static String compute(String title) {
        String s = title.length() > 4 * MAX_TITLE ? title.substring(0, 4 * MAX_TITLE) : title;
        for (Replacement r : REPLACEMENTS) {
            if (r.needle == null ? !hasDigit(s) : r.needle.isEmpty() ? !hasHexRun(s) : !s.contains(r.needle)) {
                continue;
            }
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
