package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Patterns shared by all oops formats: the building blocks of the table's regular expressions
 * and which frames belong to the reporting machinery rather than to the bug (where stacks start
 * is {@link StackStart}). Data, not logic: extend the lists to teach the classifier a new helper function.
 */
public final class ReportPatterns {

    private ReportPatterns() {
    }

    /** A function name followed by its offset or a symbol suffix ({@code foo+0x..}, {@code foo.isra.0+..}). */
    public static final String FUNC = "([a-zA-Z0-9_]+)[.+]";
    /** A printed code address: {@code [<ffffffff81234567>]} or {@code [c000000000012345]}. */
    public static final String PC = "\\[<?(?:0x)?[0-9a-f]{1,20}>?\\]";
    /** A source location {@code net/ipv4/tcp.c:2180}. */
    public static final String SRC = "([a-zA-Z0-9\\-_/.]{1,200}\\.[a-z]{1,4}:[0-9]{1,8})";

    /**
     * Expands the {@code FUNC}, {@code PC}, {@code SRC}, {@code TASK} macros and compiles. A task
     * name may hold any byte, a newline included, so {@code TASK} crosses lines.
     */
    public static Pattern compile(String regex) {
        return Pattern.compile(regex
                .replace("{{FUNC}}", FUNC)
                .replace("{{PC}}", PC)
                .replace("{{SRC}}", SRC)
                .replace("{{TASK}}", "[\\s\\S]{0,100}?"));
    }

    /**
     * The kernel never prints a line longer than 1 KB (LOG_LINE_MAX); longer lines are interleaved
     * garbage. Regexes see at most this much of a line around where it matters, which keeps the
     * work per line small whatever the line.
     */
    public static final int REGEX_WINDOW = 1024;

    /** At most {@link #REGEX_WINDOW} characters of {@code line} from {@code from} (a little before, for context). */
    public static String window(String line, int from) {
        if (line.length() <= REGEX_WINDOW) {
            return line;
        }
        int start = Math.max(0, Math.min(from, line.length()) - 64);
        return line.substring(start, Math.min(line.length(), start + REGEX_WINDOW + 64));
    }

    /** The faulting instruction pointer line of x86 ({@code RIP:}), arm64 ({@code pc :}), arm, powerpc. */
    public static final Pattern RIP = compile("(?:IP|NIP|pc |PC is at):? (?:(?:[0-9]+:)?(?:{{PC}} +){0,2}{{FUNC}}"
            + "|(?:[0-9]+:)?0x[0-9a-f]+|(?:[0-9]+:)?{{PC}} +\\[< *\\(null\\)>\\] +\\(null\\)|[0-9]+: +\\(null\\))");
    /** Start of the call trace. */
    public static final Pattern CALL_TRACE = Pattern.compile("Call [Tt]race:|Backtrace:");

    /** Fault-injection stacks interleaved with a report make it unreliable. */
    public static boolean isCorruptingLine(String line) {
        if (!line.contains("should_fail")) {
            return false;
        }
        int i = 0;
        while (i < line.length() && line.charAt(i) == ' ') {
            i++;
        }
        int q = FrameLine.address(line, i);
        if (q > 0) {
            i = q;
            while (i < line.length() && line.charAt(i) == ' ') {
                i++;
            }
        }
        if (!line.startsWith("should_fail", i)) {
            return false;
        }
        int j = i + "should_fail".length();
        if (line.startsWith("slab", j)) {
            j += 4;
        }
        if (j < line.length() && line.charAt(j) == '.') {
            while (j < line.length() && (FrameLine.isIdent(line.charAt(j)) || line.charAt(j) == '.')) {
                j++;
            }
        }
        return line.startsWith("+0x", j);
    }

    /**
     * Frames that are part of reporting, sanitizers, locking, allocation, string and list helpers:
     * the bug is in their caller. Regular expressions found anywhere in the frame name.
     */
    public static final List<String> SKIP = List.of(
            // sanitizers and their reporting
            "__sanitizer", "__asan", "kasan", "hwasan", "__msan", "kmsan", "kcsan_setup_watchpoint",
            "check_memory_region", "check_heap_object", "check_object", "read_word_at_a_time",
            "(read|write)_once_.*nocheck", "print_address_description", "print_report", "print_usage_bug",
            // oops, warning and panic machinery
            "panic", "invalid_op", "report_bug", "fixup_bug", "do_error", "_trap$|do_trap", "show_stack",
            "dump_stack", "walk_stack", "dump_backtrace", "warn_slowpath", "warn_alloc", "warn_bogus", "__warn",
            "print_tainted", "^get_taint$", "stack_trace_consume_entry", "arch_stack_walk", "stack_trace_save",
            "program_check_exception", "program_check_common", "__fortify_report",
            // allocation
            "alloc_page", "k?v?(?:m|z|c)alloc", "krealloc", "kmem_cache", "allocate_slab",
            "__alloc_frozen_pages_noprof", "folio_(?:alloc|unlock)", "filemap_alloc_folio", "__filemap_get_folio",
            "find_or_create_page", "do_read_cache_folio", "read_cache_page", "pagecache_get_page",
            "grab_cache_page_write_begin", "slab_", "^kv?free$", "kfree_skb", "memdup",
            // debug objects, lockdep and lock primitives
            "debug_object", "timer_is_static_object", "work_is_static_object", "__might_fault", "print_unlock",
            "imbalance_bug", "lockdep", "bh_enable", "bh_disable", "perf_trace", "lock_acquire", "lock_release",
            "lock_class", "mark_lock", "(reacquire|mark)_held_locks", "raw_spin_rq", "spin_lock", "spin_trylock",
            "spin_unlock", "read_lock", "read_trylock", "write_lock", "write_trylock", "read_unlock",
            "write_unlock", "^down$", "down_read", "down_write", "down_read_trylock", "down_write_trylock",
            "down_trylock", "up_read", "up_write", "^mutex_", "^__mutex_", "^rt_mutex_", "owner_on_cpu",
            "osq_lock", "osq_unlock", "(trace|lockdep)_(hard|soft)irq", "^(un)?lock_page", "seqprop_assert",
            // atomics, bit ops, reference counts
            "atomic(64)?_(dec|inc|read|set|or|xor|and|add|sub|fetch|xchg|cmpxchg|try)",
            "(set|clear|change|test)_bit", "__wake_up", "^refcount_", "^kref_", "ref_tracker",
            // string, memory and user copy helpers
            "memcpy", "memcmp", "memset", "memchr", "memmove", "strcmp", "strncmp", "strcpy", "strlcpy", "strncpy",
            "strscpy", "strlen", "strstr", "strnstr", "strnlen", "strchr", "strdup", "strndup", "copy_to_user",
            "copy_from_user", "copy_to_iter", "copy_from_iter", "copy_page_to_iter", "copy_page_from_iter",
            "copy_folio_to_iter", "^copyin$", "^copyout$", "put_user", "get_user", "might_fault", "might_sleep",
            "__might_resched", "extract_(user|iter)_to_sg",
            // lists and trees
            "list_add", "list_del", "list_replace", "list_move", "list_splice", "^rb_", "^__rb_", "^klist_",
            "xas_(?:start|load|find)", "rhashtable_lookup", "ida_free",
            // retpolines, printing
            "_indirect_thunk_", "string", "pointer", "snprintf", "scnprintf", "kasprintf", "kvasprintf", "printk",
            "va_format", "dev_info", "dev_notice", "dev_warn", "dev_err", "dev_alert", "dev_crit", "dev_emerg",
            "hex_dump_to_buffer", "print_hex_dump",
            // timers, work queues, completion, kthreads
            "del_timer", "flush_work", "__cancel_work_timer", "cancel_work_sync", "try_to_grab_pending",
            "flush_workqueue", "drain_workqueue", "destroy_workqueue", "queue_work", "insert_work",
            "__queue_delayed_work", "queue_delayed_work_on", "finish_wait", "kthread_stop", "^complete$",
            "wait_for_completion", "lock_timer_base", "__timer_delete_sync", "sk_stop_timer_sync", "__mod_timer",
            "cleanup_srcu_struct",
            // device model and teardown helpers
            "kobject_", "add_uevent_var", "get_device_parent", "device_add", "device_del", "device_unregister",
            "device_destroy", "device_release", "devres_release_all", "hwrng_unregister", "i2c_del_adapter",
            "__unregister_client", "device_for_each_child", "rollback_registered", "unregister_netdev",
            "sysfs_remove", "device_remove_file", "tty_unregister_device", "^put_device$",
            // usb
            "dummy_urb_enqueue", "usb_kill_urb", "usb_kill_anchored_urbs", "usb_control_msg", "usb_hcd_submit_urb",
            "usb_submit_urb",
            // MMIO and checksums
            "readb$", "readw$", "readl$", "readq$", "writeb$", "writew$", "writel$", "writeq$", "logic_in",
            "logic_out", "^crc\\d+", "crc_itu_t",
            // vfs helpers, page cache, arm64 fault entry
            "assertfail", "^iput$", "^iput_final$", "^ihold$", "find_lock_entries", "truncate_inode_pages_range",
            "__phys_addr", "drop_nlink", "fast_dput", "dput", "mark_buffer_dirty",
            "do_(kernel|translation)_fault", "do_mem_abort", "el1_abort", "el1h_64_sync(?:_handler)?");

    /** Syscall wrapper prefixes: different architectures name the same entry point differently. */
    public static final List<String> STRIP_PREFIXES = List.of("SYSC_", "SyS_", "sys_", "__x64_", "__ia32_",
            "__arm64_", "____sys_", "___sys_", "__sys_", "__se_", "__se_sys_", "__do_sys_", "compat_SYSC_",
            "compat_SyS_", "ksys_");

    /** The shortest name left after taking off one syscall wrapper prefix. */
    public static String stripPrefixes(String frame) {
        String best = frame;
        for (String prefix : STRIP_PREFIXES) {
            if (frame.startsWith(prefix) && frame.length() - prefix.length() < best.length()) {
                best = frame.substring(prefix.length());
            }
        }
        return best;
    }
}
