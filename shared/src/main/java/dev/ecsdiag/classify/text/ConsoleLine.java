package dev.ecsdiag.classify.text;

/**
 * One console line after normalization: decoded, control characters and ANSI escapes removed,
 * and the prefixes that consoles and log files add (printk timestamp, caller id, printk level,
 * syslog/journal header, {@code dmesg -T} date) taken off and kept apart.
 *
 * @param number    1-based line number in the original log
 * @param text      the kernel's (or user space's) message, prefixes removed
 * @param timestamp printk timestamp in seconds since boot; null when the line had none
 * @param level     printk level 0 (KERN_EMERG) .. 7 (KERN_DEBUG); null when the line had none
 * @param caller    printk caller id such as {@code T1234} or {@code C3}; null when the line had none
 */
public record ConsoleLine(long number, String text, Double timestamp, Integer level, String caller) {
}
