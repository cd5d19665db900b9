package dev.ecsdiag.classify.crash;

import static dev.ecsdiag.classify.crash.ReportPatterns.CALL_TRACE;
import static dev.ecsdiag.classify.crash.ReportPatterns.RIP;
import static dev.ecsdiag.classify.crash.ReportPatterns.compile;

import dev.ecsdiag.classify.crash.StackSpec.Part;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The kernel's report formats, as data. Each group is a header keyword and its rows; a row is a
 * title pattern, optional detail patterns further down the report, a title template and where the
 * guilty frame comes from. Adding a format is adding a row. The titles follow syzkaller's "KIND in
 * FUNCTION" convention so that ecsdiag groups crashes the way syzbot does.
 *
 * <p>Order matters: groups are tried in order for a header line (the first whose keyword the line
 * holds wins), rows within a group by where their title matches, then by order.
 */
public final class OopsTable {

    private OopsTable() {
    }

    private static final Part STACK = Part.STACK;
    private static final Part RIP_LINE = new Part(RIP);
    private static final Part TRACE = new Part(CALL_TRACE);

    private static Part part(String regex) {
        return new Part(compile(regex));
    }

    private static List<Part> parts(Part... parts) {
        return List.of(parts);
    }

    private static StackSpec stack(List<Part> parts, String... skip) {
        return new StackSpec(parts, List.of(), List.of(skip), FrameExtractor.FIRST);
    }

    private static StackSpec stall(List<Part> parts, String... skip) {
        return new StackSpec(parts, List.of(), List.of(skip), FrameExtractor.STALL);
    }

    /** The faulting RIP first, then the call trace: oopses raised by an exception. */
    private static StackSpec ripThenTrace(String... skip) {
        return stack(parts(RIP_LINE, TRACE, STACK), skip);
    }

    private static StackSpec trace(String... skip) {
        return stack(parts(TRACE, STACK), skip);
    }

    /**
     * WARN(): newer kernels trap and print the RIP (x86) or an interrupt frame (powerpc) before the
     * stack; older ones print the stack only.
     */
    private static StackSpec warningStack(String... skip) {
        Part ripOrInterrupt = new Part(Pattern.compile("(?:" + RIP.pattern() + "|--- interrupt: [0-9]+ at "
                + ReportPatterns.FUNC + ")"));
        return new StackSpec(parts(ripOrInterrupt, STACK), parts(TRACE, STACK), List.of(skip), FrameExtractor.FIRST);
    }

    /** Row builder: {@code row(title).after(line).then(detail).as(template).alt(...).stack(...)}. */
    private static final class Row {
        private final Pattern title;
        private Pattern before;
        private final List<Pattern> details = new ArrayList<>();
        private String template;
        private final List<String> alts = new ArrayList<>();
        private StackSpec stack;
        private boolean noStackTrace;
        private boolean corrupted;

        Row(String title) {
            this.title = compile(title);
        }

        /** The line printed just before the header, in its printk context, must match {@code line}. */
        Row after(String line) {
            this.before = compile(line);
            return this;
        }

        Row then(String detail) {
            details.add(compile(detail));
            return this;
        }

        Row as(String template) {
            this.template = template;
            return this;
        }

        Row alt(String alt) {
            alts.add(alt);
            return this;
        }

        Row stack(StackSpec stack) {
            this.stack = stack;
            return this;
        }

        Row noStack() {
            noStackTrace = true;
            return this;
        }

        Row corrupted() {
            corrupted = true;
            return this;
        }

        OopsFormat build() {
            return new OopsFormat(title, before, List.copyOf(details), template, List.copyOf(alts), stack, noStackTrace,
                    corrupted);
        }
    }

    private static Row row(String title) {
        return new Row(title);
    }

    private static OopsGroup group(String header, List<String> suppressions, Row... rows) {
        List<OopsFormat> formats = new ArrayList<>();
        for (Row r : rows) {
            formats.add(r.build());
        }
        return new OopsGroup(header, List.copyOf(formats),
                suppressions.stream().map(ReportPatterns::compile).toList());
    }

    /**
     * Lines holding one of these continue a report already open instead of starting a new one:
     * the kernel prints them in the middle of (or right after) another report, e.g. {@code Kernel
     * panic - not syncing} after an oops, {@code invalid opcode: 0000} after {@code kernel BUG at},
     * {@code Internal error:} after arm's {@code Unable to handle kernel paging request}.
     */
    public static final List<String> CONTINUATIONS = List.of("invalid opcode: 0000", "Kernel panic - not syncing",
            "unregister_netdevice: waiting for", "PANIC: double fault", "Internal error:", "Oops: ",
            // SLUB debugging details of the object a report is about
            "INFO: Object 0x", "INFO: Slab 0x", "INFO: Allocated in ", "INFO: Freed in ");

    public static boolean isContinuation(String line) {
        for (String c : CONTINUATIONS) {
            if (line.contains(c)) {
                return true;
            }
        }
        return false;
    }

    private static final String LOCK_AT = "at: (?:{{PC}} +)?{{FUNC}}";

    /**
     * An RCU stall report's stalled CPU (kernel/rcu/tree_stall.h, print_other_cpu_stall): named in
     * the list of stalled CPUs ({@code 0-...0: (1 ticks this GP) idle=...}, or {@code { 0 2}} on the
     * header line of old kernels), then dumped as {@code NMI backtrace for cpu 0}. The frames that
     * name the stall are the interrupted task's: after {@code </NMI>} (the NMI handler's own) and
     * {@code </IRQ>} (an interrupt that happened to run; {@code <EOI>} on old kernels), as
     * syzkaller reads a self-detected stall's frames after the timer interrupt. The dump that
     * follows {@code Stack dump where RCU GP kthread last ran:} is of the CPU the grace-period
     * kthread last ran on, even when that CPU is a stalled one: it says why the kthread starves,
     * not what the stalled CPU loops in.
     */
    static final CpuDump STALLED_CPU = new CpuDump(
            compile("(?:^|\\s)([0-9]+)-[.O][.o][.N]\\S*: \\(|CPUs/tasks: \\{([0-9 ]+)\\}"),
            compile("NMI backtrace for cpu ([0-9]+)"),
            compile("Stack dump where RCU GP kthread last ran|RCU grace-period kthread stack dump"),
            compile("</NMI>|</IRQ>|<EOI>"));

    public static final List<OopsGroup> GROUPS = List.of(
            group("BUG:", List.of("ODEBUG:", "Boot_DEBUG:", "xlog_status:", "DEBUG:",
                            "BUG: no syscalls can create resource"),
                    row("BUG: KASAN: ([a-z\\-]+) in {{FUNC}}").then("(Read|Write) (?:of size|at addr) [0-9a-f]+")
                            .as("KASAN: {1} {3} in {f}").alt("bad-access in {f}")
                            .stack(stack(parts(part("BUG: KASAN: (?:[a-z\\-]+) in {{FUNC}}"), TRACE, STACK),
                                    "kernel_fault", "tag_check", "mem_abort", "^el1_", "^el1h_")),
                    row("BUG: KASAN: (?:double-free or invalid-free|double-free|invalid-free) in {{FUNC}}")
                            .as("KASAN: invalid-free in {f}").alt("invalid-free in {f}")
                            .stack(stack(parts(part("BUG: KASAN: (?:double-free or invalid-free|double-free"
                                    + "|invalid-free) in {{FUNC}}"), TRACE, STACK), "slab_", "kfree", "vunmap", "vfree")),
                    row("BUG: KASAN: ([a-z\\-]+) on address").then("(Read|Write) of size ([0-9]+)")
                            .as("KASAN: {1} {2}"),
                    row("BUG: KASAN: (.*)").as("KASAN: {1}").corrupted(),
                    row("BUG: KMSAN: kernel-usb-infoleak in {{FUNC}}").as("KMSAN: kernel-usb-infoleak in {f}")
                            .alt("KMSAN origin in {f2}").noStack()
                            .stack(stack(parts(STACK, part("(?:Local variable .* created at:|Uninit was created at:)"),
                                    STACK), "alloc_skb", "usb_submit_urb", "usb_start_wait_urb", "usb_bulk_msg",
                                    "usb_interrupt_msg", "usb_control_msg")),
                    row("BUG: KMSAN: ([a-z\\-]+) in {{FUNC}}").as("KMSAN: {1} in {f}").alt("bad-access in {f}")
                            .noStack()
                            .stack(stack(parts(STACK, part("(?:Local variable .* created at:|Uninit was created at:)"),
                                    STACK), "alloc_skb", "netlink_ack", "netlink_rcv_skb", "_encrypt$",
                                    "^(?:crypto|cipher|drbg|rng)_")),
                    row("BUG: KCSAN: (.*)").as("KCSAN: {1}").noStack(),
                    row("BUG: KFENCE: (use-after-free|out-of-bounds) (read|write) in {{FUNC}}")
                            .as("KFENCE: {1} {2} in {f}").alt("bad-access in {f}")
                            .stack(stack(parts(part("BUG: KFENCE: (?:[a-z\\- ]+) in {{FUNC}}"), STACK))),
                    row("BUG: KFENCE: invalid free in {{FUNC}}").as("KFENCE: invalid free in {f}")
                            .alt("invalid-free in {f}").noStack()
                            .stack(stack(parts(part("BUG: KFENCE: (?:[a-z\\- ]+) in {{FUNC}}"), STACK))),
                    row("BUG: KFENCE: invalid (read|write) in {{FUNC}}").as("KFENCE: invalid {1} in {f}")
                            .alt("bad-access in {f}")
                            .stack(stack(parts(part("BUG: KFENCE: (?:[a-z\\- ]+) in {{FUNC}}"), STACK))),
                    row("BUG: KFENCE: memory corruption in {{FUNC}}").as("KFENCE: memory corruption in {f}").noStack()
                            .stack(stack(parts(part("BUG: KFENCE: (?:[a-z\\- ]+) in {{FUNC}}"), STACK))),
                    row("BUG: (?:unable to handle kernel paging request|unable to handle page fault for address"
                            + "|Unable to handle kernel data access)")
                            .as("BUG: unable to handle kernel paging request in {f}").alt("bad-access in {f}")
                            .stack(ripThenTrace()),
                    row("BUG: (?:unable to handle kernel NULL pointer dereference|kernel NULL pointer dereference"
                            + "|Kernel NULL pointer dereference)")
                            .as("BUG: unable to handle kernel NULL pointer dereference in {f}")
                            .alt("bad-access in {f}").stack(ripThenTrace()),
                    row("BUG: (?:unable to handle kernel|Unable to handle kernel)").as("BUG: unable to handle kernel")
                            .corrupted(),
                    row("BUG: (spinlock|rwlock) (lockup suspected|already unlocked|recursion|cpu recursion|bad magic"
                            + "|wrong owner|wrong CPU|trylock failure on UP)").as("BUG: {1} {2} in {f}")
                            .stack(trace("spin_", "_lock", "_unlock")),
                    row("BUG: soft lockup").as("BUG: soft lockup in {f}").alt("stall in {f}")
                            .stack(stall(parts(RIP_LINE, TRACE, STACK))),
                    row("BUG: .*still has locks held!").then("{{PC}} +{{FUNC}}")
                            .as("BUG: still has locks held in {1}"),
                    row("BUG: scheduling while atomic").as("BUG: scheduling while atomic in {f}")
                            .stack(trace("schedule")),
                    row("BUG: lock held when returning to user space")
                            .then("leaving the kernel with locks still held").then(LOCK_AT)
                            .as("BUG: lock held when returning to user space in {1}").noStack(),
                    row("BUG: bad unlock balance detected!").as("BUG: bad unlock balance in {f}")
                            .stack(stack(parts(part("{{PC}} +{{FUNC}}"), TRACE, STACK))),
                    row("BUG: held lock freed!").then("{{PC}} +{{FUNC}}").as("BUG: held lock freed in {1}"),
                    row("BUG: Bad rss-counter state").as("BUG: Bad rss-counter state").noStack(),
                    row("BUG: non-zero nr_ptes on freeing mm").as("BUG: non-zero nr_ptes on freeing mm").noStack(),
                    row("BUG: non-zero nr_pmds on freeing mm").as("BUG: non-zero nr_pmds on freeing mm").noStack(),
                    // File system type and block device vary (loop0/1/2): keep them out of the title.
                    row("BUG: Dentry .* still in use \\([0-9]+\\) \\[(unmount) of ([^\\]]+)\\]")
                            .as("BUG: Dentry still in use in {1}").alt("BUG: Dentry still in use [{1} of {2}]"),
                    row("BUG: Bad page (state|cache)").as("BUG: Bad page {1} in {f}")
                            .stack(stack(parts(part("page last allocated"), STACK), "(free|put|get|update|release)_page",
                                    "free_unref", "^_*folio", "truncate_inode_pages", "page_frag_free", "alloc", "vmap",
                                    "page_owner")),
                    row("BUG: Bad page map").as("BUG: Bad page map"),
                    row("BUG: workqueue lockup").as("BUG: workqueue lockup").noStack(),
                    row("BUG: sleeping function called from invalid context at (.*)")
                            .as("BUG: sleeping function called from invalid context in {f}").stack(trace()),
                    row("BUG: using ([a-z_]+)\\(\\) in preemptible").as("BUG: using {1}() in preemptible code in {f}")
                            .stack(trace("dump_stack", "preemption", "preempt", "debug_", "processor_id", "this_cpu")),
                    row("BUG: workqueue leaked lock or atomic").then("last function: ([a-zA-Z0-9_]+)$")
                            .as("BUG: workqueue leaked lock or atomic in {1}").noStack(),
                    row("BUG: memory leak").as("memory leak in {f}")
                            .stack(stack(parts(part("backtrace(?: \\(crc [0-9a-fA-F]*\\))?:"), STACK), "kmemleak",
                                    "mmap", "kmem", "slab", "alloc", "create_object", "idr_get", "list_lru_init",
                                    "kasprintf", "kvasprintf", "pcpu_create", "strdup", "strndup", "memdup")),
                    row("BUG: .*stack guard page was hit at").as("BUG: stack guard page was hit in {f}")
                            .alt("stack-overflow in {f}").stack(stall(parts(RIP_LINE, TRACE, STACK))),
                    // arm/arm64 print this lockdep splat differently from x86; title it as x86 does.
                    row("BUG: Invalid wait context").as("WARNING: locking bug in {f}")
                            .stack(trace("lock_sock", "release_sock")),
                    row("BUG:\\s*$").as("BUG: corrupted").corrupted()),

            group("WARNING:", List.of("WARNING: /etc/ssh/moduli does not exist, using fixed modulus",
                            "WARNING: workqueue cpumask: online intersect > possible intersect",
                            "WARNING: [Tt]he mand mount option",
                            "WARNING: Unsupported flag value\\(s\\) of 0x%x in DT_FLAGS_1",
                            "WARNING: Unprivileged eBPF is enabled with eIBRS",
                            "WARNING: fbcon: Driver '(.*)' missed to adjust virtual screen size",
                            "WARNING: See https.* for mitigation options.",
                            "WARNING: kernel not compiled with CPU_SRSO",
                            "EXT4-[Ff][Ss](?: \\(.*\\))?:",
                            // "warning: `prog' uses deprecated v2 capabilities ...", "... uses wireless extensions ..."
                            "(?i)uses (?:deprecated v2 capabilities|wireless extensions)",
                            "XFS \\(\\w+\\): WARNING",
                            // Xen's grant table ("xen:grant_table: WARNING: g.e. 0xa still in use!"): a
                            // backend still maps a page the guest gives back; the page is freed later, not a crash
                            "WARNING: g\\.e\\. (?:0x)?[0-9a-f]+ still in use"),
                    row("WARNING: .*lib/debugobjects\\.c.* (?:debug_print|debug_check|at)")
                            .as("WARNING: ODEBUG bug in {f}")
                            .stack(warningStack("debug_", "rcu", "hrtimer_", "timer_", "work_", "percpu_", "vunmap",
                                    "vfree", "__free_", "debug_check", "kobject_")),
                    row("WARNING: .*mm/usercopy\\.c.* (?:usercopy_warn|at)").as("WARNING: bad usercopy in {f}")
                            .stack(warningStack("usercopy", "__check")),
                    row("WARNING: .*lib/kobject\\.c.* (?:kobject_|at)").as("WARNING: kobject bug in {f}")
                            .stack(warningStack("kobject_")),
                    row("WARNING: .*fs/proc/generic\\.c.* (?:proc_register|at)")
                            .as("WARNING: proc registration bug in {f}").stack(warningStack("proc_")),
                    row("WARNING: .*lib/refcount\\.c.* (?:refcount_|at)").as("WARNING: refcount bug in {f}")
                            .stack(warningStack("refcount", "kobject_")),
                    row("WARNING: .*kernel/locking/lockdep\\.c.*lock_").as("WARNING: locking bug in {f}")
                            .stack(warningStack("lock_sock", "release_sock")),
                    row("WARNING: .*still has locks held!").then("at: {{FUNC}}")
                            .as("WARNING: still has locks held in {1}"),
                    row("WARNING: Nested lock was not taken").as("WARNING: nested lock was not taken in {f}")
                            .stack(warningStack()),
                    row("WARNING: lock held when returning to user space")
                            .then("leaving the kernel with locks still held").then(LOCK_AT)
                            .as("WARNING: lock held when returning to user space in {1}").noStack(),
                    row("WARNING: .*mm/.*\\.c.* k?.?malloc").as("WARNING: kmalloc bug in {f}")
                            .stack(warningStack("kmalloc", "krealloc", "slab", "kmem")),
                    row("WARNING: .*mm/vmalloc.c.*__vmalloc_node").as("WARNING: zero-size vmalloc in {f}")
                            .stack(warningStack()),
                    row("WARNING: .* usb_submit_urb").as("WARNING in {f}/usb_submit_urb")
                            .stack(warningStack("usb_submit_urb", "usb_start_wait_urb", "usb_bulk_msg",
                                    "usb_interrupt_msg", "usb_control_msg")),
                    // Linux 6.19+: "WARNING: net/core/dev.c:123 at 0x..., CPU#0: ..."
                    row("WARNING: {{SRC}} at 0x\\d+, CPU#\\d+").as("WARNING in {f}").stack(warningStack()),
                    row("WARNING: .* at {{SRC}} {{FUNC}}").as("WARNING in {f}").stack(warningStack()),
                    row("WARNING: {{SRC}} at {{FUNC}}").as("WARNING in {f}").stack(warningStack()),
                    row("WARNING: \\[.*\\] {{SRC}} at {{FUNC}}").as("WARNING in {f}").stack(warningStack()),
                    row("WARNING: possible circular locking dependency detected").then("is trying to acquire lock")
                            .as("possible deadlock in {f}")
                            .stack(stack(parts(part(LOCK_AT), part(LOCK_AT), STACK), "process_one_work",
                                    "flush_workqueue", "drain_workqueue", "destroy_workqueue")),
                    row("WARNING: possible irq lock inversion dependency detected")
                            .then("just changed the state of lock").then(LOCK_AT).as("possible deadlock in {1}"),
                    row("WARNING: .*-safe -> .*-unsafe lock order detected").as("possible deadlock in {f}")
                            .stack(stack(parts(part("which became (?:.*) at:"), STACK))),
                    row("WARNING: possible recursive locking detected").then("is trying to acquire lock").then(LOCK_AT)
                            .as("possible deadlock in {1}"),
                    row("WARNING: inconsistent lock state").then("takes").then(LOCK_AT)
                            .as("inconsistent lock state in {f}").stack(trace()),
                    row("WARNING: suspicious RCU usage").then("{{SRC}}").as("WARNING: suspicious RCU usage in {f}")
                            .stack(trace("rcu", "kmem", "slab")),
                    row("WARNING: kernel stack regs at [0-9a-f]+ in [^ ]* has bad '([^']+)' value")
                            .as("WARNING: kernel stack regs has bad '{1}' value").noStack(),
                    row("WARNING: kernel stack frame pointer at [0-9a-f]+ in [^ ]* has bad value")
                            .as("WARNING: kernel stack frame pointer has bad value").noStack(),
                    row("WARNING: bad unlock balance detected!").as("WARNING: bad unlock balance in {f}")
                            .stack(stack(parts(part("{{PC}} +{{FUNC}}"), TRACE, STACK))),
                    row("WARNING: held lock freed!").then("at:(?: {{PC}})? +{{FUNC}}")
                            .as("WARNING: held lock freed in {1}"),
                    row("WARNING: kernel stack regs .* has bad 'bp' value").as("WARNING: kernel stack regs has bad value")
                            .noStack(),
                    row("WARNING: kernel stack frame pointer .* has bad value")
                            .as("WARNING: kernel stack regs has bad value").noStack(),
                    row("WARNING:\\s*$").as("WARNING: corrupted").corrupted()),

            group("INFO:", List.of("INFO: lockdep is turned off", "INFO: Stall ended before state dump start",
                            "INFO: NMI handler", "INFO: recovery required on readonly filesystem",
                            "(handler|interrupt).*took too long", "INFO: sys_.* is not present in /proc/kallsyms",
                            "INFO: no syscalls can create resource", "rmt_storage:INFO:", "_INFO:"),
                    row("INFO: possible circular locking dependency detected").then("is trying to acquire lock")
                            .then("at: {{PC}} +{{FUNC}}").as("possible deadlock in {1}"),
                    row("INFO: possible irq lock inversion dependency detected").then("just changed the state of lock")
                            .then("at: {{PC}} +{{FUNC}}").as("possible deadlock in {1}"),
                    row("INFO: SOFTIRQ-safe -> SOFTIRQ-unsafe lock order detected").then("is trying to acquire")
                            .then("at: {{PC}} +{{FUNC}}").as("possible deadlock in {1}"),
                    row("INFO: possible recursive locking detected").then("is trying to acquire lock")
                            .then("at: {{PC}} +{{FUNC}}").as("possible deadlock in {1}"),
                    row("INFO: inconsistent lock state").then("takes").then("at: {{PC}} +{{FUNC}}")
                            .as("inconsistent lock state in {1}"),
                    // Another CPU saw the stall: the report lists the stalled CPUs, then each prints
                    // its stack by NMI backtrace. Read the first one's task frames as a soft lockup's.
                    // No such backtrace (the grace-period kthread's dump only): the next row.
                    row("INFO: rcu_(?:preempt|sched|bh) detected stalls on CPUs/tasks")
                            .as("INFO: rcu detected stall in {f}").alt("stall in {f}")
                            .stack(new StackSpec(parts(STACK), List.of(), List.of("apic_timer_interrupt", "rcu"),
                                    FrameExtractor.STALL, STALLED_CPU)),
                    row("INFO: rcu_(?:preempt|sched|bh|tasks) (?:self-)?detected(?: expedited)? stall")
                            .as("INFO: rcu detected stall in {f}").alt("stall in {f}")
                            .stack(new StackSpec(parts(part("apic_timer_interrupt"), RIP_LINE, STACK),
                                    parts(part("(?:apic_timer_interrupt|Exception stack|el1h_64_irq)"), STACK),
                                    List.of("apic_timer_interrupt", "rcu"), FrameExtractor.STALL)),
                    row("INFO: trying to register non-static key").as("INFO: trying to register non-static key in {f}")
                            .stack(trace("stack", "lock", "IRQ")),
                    row("INFO: suspicious RCU usage").then("{{SRC}}").as("INFO: suspicious RCU usage in {f}")
                            .stack(trace("rcu", "kmem", "slab")),
                    row("INFO: task {{TASK}} blocked (?:in I/O wait )?for more than [0-9]+ seconds")
                            .as("INFO: task hung in {f}").alt("hang in {f}")
                            .stack(new StackSpec(parts(TRACE, STACK), List.of(), List.of(), FrameExtractor.HANG)),
                    row("INFO: task {{TASK}} can't die for more than .* seconds").as("INFO: task can't die in {f}")
                            .alt("hang in {f}").stack(trace("schedule")),
                    // what remains of an old-style KASAN report whose header was lost
                    row("INFO: (Freed|Allocated) in (.*)").as("INFO: {1} in {2}").corrupted(),
                    row("INFO:\\s*$").as("INFO: corrupted").corrupted()),

            group("Unable to handle kernel", List.of(),
                    row("Unable to handle kernel (paging request|NULL pointer dereference|access to user memory)")
                            .as("BUG: unable to handle kernel {1} in {f}").alt("bad-access in {f}")
                            .stack(ripThenTrace())),
            group("general protection fault", List.of("general protection fault .* error:\\d+ in "),
                    row("general protection fault.*:").as("general protection fault in {f}").alt("bad-access in {f}")
                            .stack(ripThenTrace())),
            group("stack segment: ", List.of(),
                    row("stack segment: ").as("stack segment fault in {f}").stack(ripThenTrace())),
            group("Kernel panic", List.of(),
                    row("Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: {{FUNC}}")
                            .as("kernel panic: stack is corrupted in {1}").noStack(),
                    row("Kernel panic - not syncing: stack-protector: Kernel stack is corrupted in: [a-f0-9]+")
                            .as("kernel panic: stack is corrupted in {f}").stack(trace("stack_chk")),
                    row("Kernel panic - not syncing: corrupted stack end detected inside scheduler")
                            .as("kernel panic: corrupted stack end in {f}").alt("stack-overflow in {f}")
                            .stack(stall(parts(TRACE, STACK), "schedule", "retint_kernel")),
                    row("Kernel panic - not syncing: kernel stack overflow").as("kernel stack overflow in {f}")
                            .alt("stack-overflow in {f}").stack(stall(parts(TRACE, STACK), "bad_stack")),
                    row("Kernel panic - not syncing: Attempted to kill init!").as("kernel panic: Attempted to kill init!"),
                    row("Kernel panic - not syncing: Couldn't open N_TTY ldisc for [^ ]+ --- error -[0-9]+")
                            .as("kernel panic: Couldn't open N_TTY ldisc"),
                    // Printed after an oops, a WARNING (panic_on_warn) or a hung task: seen alone, the
                    // report that explains it was lost.
                    row("Kernel panic - not syncing: Fatal exception").as("kernel panic: Fatal exception").corrupted(),
                    row("Kernel panic - not syncing: panic_on_warn set").as("kernel panic: panic_on_warn set")
                            .corrupted(),
                    row("Kernel panic - not syncing: hung_task: blocked tasks")
                            .as("kernel panic: hung_task: blocked tasks").corrupted(),
                    row("Kernel panic - not syncing: (.*)").as("kernel panic: {1}")),
            group("PANIC: double fault", List.of(),
                    row("PANIC: double fault").as("PANIC: double fault in {f}").stack(stack(parts(RIP_LINE)))),
            group("rust_kernel: panicked", List.of(),
                    row("rust_kernel: panicked").then("(.+)").as("{1} in {f}")
                            .stack(trace("__rustc::rust_begin_unwind"))),
            group("kernel BUG", List.of(),
                    row("kernel BUG at mm/usercopy.c").as("BUG: bad usercopy in {f}").stack(trace("usercopy", "__check")),
                    row("kernel BUG at lib/list_debug.c").as("BUG: corrupted list in {f}").alt("bad-access in {f}")
                            .stack(trace()),
                    row("kernel BUG at (.*)").as("kernel BUG in {f}").stack(ripThenTrace("^skb_"))),
            group("Kernel BUG", List.of(), row("Kernel BUG (.*)").as("kernel BUG {1}")),
            group("BUG kmalloc-", List.of(),
                    row("BUG kmalloc-.*: Object already free").as("BUG: Object already free")),
            group("divide error:", List.of(),
                    row("divide error: ").as("divide error in {f}").stack(stack(parts(RIP_LINE)))),
            // misspelt by 9d06c4027f21 ("x86/entry: Convert Divide Error to IDTENTRY")
            group("divide_error:", List.of(),
                    row("divide_error: ").as("divide error in {f}").stack(stack(parts(RIP_LINE)))),
            group("invalid opcode:", List.of(),
                    row("invalid opcode: ").as("invalid opcode in {f}").stack(stack(parts(RIP_LINE)))),
            group("int3:", List.of(), row("int3: ").as("int3 in {f}").stack(ripThenTrace())),
            group("UBSAN:", List.of(),
                    row("UBSAN: Undefined behaviour in").as("UBSAN: undefined-behaviour in {f}")
                            .stack(trace("ubsan", "overflow")),
                    row("UBSAN: array-index-out-of-bounds in").as("UBSAN: array-index-out-of-bounds in {f}")
                            .alt("bad-access in {f}").stack(trace("ubsan", "overflow")),
                    row("UBSAN: (.*?) in").as("UBSAN: {1} in {f}").stack(trace("ubsan", "overflow"))),
            group("unregister_netdevice: waiting for", List.of(),
                    row("unregister_netdevice: waiting for (?:.*) to become free")
                            .as("unregister_netdevice: waiting for DEV to become free").noStack()),
            group("VFS: Close: file count is 0", List.of(),
                    row("VFS: Close: file count is 0").as("VFS: Close: file count is zero (use-after-free)").noStack()),
            group("VFS: Busy inodes after unmount", List.of(),
                    row("VFS: Busy inodes after unmount").as("VFS: Busy inodes after unmount (use-after-free)")
                            .noStack()),
            // arm's and arm64's page-fault oops whose first line ("Unable to handle kernel NULL pointer
            // dereference at virtual address ...", "... paging request ...") was cut off: on a translation
            // fault the address in the page-table line just before says which it was (ArmFault). With
            // no proof of the kind, the kernel's own line is the title, marked corrupted: die("Oops")
            // with a bare fault status only ever follows an "Unable to handle kernel" line.
            group("Internal error:", List.of(),
                    row(ArmFault.oops(ArmFault.ARM64_TRANSLATION_FAULT))
                            .after(ArmFault.pageTableLine(ArmFault.BELOW_4K))
                            .as("BUG: unable to handle kernel NULL pointer dereference in {f}")
                            .alt("bad-access in {f}").stack(ripThenTrace()),
                    row(ArmFault.oops(ArmFault.ARM64_TRANSLATION_FAULT))
                            .after(ArmFault.pageTableLine(ArmFault.FROM_64K))
                            .as("BUG: unable to handle kernel paging request in {f}").alt("bad-access in {f}")
                            .stack(ripThenTrace()),
                    row(ArmFault.oops(ArmFault.ARM_TRANSLATION_FAULT))
                            .after(ArmFault.pageTableLine(ArmFault.BELOW_4K))
                            .as("BUG: unable to handle kernel NULL pointer dereference in {f}")
                            .alt("bad-access in {f}").stack(ripThenTrace()),
                    row(ArmFault.oops(ArmFault.ARM_TRANSLATION_FAULT))
                            .after(ArmFault.pageTableLine(ArmFault.FROM_4K))
                            .as("BUG: unable to handle kernel paging request in {f}").alt("bad-access in {f}")
                            .stack(ripThenTrace()),
                    row(ArmFault.oops("[0-9a-f]+")).as("Internal error in {f}").alt("bad-access in {f}")
                            .stack(ripThenTrace()).corrupted(),
                    // arm64 "synchronous external abort" is arm's "Unable to handle kernel paging request"
                    row("Internal error:").as("Internal error in {f}").alt("bad-access in {f}").stack(ripThenTrace())),
            // x86's page fault oops whose header line ("BUG: kernel NULL pointer dereference, address: ...",
            // "BUG: unable to handle page fault for address: ...") was cut off: the faulting address in
            // CR2 tells which it was. Inside a whole report "Oops: " only continues it.
            group("Oops: ", List.of("^(?!Oops: [0-9a-f]{4} \\[#\\d+\\])"),
                    row("Oops: [0-9a-f]{4} \\[#\\d+\\]").then("CR2: 0{13}[0-9a-f]{3}\\b")
                            .as("BUG: unable to handle kernel NULL pointer dereference in {f}")
                            .alt("bad-access in {f}").stack(ripThenTrace()),
                    row("Oops: [0-9a-f]{4} \\[#\\d+\\]").then("CR2: [0-9a-f]{16}\\b")
                            .as("BUG: unable to handle kernel paging request in {f}").alt("bad-access in {f}")
                            .stack(ripThenTrace()),
                    row("Oops: [0-9a-f]{4} \\[#\\d+\\]").as("BUG: unable to handle kernel paging request in {f}")
                            .alt("BUG: unable to handle kernel NULL pointer dereference in {f}").alt("bad-access in {f}")
                            .stack(ripThenTrace()).corrupted()),
            // arm's page domain fault is x86's general protection fault
            group("Unhandled fault:", List.of(),
                    row("Unhandled fault:").as("Unhandled fault in {f}").alt("bad-access in {f}").stack(ripThenTrace())),
            group("Alignment trap:", List.of(),
                    row("Alignment trap:").as("Alignment trap in {f}").stack(ripThenTrace())),
            group("trusty: panic", List.of(),
                    row("trusty: panic \\(.*?\\):(?: DEBUG)? ASSERT FAILED at \\(.*?\\): (.+)")
                            .as("trusty: ASSERT FAILED: {1}").noStack(),
                    row("trusty: panic.* ASSERT FAILED.*: *(.*)").as("trusty: ASSERT FAILED: {1}").corrupted(),
                    row("trusty: panic \\(.*?\\): (.+)").as("trusty: panic: {1}").noStack()),
            // Go runtime (gVisor, the fuzzer's own tools) and syzkaller's executor
            // (compiler diagnostics "file.c:12:3: fatal error: x.h: No such file" are not crashes)
            group("fatal error:", List.of("ALSA", "fatal error: cannot create timer",
                            "[^ ]+:[0-9]+(?::[0-9]+)?: fatal error:"),
                    row("fatal error:").as("go runtime error").noStack()),
            group("SYZFAIL:", List.of(), row("SYZFAIL:(.*)").as("SYZFAIL:{1}").noStack()),
            group("SYZFATAL:", List.of(), row("SYZFATAL:(.*)").as("SYZFATAL:{1}").noStack()),
            group("panic:", List.of("_panic:", "xlog_status:", "ddb\\.onpanic:", "evtlog_status:"),
                    row("panic: Sentry detected .* stuck task").as("panic: Sentry detected stuck tasks").noStack(),
                    row("panic:(.*)").as("panic:{1}").noStack()));
}
