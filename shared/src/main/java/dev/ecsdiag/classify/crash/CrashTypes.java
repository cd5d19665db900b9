package dev.ecsdiag.classify.crash;

import java.util.List;

/**
 * Category of a crash from its title: the {@code TYPE} names of syzkaller's corpus. A table of
 * title prefixes, checked in order (specific before generic); null when the category is unknown.
 */
public final class CrashTypes {

    private CrashTypes() {
    }

    private record Rule(String type, List<String> prefixes) {
    }

    private static Rule rule(String type, String... prefixes) {
        return new Rule(type, List.of(prefixes));
    }

    private static final List<Rule> RULES = List.of(
            rule("KFENCE-USE-AFTER-FREE-WRITE", "KFENCE: use-after-free write"),
            rule("KFENCE-USE-AFTER-FREE-READ", "KFENCE: use-after-free read", "KFENCE: use-after-free"),
            rule("KFENCE-WRITE", "KFENCE: invalid write", "KFENCE: out-of-bounds write"),
            rule("KFENCE-READ", "KFENCE: invalid read", "KFENCE: out-of-bounds read", "KFENCE: out-of-bounds"),
            rule("KFENCE-MEMORY-CORRUPTION", "KFENCE: memory corruption"),
            rule("KFENCE-INVALID-FREE", "KFENCE: invalid free"),
            rule("KMSAN-UNINIT-VALUE", "KMSAN: uninit-value"),
            rule("KMSAN-USE-AFTER-FREE-READ", "KMSAN: kernel-infoleak-after-free",
                    "KMSAN: kernel-usb-infoleak-after-free", "KMSAN: use-after-free"),
            rule("KMSAN-INFO-LEAK", "KMSAN: kernel-infoleak", "KMSAN: kernel-usb-infoleak"),
            rule("KASAN-NULL-POINTER-DEREFERENCE-WRITE", "KASAN: null-ptr-deref Write"),
            rule("KASAN-NULL-POINTER-DEREFERENCE-READ", "KASAN: null-ptr-deref Read"),
            rule("NULL-POINTER-DEREFERENCE", "BUG: unable to handle kernel NULL pointer dereference in"),
            rule("KASAN-WRITE", "KASAN: global-out-of-bounds Write", "KASAN: out-of-bounds Write",
                    "KASAN: slab-out-of-bounds Write", "KASAN: stack-out-of-bounds Write",
                    "KASAN: user-memory-access Write", "KASAN: vmalloc-out-of-bounds Write",
                    "KASAN: wild-memory-access Write"),
            rule("KASAN-READ", "KASAN: global-out-of-bounds Read", "KASAN: invalid-access Read",
                    "KASAN: out-of-bounds Read", "KASAN: slab-out-of-bounds Read", "KASAN: slab-out-of-bounds",
                    "KASAN: stack-out-of-bounds Read", "KASAN: stack-out-of-bounds", "KASAN: unknown-crash Read",
                    "KASAN: user-memory-access Read", "KASAN: vmalloc-out-of-bounds Read",
                    "KASAN: wild-memory-access Read", "KASAN: wild-memory-access"),
            rule("KASAN-INVALID-FREE", "KASAN: double-free or invalid-free", "KASAN: invalid-free"),
            rule("KASAN-USE-AFTER-FREE-WRITE", "KASAN: slab-use-after-free Write", "KASAN: use-after-free Write"),
            rule("KASAN-USE-AFTER-FREE-READ", "KASAN: slab-use-after-free Read", "KASAN: use-after-free Read",
                    "KASAN: use-after-free"),
            rule("MEMORY_SAFETY_BUG", "BUG: corrupted list", "BUG: unable to handle kernel paging request"),
            rule("REFCOUNT_WARNING", "WARNING: refcount bug"),
            rule("MEMORY_SAFETY_UBSAN", "UBSAN: array-index-out-of-bounds"),
            rule("KCSAN-DATARACE", "KCSAN: data-race"),
            rule("KCSAN-ASSERT", "KCSAN: assert: race in"),
            rule("LOCKDEP", "BUG: bad unlock balance in", "BUG: held lock freed in", "BUG: rwlock", "BUG: spinlock",
                    "BUG: still has locks held in", "BUG: using", "WARNING: bad unlock balance in",
                    "WARNING: held lock freed in", "WARNING: lock held", "WARNING: locking bug in",
                    "WARNING: nested lock was not taken in", "WARNING: still has locks held in",
                    "WARNING: suspicious RCU usage in", "inconsistent lock state in", "possible deadlock in"),
            rule("ATOMIC_SLEEP", "BUG: scheduling while atomic in", "BUG: sleeping function called from invalid context in"),
            rule("LEAK", "memory leak in"),
            rule("BUG", "BUG: bad usercopy in", "kernel BUG"),
            rule("WARNING", "WARNING in"),
            rule(null, "BUG: stack guard page was hit in", "WARNING: corrupted",
                    "WARNING: kernel stack frame pointer has bad value", "WARNING: kernel stack regs has bad"),
            rule("HANG", "BUG: soft lockup in", "INFO: rcu detected stall in", "INFO: task can't die in",
                    "INFO: task hung in"),
            rule("DoS", "Alignment trap in", "BUG: Object already free", "Internal error in", "PANIC: double fault",
                    "Unhandled fault in", "VFS: Busy inodes after unmount (use-after-free)",
                    "VFS: Close: file count is zero (use-after-free)", "divide error in", "general protection fault in",
                    "go runtime error", "int3 in", "invalid opcode in", "kernel panic:", "kernel stack overflow",
                    "panic:", "rust_kernel panicked", "stack segment fault in", "trusty:",
                    "unregister_netdevice: waiting for DEV to become free"),
            rule("REBOOT", "unexpected kernel reboot"),
            rule("SYZ_FAILURE", "SYZFAIL", "SYZFATAL:"),
            // defaults by kind
            rule("WARNING", "WARNING:"),
            rule(null, "BUG:", "INFO:"),
            rule("KASAN-UNKNOWN", "KASAN:"),
            rule("KFENCE-UNKNOWN", "KFENCE:"),
            rule("KMSAN-UNKNOWN", "KMSAN:"),
            rule("UBSAN", "UBSAN:"),
            rule("KCSAN-UNKNOWN", "KCSAN:"));

    /** The category for a title, or null when unknown. */
    public static String of(String title) {
        for (Rule r : RULES) {
            for (String p : r.prefixes) {
                if (title.startsWith(p)) {
                    return r.type;
                }
            }
        }
        return null;
    }
}
