package dev.ecsdiag.classify;

import dev.ecsdiag.classify.text.ConsoleLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * Follows each boot through its stages and spots boot failures, driven by the table in
 * {@link BootRules}.
 *
 * <p>Boots are split where a kernel banner follows a boot that already had one, or where firmware or
 * boot loader output follows a running kernel. A log that starts mid-way (a console buffer keeps only
 * its tail) begins with a boot whose start was not seen ({@link Boot#startSeen()} is false): it is
 * taken as running a kernel, and is judged a boot failure only on a failure line, never for want of a
 * login prompt it may have printed before the log begins.
 *
 * <p>Bounded state: per boot a handful of fields and at most one milestone per stage; at most
 * {@link #MAX_BOOTS_KEPT} boots are kept (the first and the latest half), and the start lines of at
 * most {@link #MAX_BOOTS} boots for {@link #bootOfLine}; further banners continue the last boot.
 */
public final class BootAnalyzer implements LineAnalyzer {

    static final int MAX_BOOTS_KEPT = 2000;
    static final int MAX_BOOTS = 1 << 20;
    static final int MAX_FINDINGS = 1000;
    private static final int MAX_TEXT = 240;

    private static final List<BootRule> RULES = BootRules.ALL;
    private static final List<String> NEEDLES = List.copyOf(new LinkedHashSet<>(
            RULES.stream().map(BootRule::needle).filter(n -> n != null).toList()));
    private static final NeedleSet NEEDLE_SET = new NeedleSet(NEEDLES);
    private static final int[] NEEDLE_OF_RULE =
            RULES.stream().mapToInt(r -> r.needle() == null ? -1 : NEEDLES.indexOf(r.needle())).toArray();

    private final List<BootRule> rules = RULES;
    private final NeedleSet needles = NEEDLE_SET;
    private final int[] needleOfRule = NEEDLE_OF_RULE;
    private final NeedleSet.Hits hits = NEEDLE_SET.newHits();

    private final List<Boot> head = new ArrayList<>();
    private final ArrayDeque<Boot> tail = new ArrayDeque<>();
    private int[] startLines = new int[16];
    private int bootCount;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, FindingCounter> failureFindings = new LinkedHashMap<>();
    /** A failure whose message ended in a colon; the next line completes its title. */
    private FindingCounter awaitingRest;

    private Current current;
    private long lastLine;

    public BootAnalyzer() {
    }

    @Override
    public void accept(ConsoleLine line) {
        long number = line.number();
        lastLine = number;
        if (current == null) {
            current = new Current(0, number);
            recordStart(number);
        }
        String raw = line.text();
        boolean hit = raw != null && needles.scan(raw, LineText.MAX_CHARS, hits) > 0;
        boolean prompt = raw != null && mayBePrompt(raw);
        if (awaitingRest != null) {
            completeTitle(hit ? null : LineText.of(line).strip());
        }
        if (!hit && !prompt) {
            current.observe(line, raw);
            return;
        }
        String text = LineText.of(line);
        BootRule boundary = null;
        BootRule ending = null;
        BootRule failure = null;
        BootRule stage = null;
        Matcher boundaryMatch = null;
        Matcher failureMatch = null;
        for (int i = 0; i < rules.size(); i++) {
            BootRule rule = rules.get(i);
            int needle = needleOfRule[i];
            if (needle < 0 ? !prompt : !hit || !hits.contains(needle)) {
                continue;
            }
            boolean boundaryRule = rule.effect() == BootRule.Effect.BANNER || rule.effect() == BootRule.Effect.COMMAND_LINE
                    || rule.effect() == BootRule.Effect.FIRMWARE;
            boolean endingRule = rule.effect() == BootRule.Effect.PANIC || rule.effect() == BootRule.Effect.REBOOT
                    || rule.effect() == BootRule.Effect.HALT;
            if (boundaryRule ? boundary != null : endingRule ? ending != null
                    : rule.effect() == BootRule.Effect.FAILURE ? failure != null : stage != null) {
                continue;
            }
            if (rule.inBootLoader() && !current.inBootLoader()
                    || rule.outsideInitramfs() && current.reached == BootStage.INITRAMFS) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            if (!(rule.anchored() ? m.lookingAt() : m.find())) {
                continue;
            }
            if (boundaryRule) {
                boundary = rule;
                boundaryMatch = m;
            } else if (endingRule) {
                ending = rule;
            } else if (rule.effect() == BootRule.Effect.FAILURE) {
                failure = rule;
                failureMatch = m;
            } else {
                stage = rule;
            }
        }
        if (boundary != null) {
            applyBoundary(boundary, boundaryMatch, line, text);
        }
        current.observe(line, raw);
        if (failure != null) {
            fail(failure, clip(text.substring(failureMatch.start()).trim()), line);
        } else if (stage != null) {
            current.reach(stage.stage(), line, text);
        }
        if (ending != null) {
            switch (ending.effect()) {
                case PANIC -> current.panic(clip(text.substring(text.indexOf(ending.needle())).trim()), line.number());
                case REBOOT -> current.ending = current.ending == null || !current.ending.equals("halt") ? "reboot" : "halt";
                case HALT -> current.ending = "halt";
                default -> {
                }
            }
        }
    }

    /** A prompt is a short line ending in {@code #}, {@code $} (and a blank), or starting {@code / #}. */
    private static boolean mayBePrompt(String raw) {
        int end = raw.length();
        while (end > 0 && (raw.charAt(end - 1) == ' ' || raw.charAt(end - 1) == '\r')) {
            end--;
        }
        if (end == 0 || end > 300) {
            return false;
        }
        char last = raw.charAt(end - 1);
        if (last == '#' || last == '$') {
            return true;
        }
        int hash = raw.indexOf("# ");
        int dollar = raw.indexOf("$ ");
        return hash >= 0 && hash < 100 || dollar >= 0 && dollar < 100;
    }

    private void applyBoundary(BootRule rule, Matcher m, ConsoleLine line, String text) {
        switch (rule.effect()) {
            case BANNER -> {
                if (current.release != null || current.startSeen && current.reached.compareTo(BootStage.KERNEL) > 0
                        || !current.startSeen && current.hasEvidence()) {
                    newBoot(line.number());
                }
                current.banner(m.group("release"), line, text);
            }
            case FIRMWARE -> {
                if (current.release != null || current.reached.compareTo(BootStage.BOOTLOADER) > 0 && current.startSeen
                        || !current.startSeen && current.hasEvidence()) {
                    newBoot(line.number());
                }
                current.firmware(line, text);
            }
            case COMMAND_LINE -> {
                if (current.commandLine == null) {
                    current.commandLine = m.group("cmdline").trim();
                }
            }
            default -> {
            }
        }
    }

    private void fail(BootRule rule, String text, ConsoleLine line) {
        current.fail(rule, text, line.number());
        String key = rule.id() + '|' + current.index;
        FindingCounter counter = failureFindings.get(key);
        if (counter != null) {
            counter.count++;
            counter.lastLine = line.number();
            return;
        }
        if (failureFindings.size() < MAX_FINDINGS) {
            FindingCounter created = new FindingCounter(rule, text, line.number(), current.index, current);
            failureFindings.put(key, created);
            if (text.endsWith(":")) {
                awaitingRest = created; // "No filesystem could mount root, tried:" names them on the next line
            }
        }
    }

    /**
     * A failure message that ends in a colon continues on the next line (the kernel prints the list
     * with separate printk calls): that line completes the title, "(none listed)" when it is blank;
     * a next line that is a message of its own (null here) leaves the title as it was.
     */
    private void completeTitle(String rest) {
        FindingCounter c = awaitingRest;
        awaitingRest = null;
        if (rest == null) {
            return;
        }
        String completed = clip(c.text + " " + (rest.isEmpty() ? "(none listed)" : rest));
        c.owner.retitle(c.text, completed);
        c.text = completed;
    }

    private void newBoot(long line) {
        if (bootCount >= MAX_BOOTS) {
            return; // pathological: further banners continue the last boot
        }
        Current previous = current;
        close(previous, line);
        current = new Current(previous.index + 1, line);
        recordStart(line);
    }

    private void recordStart(long line) {
        if (bootCount == startLines.length) {
            startLines = Arrays.copyOf(startLines, startLines.length * 2);
        }
        startLines[bootCount++] = FindingAnalyzer.toInt(line);
    }

    /** Ends a boot: decides its failure and how it ended, and keeps it. */
    private void close(Current boot, long nextStart) {
        boot.decideFailure();
        String endedBy;
        if (boot.panicked) {
            endedBy = "panic";
        } else if (boot.ending != null) {
            endedBy = boot.ending;
        } else if (nextStart > 0) {
            endedBy = "reboot";
            if (boot.startSeen && boot.reached.compareTo(BootStage.LOGIN) < 0 && boot.failure == null) {
                boot.failure = "rebooted unexpectedly before user space came up (reached " + boot.reached.id() + ")";
                // on the failed boot's own last line: the next banner (nextStart) belongs to the next boot
                boot.failureLine = boot.lastLine;
            }
            if (findings.size() < MAX_FINDINGS) {
                Map<String, String> details = new LinkedHashMap<>();
                details.put("reached", boot.reached.id());
                if (boot.release != null) {
                    details.put("kernel-release", boot.release);
                }
                details.put("last-line", Long.toString(boot.lastLine));
                findings.add(new Finding(FindingKind.UNEXPECTED_REBOOT,
                        "Unexpected reboot: boot " + boot.index + " ended without a shutdown, reboot or panic message",
                        FindingAnalyzer.toInt(nextStart), boot.index, details));
            }
        } else {
            endedBy = "running";
        }
        Boot done = boot.toBoot(endedBy);
        if (head.size() < MAX_BOOTS_KEPT / 2) {
            head.add(done);
        } else {
            if (tail.size() == MAX_BOOTS_KEPT / 2) {
                tail.removeFirst();
            }
            tail.addLast(done);
        }
    }

    @Override
    public void finish() {
        if (current != null) {
            close(current, 0);
            current = null;
        }
    }

    /** Every boot, in log order (for logs of more than {@value #MAX_BOOTS_KEPT} boots, the first and the latest). */
    public List<Boot> boots() {
        List<Boot> all = new ArrayList<>(head.size() + tail.size() + 1);
        all.addAll(head);
        all.addAll(tail);
        if (current != null) { // asked before finish(): show the boot in progress as running
            Current copy = current;
            all.add(copy.snapshot());
        }
        return all;
    }

    /** Boot failures and unexpected reboots, in log order. */
    public List<Finding> findings() {
        List<Finding> out = new ArrayList<>(findings);
        for (FindingCounter c : failureFindings.values()) {
            out.add(c.toFinding());
        }
        out.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return out;
    }

    /** 0-based index of the boot that holds the given line (0 before the first banner). */
    public int bootOfLine(long line) {
        int lo = 0;
        int hi = bootCount - 1;
        int found = 0;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (startLines[mid] <= line) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found;
    }

    static String clip(String s) {
        return s.length() <= MAX_TEXT ? s : s.substring(0, MAX_TEXT);
    }

    /** A boot failure line seen (possibly repeatedly) in one boot. */
    private static final class FindingCounter {
        final BootRule rule;
        String text;
        final long line;
        final int boot;
        final Current owner;
        long count = 1;
        long lastLine;

        FindingCounter(BootRule rule, String text, long line, int boot, Current owner) {
            this.rule = rule;
            this.text = text;
            this.line = line;
            this.boot = boot;
            this.owner = owner;
            this.lastLine = line;
        }

        Finding toFinding() {
            Map<String, String> details = new LinkedHashMap<>();
            details.put("rule", rule.id());
            details.put("fatal", Boolean.toString(rule.fatal()));
            if (!rule.fatal()) {
                details.put("recovered", Boolean.toString(owner.loginLine > 0 && !owner.fatalSeen));
            }
            if (count > 1) {
                details.put("count", Long.toString(count));
                details.put("last-line", Long.toString(lastLine));
            }
            return new Finding(FindingKind.BOOT_FAILURE, text, FindingAnalyzer.toInt(line), boot, details);
        }
    }

    /** The boot being followed. */
    private static final class Current {
        final int index;
        final long startLine;
        long lastLine;
        boolean startSeen;
        boolean kernelEvidence;
        String release;
        String commandLine;
        BootStage reached = BootRules.JOINED_STAGE;
        final List<Boot.Milestone> milestones = new ArrayList<>(6);
        String failure;
        long failureLine;
        boolean fatalSeen;
        String softFailure;
        long softFailureLine;
        boolean panicked;
        String panicText;
        long panicLine;
        String ending;
        long loginLine;

        Current(int index, long startLine) {
            this.index = index;
            this.startLine = startLine;
            this.lastLine = startLine;
        }

        void observe(ConsoleLine line, String raw) {
            lastLine = line.number();
            if (!kernelEvidence && (line.timestamp() != null || raw != null && raw.startsWith("["))) {
                kernelEvidence = LineText.timestamp(line) != null;
            }
        }

        /** A boot joined mid-way that showed kernel output, or any milestone, failure or ending. */
        boolean hasEvidence() {
            return kernelEvidence || !milestones.isEmpty() || failure != null || softFailure != null || panicked
                    || ending != null;
        }

        boolean inBootLoader() {
            return startSeen && release == null;
        }

        void banner(String kernelRelease, ConsoleLine line, String text) {
            startSeen = true;
            release = kernelRelease;
            if (reached.compareTo(BootStage.KERNEL) < 0 || milestones.isEmpty()) {
                reached = BootStage.KERNEL;
            }
            milestones.add(new Boot.Milestone(BootStage.KERNEL, FindingAnalyzer.toInt(line.number()),
                    LineText.timestamp(line), clip(text.trim())));
        }

        void firmware(ConsoleLine line, String text) {
            if (!startSeen) {
                startSeen = true;
                reached = BootStage.BOOTLOADER;
                milestones.add(new Boot.Milestone(BootStage.BOOTLOADER, FindingAnalyzer.toInt(line.number()),
                        LineText.timestamp(line), clip(text.trim())));
            }
        }

        void reach(BootStage stage, ConsoleLine line, String text) {
            if (fatalSeen || panicked || stage.compareTo(reached) <= 0) {
                return; // stages only go up, and not after the boot is lost
            }
            reached = stage;
            if (stage == BootStage.LOGIN) {
                loginLine = line.number();
            }
            milestones.add(new Boot.Milestone(stage, FindingAnalyzer.toInt(line.number()), LineText.timestamp(line),
                    clip(text.trim())));
        }

        void fail(BootRule rule, String text, long line) {
            if (rule.fatal()) {
                if (!fatalSeen && failure == null) {
                    failure = text;
                    failureLine = line;
                }
                fatalSeen = true;
            } else if (softFailure == null) {
                softFailure = text;
                softFailureLine = line;
            }
        }

        /** The boot's failure text, completed by the line after it. */
        void retitle(String was, String now) {
            if (was.equals(failure)) {
                failure = now;
            }
            if (was.equals(softFailure)) {
                softFailure = now;
            }
        }

        void panic(String text, long line) {
            if (!panicked) {
                panicked = true;
                panicText = text;
                panicLine = line;
            }
        }

        /**
         * The failure that explains the boot: the first fatal one; else the first non-fatal one when
         * the boot never reached a working user space; else a panic that came before user space did
         * (for a boot whose start was seen).
         */
        void decideFailure() {
            if (failure != null) {
                return;
            }
            if (softFailure != null && loginLine == 0) {
                failure = softFailure;
                failureLine = softFailureLine;
            } else if (panicked && startSeen && loginLine == 0) {
                failure = panicText;
                failureLine = panicLine;
            }
        }

        Boot toBoot(String endedBy) {
            return new Boot(index, FindingAnalyzer.toInt(startLine), FindingAnalyzer.toInt(lastLine), release, commandLine,
                    reached, failure, FindingAnalyzer.toInt(failureLine), endedBy, milestones);
        }

        Boot snapshot() {
            String savedFailure = failure;
            long savedLine = failureLine;
            decideFailure();
            Boot b = toBoot(panicked ? "panic" : ending != null ? ending : "running");
            failure = savedFailure;
            failureLine = savedLine;
            return b;
        }
    }
}
