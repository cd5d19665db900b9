#!/bin/sh
# PID 1 of the lab's busybox initramfs.
#
# Reads what to do from the kernel command line (lab.scenario=NAME lab.trigger=TRIGGER; dotted
# parameters stay out of init's environment, so they are read from /proc/cmdline), behaves like a
# small CI test VM (boots, shows a login prompt, starts a shell) and then provokes the scenario's
# failure, the way a test that breaks the kernel would.
#
# Triggers:
#   none             healthy boot: login prompt, shell prompt, nothing else
#   sysrq-c          echo c > /proc/sysrq-trigger
#   lkdtm-TYPE       load lkdtm and write TYPE to /sys/kernel/debug/provoke-crash/DIRECT
#   exit-init        init exits before user space is up ("Attempted to kill init")
#   oom              a process eats memory until the OOM killer stops it
#   oom-memcg        the same inside a cgroup v2 memory cgroup limited to 16 MiB (a memcg OOM)
#   oom-memcg-v1     the same inside a cgroup v1 memory cgroup (memory.limit_in_bytes 16M), as
#                    on hosts still on the legacy hierarchy (older distributions, some CI runners)
#   glyph-chart      clears the screen and prints every printable ASCII character at known places:
#                    the rendering the screen recogniser's glyph tables are cut from (docs/screen.md)
#
# Modes:
#   lab.runner=1     a test runner as init (minimal CI images): it prints its progress on the
#                    console but never a login or shell prompt, and stays up when it is done
#   lab.kernlog=1    also writes the kernel's ring buffer, as a syslog daemon files it in kern.log
#                    (kernel lines only, behind "MMM dd hh:mm:ss lab kernel: "), to the second
#                    serial port; with lab.once=1 the first boot then reboots cleanly (reboot -f),
#                    so the file holds two boots and no shutdown message between them

export PATH=/bin:/sbin
umask 022

mount -t proc proc /proc
mount -t sysfs sysfs /sys
mount -t devtmpfs devtmpfs /dev 2>/dev/null
mount -t debugfs debugfs /sys/kernel/debug

scenario=unknown
trigger=none
runner=0
kernlog=0
for word in $(cat /proc/cmdline); do
    case "$word" in
        lab.scenario=*) scenario=${word#lab.scenario=} ;;
        lab.trigger=*) trigger=${word#lab.trigger=} ;;
        lab.runner=1) runner=1 ;;
        lab.kernlog=1) kernlog=1 ;;
    esac
done

# Say it on the serial console (our stdout) and on the screen (tty1): user space writes reach
# only the last console= device, the kernel's own messages reach both.
say() {
    echo "$@"
    echo "$@" > /dev/tty1 2>/dev/null
}

say "lab: scenario $scenario, trigger $trigger"

# lab.once=1: trigger only on the first boot. A byte of the RTC's CMOS memory (0x7e, which the
# firmware does not use) survives the reboot that follows a panic, so the next boot runs clean:
# a log of a VM that crashed, rebooted and came back.
cmos_read() {
    printf '\176' | dd of=/dev/port bs=1 seek=112 count=1 conv=notrunc 2>/dev/null
    dd if=/dev/port bs=1 skip=113 count=1 2>/dev/null | od -An -tu1 | tr -d ' '
}
cmos_write() {
    printf '\176' | dd of=/dev/port bs=1 seek=112 count=1 conv=notrunc 2>/dev/null
    printf "\\$(printf '%03o' "$1")" | dd of=/dev/port bs=1 seek=113 count=1 conv=notrunc 2>/dev/null
}
first_boot=1
if grep -qw 'lab.once=1' /proc/cmdline; then
    if [ "$(cmos_read)" = 165 ]; then
        say "lab: this is the boot after the crash: trigger skipped"
        trigger=none
        first_boot=0
    else
        cmos_write 165
    fi
fi

# The kernel's ring buffer as rsyslog files it in /var/log/kern.log: kernel lines only, each behind
# the receiving time, the host name and "kernel:". The tty must not turn LF into CRLF.
write_kern_log() {
    stty -F /dev/ttyS1 raw -onlcr 2>/dev/null
    stamp=$(date '+%b %e %H:%M:%S')
    dmesg | while IFS= read -r line; do
        printf '%s lab kernel: %s\n' "$stamp" "$line"
    done > /dev/ttyS1
}

if [ "$kernlog" = 1 ]; then
    write_kern_log
    if [ "$first_boot" = 1 ] && grep -qw 'lab.once=1' /proc/cmdline; then
        say "lab: kern.log written; rebooting cleanly"
        sync
        reboot -f
    fi
fi

if [ "$trigger" = exit-init ]; then
    say "lab: init gives up before user space is up"
    exit 1
fi

case "$trigger" in
    lkdtm-*)
        insmod /lib/modules/lkdtm.ko || say "lab: insmod lkdtm failed"
        ;;
esac

hostname lab
if [ "$runner" = 1 ]; then
    say "runner: lab test runner as PID 1 (no login, no shell)"
    say "runner: [1/2] environment ... ok"
    say "runner: [2/2] $trigger ..."
else
    say ""
    say "Debian GNU/Linux 12 lab ttyS0"
    say ""
    say "lab login: root (automatic login)"
    say ""
    say "lab: ready"
fi

run_trigger() {
    case "$trigger" in
        none) ;;
        sysrq-c)
            echo 1 > /proc/sys/kernel/sysrq
            sh -c 'echo c > /proc/sysrq-trigger'
            ;;
        lkdtm-*)
            # A separate program, as a test would be (the report then names "sh", not "init").
            sh -c "echo ${trigger#lkdtm-} > /sys/kernel/debug/provoke-crash/DIRECT"
            ;;
        glyph-chart)
            # Kernel messages off the console, so nothing scrolls the chart away; the chart goes to
            # the screen only (the serial log says what was printed). Rows 0-2: characters 32-126
            # from column 0, rows 4-6 the same again as a check.
            dmesg -n 1
            chart=' !"#$%&'"'"'()*+,-./0123456789:;<=>?
@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\]^_
`abcdefghijklmnopqrstuvwxyz{|}~'
            printf '\033[2J\033[H' > /dev/tty1
            printf '%s\n\n%s\n' "$chart" "$chart" > /dev/tty1
            printf '%s\n' "$chart"
            ;;
        oom)
            # tail keeps the last lines of a file; /dev/zero has no line end, so it never stops
            # growing its buffer.
            tail /dev/zero
            ;;
        oom-memcg)
            # cgroup v2: a job's cgroup with memory.max, as systemd or a container runtime sets it
            mkdir -p /sys/fs/cgroup
            mount -t cgroup2 none /sys/fs/cgroup
            echo +memory > /sys/fs/cgroup/cgroup.subtree_control
            mkdir -p /sys/fs/cgroup/ci-job
            echo 16M > /sys/fs/cgroup/ci-job/memory.max
            sh -c 'echo $$ > /sys/fs/cgroup/ci-job/cgroup.procs; exec tail /dev/zero'
            ;;
        oom-memcg-v1)
            # cgroup v1: the memory controller's own hierarchy, a job's group with a limit in bytes
            # (a tmpfs on /sys/fs/cgroup to hold the hierarchies' mount points, as systemd makes it)
            mount -t tmpfs cgroup_root /sys/fs/cgroup
            mkdir -p /sys/fs/cgroup/memory
            mount -t cgroup -o memory none /sys/fs/cgroup/memory
            mkdir -p /sys/fs/cgroup/memory/ci-job
            echo 16M > /sys/fs/cgroup/memory/ci-job/memory.limit_in_bytes
            sh -c 'echo $$ > /sys/fs/cgroup/memory/ci-job/tasks; exec tail /dev/zero'
            ;;
        *)
            say "lab: unknown trigger $trigger"
            ;;
    esac
}

if [ "$trigger" != none ]; then
    case "$trigger" in
        lkdtm-HUNG_TASK|lkdtm-SOFTLOCKUP|lkdtm-HARDLOCKUP|lkdtm-SPINLOCKUP)
            # These never return: leave them to a child and carry on to the shell.
            say "lab: triggering $trigger in the background"
            run_trigger &
            sleep 1
            ;;
        *)
            say "lab: triggering $trigger"
            # In a child process: an oops kills the writer, and PID 1 must not be the writer.
            ( run_trigger )
            say "lab: trigger returned with status $?"
            ;;
    esac
fi

say "lab: scenario done"
if [ "$runner" = 1 ]; then
    say "runner: finished; idle until the VM is stopped"
    while :; do sleep 3600; done
fi
printf 'root@lab:~# ' > /dev/tty1 2>/dev/null
export PS1='root@lab:~# ' HOME=/root
setsid cttyhack sh -i
# The serial console never sends input, so the shell waits for ever; should it end, keep PID 1 alive.
while :; do sleep 3600; done
