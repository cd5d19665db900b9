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
    /**
     * How far after a consequence line ("Could not boot.") its cause may still come: dracut prints
     * both to the console and to the kernel log, so each appears twice, a few lines apart.
     */
    private static final int CAUSE_AFTER_CONSEQUENCE_LINES = 8;

    private static final List<BootRule> RULES = BootRules.ALL;
    private static final List<String> NEEDLES = List.copyOf(new LinkedHashSet<>(
            RULES.stream().map(BootRule::needle).filter(n -> n != null).toList()));
    private static final NeedleSet NEEDLE_SET = new NeedleSet(NEEDLES);
    private static final int[] NEEDLE_OF_RULE =
            RULES.stream().mapToInt(r -> r.needle() == null ? -1 : NEEDLES.indexOf(r.needle())).toArray();

    private final List<BootRule> rules = RULES;
    private final NeedleSet needles = NEEDLE_SET;
    private final int[] needleOfRule = NEEDLE_OF_RULE;
    private static final int[] SLOT_OF_RULE = RULES.stream().mapToInt(r -> slot(r.effect())).toArray();
    private final int[] slotOf = SLOT_OF_RULE;
    private final NeedleSet.Hits hits = NEEDLE_SET.newHits();
    private final BootRule[] chosen = new BootRule[SLOTS];
    private final Matcher[] matched = new Matcher[SLOTS];

    private final List<Boot> head = new ArrayList<>();
    private final ArrayDeque<Boot> tail = new ArrayDeque<>();
    private int[] startLines = new int[16];
    private int bootCount;
    private final List<Finding> findings = new ArrayList<>();
    private final Map<String, FindingCounter> failureFindings = new LinkedHashMap<>();
    /** A failure whose message ended in a colon; the next line completes its title. */
    private FindingCounter awaitingRest;
    private final List<UnexpectedReboot> unexpectedReboots = new ArrayList<>();

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
            current.userSpaceOutput(line, raw);
            return;
        }
        String text = LineText.of(line);
        BootRule[] chosen = this.chosen;
        Matcher[] matched = this.matched;
        java.util.Arrays.fill(chosen, null);
        for (int i = 0; i < rules.size(); i++) {
            BootRule rule = rules.get(i);
            int needle = needleOfRule[i];
            if (needle < 0 ? !prompt : !hit || !hits.contains(needle)) {
                continue;
            }
            int slot = slotOf[i];
            if (chosen[slot] != null) {
                continue;
            }
            if (rule.inBootLoader() && !current.inBootLoader()) {
                rememberIfBootLoaderMayFollow(rule, text, line);
                continue;
            }
            if (rule.outsideInitramfs() && current.reached == BootStage.INITRAMFS) {
                continue;
            }
            Matcher m = rule.pattern().matcher(text);
            if (!(rule.anchored() ? m.lookingAt() : m.find())) {
                continue;
            }
            chosen[slot] = rule;
            matched[slot] = m;
        }
        if (chosen[SLOT_BOUNDARY] != null) {
            applyBoundary(chosen[SLOT_BOUNDARY], matched[SLOT_BOUNDARY], line, text);
        }
        current.observe(line, raw);
        if (chosen[SLOT_SIGN] != null) {
            current.initramfsSign(line, text);
        }
        if (chosen[SLOT_HANDOFF] != null) {
            current.initStarted = true;
        }
        BootRule failure = chosen[SLOT_FAILURE];
        BootRule stage = chosen[SLOT_STAGE];
        if (failure != null) {
            fail(failure, clip(text.substring(matched[SLOT_FAILURE].start()).trim()), line.number());
        } else if (stage != null) {
            current.reach(stage, line, text);
        }
        BootRule wait = chosen[SLOT_WAIT];
        if (wait != null && wait.effect() == BootRule.Effect.WAIT) {
            current.waitFor(wait, matched[SLOT_WAIT], line, text);
        } else if (wait != null || stage != null) {
            current.moveOn();
        }
        current.userSpaceOutput(line, raw);
        BootRule ending = chosen[SLOT_ENDING];
        if (ending != null && ending.id().startsWith("sysrq")) {
            current.endedFromOutside = true;
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

    private static final int SLOT_BOUNDARY = 0;
    private static final int SLOT_ENDING = 1;
    private static final int SLOT_FAILURE = 2;
    private static final int SLOT_STAGE = 3;
    private static final int SLOT_WAIT = 4;
    private static final int SLOT_SIGN = 5;
    private static final int SLOT_HANDOFF = 6;
    private static final int SLOTS = 7;

    /** Rows compete for a line only with rows of the same kind: the first matching row of each kind counts. */
    private static int slot(BootRule.Effect effect) {
        return switch (effect) {
            case BANNER, COMMAND_LINE, FIRMWARE -> SLOT_BOUNDARY;
            case PANIC, REBOOT, HALT -> SLOT_ENDING;
            case FAILURE -> SLOT_FAILURE;
            case STAGE -> SLOT_STAGE;
            case WAIT, PROGRESS -> SLOT_WAIT;
            case INITRAMFS_SIGN -> SLOT_SIGN;
            case INIT_HANDOFF -> SLOT_HANDOFF;
        };
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
                if (current.earlyLoaderLine > 0 && current.release == null) {
                    // the boot loader's line from before anything said this was one
                    fail(current.earlyLoaderRule, current.earlyLoaderText, current.earlyLoaderLine);
                    current.earlyLoaderLine = 0;
                }
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

    /**
     * A serial console often starts inside the boot loader, with nothing to say so (the firmware
     * wrote to the screen only): GRUB's {@code error: file '/boot/grub/i386-pc/normal.mod' not
     * found.} comes first, and only the {@code grub rescue>} prompt after it proves where the console
     * is. Such a line, seen before anything else, is kept until a boot-loader line claims it.
     */
    private void rememberIfBootLoaderMayFollow(BootRule rule, String text, ConsoleLine line) {
        if (current.startSeen || current.hasEvidence() || current.earlyLoaderLine > 0) {
            return;
        }
        Matcher m = rule.pattern().matcher(text);
        if (rule.anchored() ? m.lookingAt() : m.find()) {
            current.earlyLoaderRule = rule;
            current.earlyLoaderText = clip(text.substring(m.start()).trim());
            current.earlyLoaderLine = line.number();
        }
    }

    private void fail(BootRule rule, String text, long lineNumber) {
        current.fail(rule, text, lineNumber);
        String key = rule.id() + '|' + current.index;
        FindingCounter counter = failureFindings.get(key);
        if (counter != null) {
            counter.count++;
            counter.lastLine = lineNumber;
            return;
        }
        if (failureFindings.size() < MAX_FINDINGS) {
            FindingCounter created = new FindingCounter(rule, text, lineNumber, current.index, current);
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
        String endedBy;
        boolean unexpected = false;
        if (boot.panicked) {
            endedBy = "panic";
        } else if (boot.ending != null) {
            endedBy = boot.ending;
        } else if (nextStart > 0) {
            endedBy = "reboot";
            // A log daemon stops before the shutdown it would have filed: in kern.log or the journal a
            // reboot without a shutdown message is what every reboot looks like.
            unexpected = !boot.filed();
        } else {
            endedBy = "running";
        }
        boot.decideFailure(endedBy, unexpected);
        if (boot.failure != null && boot.waitText != null && boot.failureLine == boot.waitLine) {
            recordWaitFailure(boot);
        }
        if (unexpected) {
            if (unexpectedReboots.size() < MAX_FINDINGS) {
                unexpectedReboots.add(new UnexpectedReboot(boot.index, FindingAnalyzer.toInt(boot.lastLine),
                        boot.lastText == null ? "" : clip(boot.lastText), FindingAnalyzer.toInt(nextStart)));
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

    /** A boot that ended in a wait for its root device gets a boot-failure finding like any failure line. */
    private void recordWaitFailure(Current boot) {
        if (findings.size() >= MAX_FINDINGS) {
            return;
        }
        Map<String, String> details = new LinkedHashMap<>();
        details.put("rule", boot.waitRule);
        details.put("fatal", "false");
        details.put("recovered", "false");
        details.put("log-ended-waiting", "true");
        findings.add(new Finding(FindingKind.BOOT_FAILURE, boot.failure, FindingAnalyzer.toInt(boot.waitLine), boot.index,
                details));
    }

    /**
     * Where a boot ended in a reboot that nothing asked for (no shutdown, reboot request or panic
     * before the next banner, in a console rather than a log daemon's file).
     *
     * @param boot       0-based index of the boot that ended
     * @param lastLine   its last line
     * @param lastText   the text of that line
     * @param bannerLine the first line of the next boot
     */
    public record UnexpectedReboot(int boot, int lastLine, String lastText, int bannerLine) {
    }

    /** The unexpected reboots, in log order. */
    public List<UnexpectedReboot> unexpectedReboots() {
        return List.copyOf(unexpectedReboots);
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
        /** Stage rows after which the boot runs in its real root (the initramfs, if any, is done). */
        private static final java.util.Set<String> REAL_ROOT_ROWS = java.util.Set.of("switch-root", "run-real-init", "sysvinit");
        /** Stage rows that only a distribution's initramfs helper prints (initramfs-tools, systemd in the initrd). */
        private static final java.util.Set<String> INITRAMFS_HELPER_ROWS = java.util.Set.of("initramfs-tools",
                "systemd-initrd-welcome");

        final int index;
        final long startLine;
        long lastLine;
        String lastText;
        long lines;
        long filedLines;
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
        /** A boot-loader line seen before anything said where the console was (0: none). */
        long earlyLoaderLine;
        BootRule earlyLoaderRule;
        String earlyLoaderText;
        /** The boot's failure is a consequence line that no cause came before: one may follow it. */
        boolean consequenceWithoutCause;
        /** The latest non-fatal failure: the cause of a fatal consequence that follows it. */
        String lastSoftFailure;
        long lastSoftFailureLine;
        boolean panicked;
        String panicText;
        long panicLine;
        String ending;
        long loginLine;
        /**
         * The lowest stage reached on evidence that an initramfs gives too (a target line its
         * systemd prints, program output after the root was mounted); null when none. A later sign
         * of the initramfs withdraws it and every stage above it.
         */
        BootStage tentativeFrom;
        /** The kernel handed over to init ({@code Run /init as init process}, or it freed its init memory). */
        boolean initStarted;
        /** A distribution's initramfs helper is at work: its output is not yet the system's user space. */
        boolean inInitramfs;
        /** The boot switched to its real root (or started init there): initramfs signs no longer apply. */
        boolean rootSwitched;
        /** A reboot or halt came through sysrq (from outside), not as a request of init. */
        boolean endedFromOutside;
        /** The wait for the root device the boot is in, if any (cleared when the boot moves on). */
        String waitText;
        long waitLine;
        String waitRule;

        Current(int index, long startLine) {
            this.index = index;
            this.startLine = startLine;
            this.lastLine = startLine;
        }

        void observe(ConsoleLine line, String raw) {
            lastLine = line.number();
            lines++;
            if (line.filed()) {
                filedLines++;
            }
            if (raw != null && !raw.isBlank()) {
                lastText = raw;
            }
            if (!kernelEvidence && (line.timestamp() != null || raw != null && raw.startsWith("["))) {
                kernelEvidence = LineText.timestamp(line) != null;
            }
        }

        /**
         * After the kernel handed over to init, a program's own output shows that user space runs
         * (a test runner as init prints, but never shows a prompt): the boot reached init. Not while
         * an initramfs helper is at work, and not for the helpers' and systemd's status lines, which
         * the table's rows judge.
         */
        void userSpaceOutput(ConsoleLine line, String raw) {
            if (initStarted && !inInitramfs && reached.compareTo(BootStage.INIT) < 0 && kernelEvidence
                    && !fatalSeen && !panicked && ProgramOutput.is(line, raw)) {
                reach(BootStage.INIT, line, raw.trim(), true);
            }
        }

        /** Most of the boot's lines came through a log daemon (kern.log, the journal), not a console. */
        boolean filed() {
            return filedLines * 2 > lines;
        }

        /** A boot joined mid-way that showed kernel output, or any milestone, failure or ending. */
        boolean hasEvidence() {
            return kernelEvidence || !milestones.isEmpty() || failure != null || softFailure != null || panicked
                    || ending != null;
        }

        boolean inBootLoader() {
            return startSeen && release == null;
        }

        /** Init or later programs ran: an init in the real root, user-space output, or a login. */
        boolean reachedUserSpace() {
            return reached.compareTo(BootStage.INIT) >= 0;
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
                // a boot-loader line kept from before anything said where the console was comes first
                boolean early = earlyLoaderLine > 0;
                milestones.add(new Boot.Milestone(BootStage.BOOTLOADER, FindingAnalyzer.toInt(early ? earlyLoaderLine : line.number()),
                        early ? null : LineText.timestamp(line), clip((early ? earlyLoaderText : text).trim())));
            }
        }

        void reach(BootRule rule, ConsoleLine line, String text) {
            String id = rule.id();
            if (id.startsWith("run-")) {
                initStarted = true;
            }
            if (REAL_ROOT_ROWS.contains(id)) {
                rootSwitched = true;
                inInitramfs = false;
            } else if (INITRAMFS_HELPER_ROWS.contains(id) && !rootSwitched) {
                inInitramfs = true;
            } else if (rule.stage() == BootStage.ROOT_MOUNTED) {
                // the helper's work is done once the root is mounted (initramfs-tools does not
                // announce the switch); what prints next without a status line's shape is the system
                inInitramfs = false;
            }
            if (!rule.tentative() && tentativeFrom != null && rule.stage().compareTo(tentativeFrom) >= 0) {
                tentativeFrom = null; // confirmed by a sign an initramfs does not give
            }
            reach(rule.stage(), line, text, rule.tentative());
        }

        private void reach(BootStage stage, ConsoleLine line, String text, boolean tentative) {
            if (fatalSeen || panicked || stage.compareTo(reached) <= 0) {
                return; // stages only go up, and not after the boot is lost
            }
            reached = stage;
            if (stage == BootStage.LOGIN) {
                loginLine = line.number();
            }
            if (tentative && tentativeFrom == null) {
                tentativeFrom = stage;
            }
            milestones.add(new Boot.Milestone(stage, FindingAnalyzer.toInt(line.number()), LineText.timestamp(line),
                    clip(text.trim())));
        }

        /**
         * A line only an initramfs prints: the boot is in its initramfs. A login stage that came from
         * a target line alone was the initramfs' systemd, and program output after the root was
         * mounted was still the initramfs' (initramfs-tools' own mount errors before run-init): both
         * are withdrawn.
         */
        void initramfsSign(ConsoleLine line, String text) {
            if (rootSwitched) {
                return;
            }
            inInitramfs = true;
            if (tentativeFrom != null) {
                BootStage withdrawn = tentativeFrom;
                milestones.removeIf(m -> m.stage().compareTo(withdrawn) >= 0);
                reached = milestones.isEmpty() ? BootRules.JOINED_STAGE : milestones.get(milestones.size() - 1).stage();
                loginLine = 0;
                tentativeFrom = null;
            }
            if (reached.compareTo(BootStage.INITRAMFS) < 0) {
                reach(BootStage.INITRAMFS, line, text, false);
            }
        }

        /** A wait for the root device, if the line's wait is one (see {@link #blocksRoot}). */
        void waitFor(BootRule rule, Matcher m, ConsoleLine line, String text) {
            if (fatalSeen || panicked || reachedUserSpace() && !rule.id().equals("start-job")) {
                return;
            }
            if (rule.id().equals("start-job") && !blocksRoot(m.group("unit"))) {
                return;
            }
            waitText = clip(text.substring(m.start()).trim());
            waitLine = line.number();
            waitRule = rule.id();
        }

        /**
         * A start job that holds the boot before its real root: for {@code /sysroot}, for the device
         * the command line's {@code root=} names, or for any device while the root is not mounted yet.
         */
        private boolean blocksRoot(String unit) {
            if (unit.contains("sysroot")) {
                return true;
            }
            String root = RootDevice.asSystemdNamesIt(commandLine);
            if (root != null && unit.contains(root)) {
                return true;
            }
            boolean device = unit.startsWith("/dev/") || unit.endsWith(".device");
            return device && !rootSwitched && reached.compareTo(BootStage.ROOT_MOUNTED) < 0;
        }

        void moveOn() {
            waitText = null;
        }

        void fail(BootRule rule, String text, long line) {
            if (!rule.consequence() && consequenceWithoutCause && line - failureLine <= CAUSE_AFTER_CONSEQUENCE_LINES) {
                // dracut says "Could not boot." first and why ("/dev/vda does not exist") next
                failure = text;
                failureLine = line;
                consequenceWithoutCause = false;
            }
            if (rule.fatal()) {
                if (!fatalSeen && failure == null) {
                    // "Dependency failed for /sysroot" says where the boot went; the failure just
                    // before it (a failed File System Check, a device timeout) says why.
                    boolean causeSeen = lastSoftFailure != null && lastSoftFailureLine > loginLine;
                    failure = rule.consequence() && causeSeen ? lastSoftFailure : text;
                    failureLine = rule.consequence() && causeSeen ? lastSoftFailureLine : line;
                    consequenceWithoutCause = rule.consequence() && !causeSeen;
                }
                fatalSeen = true;
            } else {
                if (softFailure == null) {
                    softFailure = text;
                    softFailureLine = line;
                }
                if (!rule.consequence()) {
                    lastSoftFailure = text;
                    lastSoftFailureLine = line;
                }
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
            if (was.equals(lastSoftFailure)) {
                lastSoftFailure = now;
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
         * the boot never reached a working user space; else, for a boot whose start was seen, its end
         * before user space (a panic, a reboot or halt); else, for a boot still running at the end of
         * the log, the wait for its root device that it never got past.
         *
         * @param endedBy how the boot ended ({@code running}, {@code reboot}, {@code halt}, {@code panic})
         * @param unexpected the boot ended in a reboot nothing asked for
         */
        void decideFailure(String endedBy, boolean unexpected) {
            if (failure != null) {
                return;
            }
            if (softFailure != null && loginLine == 0) {
                failure = softFailure;
                failureLine = softFailureLine;
            } else if (panicked && startSeen && !reachedUserSpace()) {
                failure = panicText;
                failureLine = panicLine;
            } else if ((unexpected || ending != null && (!initStarted || endedFromOutside)) && !endedBy.equals("panic")
                    && startSeen && !reachedUserSpace()) {
                // A clean reboot or halt after the kernel handed over to init was init's own request:
                // user space ran, even if it printed nothing. A reboot in a log daemon's file is
                // neither: its shutdown was simply never filed.
                failure = (unexpected ? "rebooted unexpectedly" : endedBy.equals("halt") ? "halted" : "rebooted")
                        + " before user space came up (reached " + reached.id() + ")";
                // on the failed boot's own last line: the next banner belongs to the next boot
                failureLine = lastLine;
            } else if (endedBy.equals("running") && waitText != null) {
                failure = "the log ends while the boot waits: " + waitText;
                failureLine = waitLine;
            }
        }

        Boot toBoot(String endedBy) {
            return new Boot(index, FindingAnalyzer.toInt(startLine), FindingAnalyzer.toInt(lastLine), release, commandLine,
                    reached, failure, FindingAnalyzer.toInt(failureLine), endedBy, milestones);
        }

        Boot snapshot() {
            String savedFailure = failure;
            long savedLine = failureLine;
            String endedBy = panicked ? "panic" : ending != null ? ending : "running";
            decideFailure(endedBy, false);
            Boot b = toBoot(endedBy);
            failure = savedFailure;
            failureLine = savedLine;
            return b;
        }
    }
}
