package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.Map;

/** Picks the guilty frame among the candidate frames of a report (already filtered by skip patterns). */
public enum FrameExtractor {

    /** The innermost frame that is not reporting machinery: the usual rule. */
    FIRST {
        @Override
        int pick(List<String> frames, SkipAnswers answers) {
            return frames.isEmpty() ? -1 : 0;
        }
    },

    /**
     * Stalls and lockups: the stack points at a random place in the looping code, so take the frame
     * just above a dispatching function (syscall entry, work item runner, timer, ioctl...), which is
     * what identifies the looping work.
     */
    STALL {
        @Override
        int pick(List<String> frames, SkipAnswers answers) {
            int prev = 0;
            for (int i = 0; i < frames.size(); i++) {
                String frame = frames.get(i);
                if (answers.skips(STALL_ANCHOR_MATCHER, frame)) {
                    return frame.contains("smp_call_function") ? -2 - i : prev;
                }
                prev = i;
            }
            return -1;
        }
    },

    /**
     * Hung tasks: the stack shows a victim waiting; group waits on RCU synchronisation and on
     * rtnl_lock, otherwise take the first frame that is not a sleeping or locking primitive.
     */
    HANG {
        @Override
        int pick(List<String> frames, SkipAnswers answers) {
            for (int i = 0; i < frames.size(); i++) {
                for (String anchor : HANG_ANCHORS.keySet()) {
                    if (frames.get(i).contains(anchor)) {
                        return i;
                    }
                }
            }
            next:
            for (int i = 0; i < frames.size(); i++) {
                for (String wait : HANG_WAIT_FRAGMENTS) {
                    if (frames.get(i).contains(wait)) {
                        continue next;
                    }
                }
                return i;
            }
            return -1;
        }

        @Override
        public String rename(String frame) {
            for (Map.Entry<String, String> e : HANG_ANCHORS.entrySet()) {
                if (frame.contains(e.getKey())) {
                    return e.getValue().isEmpty() ? frame : e.getValue();
                }
            }
            return frame;
        }
    };

    /**
     * Index of the guilty frame in {@code frames}, or -1 for none. {@link #STALL} returns
     * {@code -2 - i} to say "frame i, but named {@code smp_call_function}". {@code answers}
     * remembers which frames are anchors.
     */
    abstract int pick(List<String> frames, SkipAnswers answers);

    /** The name under which the picked frame appears in titles. */
    public String rename(String frame) {
        return frame;
    }

    /** Generic dispatchers below which a stall's looping work sits. */
    static final List<String> STALL_ANCHORS = List.of(
            // work dispatch
            "process_one_work", "do_syscall_", "do_fast_syscall_", "sysenter_dispatch", "tracesys_phase2",
            "el0_svc_handler", "invoke_syscall", "ret_fast_syscall", "netif_receive_skb", "do_softirq",
            "call_timer_fn", "_run_timers", "run_timer_softirq", "hrtimer_run", "run_ksoftirqd",
            "smpboot_thread_fn", "^kthread$", "start_secondary", "cpu_startup_entry", "ret_from_fork",
            // file operations that say which device or file system loops
            "vfs_write", "vfs_read", "vfs_iter_read", "vfs_iter_write", "do_iter_read", "do_iter_write",
            "call_read_iter", "call_write_iter", "new_sync_read", "new_sync_write", "vfs_ioctl", "ksys_ioctl",
            "compat_ioctl", "compat_sys_ioctl", "blkdev_driver_ioctl", "blkdev_ioctl", "do_iter_readv_writev",
            "^call_mmap", "mmap_region", "do_mmap", "do_dentry_open", "vfs_open",
            // sockets
            "^sock_sendmsg", "^sock_recvmsg", "^sock_release", "^__sock_release", "^setsockopt$",
            "kernel_setsockopt", "sock_common_setsockopt", "^listen$", "kernel_listen", "sk_common_release",
            "^sock_mmap", "^accept$", "kernel_accept", "^sock_do_ioctl", "^sock_ioctl", "^compat_sock_ioctl",
            "^nfnetlink_rcv_msg", "^rtnetlink_rcv_msg", "^netlink_dump", "^(sys_)?(socketpair|connect|ioctl)",
            // page faults
            "__do_fault", "do_page_fault", "^page_fault$",
            // return to user space callbacks
            "__fput", "task_work_run", "exit_to_usermode", "smp_call_function", "tasklet_action",
            "tasklet_hi_action");

    private static final SkipMatcher STALL_ANCHOR_MATCHER = new SkipMatcher(STALL_ANCHORS);

    /** Hang anchors and the name they are grouped under (empty: their own name). */
    static final Map<String, String> HANG_ANCHORS = orderedMap(
            "rtnl_lock", "",
            "synchronize_rcu", "synchronize_rcu",
            "synchronize_srcu", "synchronize_rcu",
            "synchronize_net", "synchronize_rcu",
            "synchronize_sched", "synchronize_rcu");

    /** Fragments of sleeping/locking primitives a hung task waits in. */
    static final List<String> HANG_WAIT_FRAGMENTS = List.of("sched", "_lock", "_slowlock", "down", "rwsem",
            "completion", "kthread", "wait", "synchronize", "context_switch", "__switch_to",
            "cancel_delayed_work", "rcu_barrier");

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            map.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
