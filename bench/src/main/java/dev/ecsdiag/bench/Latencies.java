package dev.ecsdiag.bench;

import java.util.Arrays;

/** Percentiles of a set of durations (nearest-rank), for printing latency figures. */
public final class Latencies {

    private final long[] sortedNanos;

    public Latencies(long[] nanos) {
        if (nanos.length == 0) {
            throw new IllegalArgumentException("no samples");
        }
        this.sortedNanos = nanos.clone();
        Arrays.sort(sortedNanos);
    }

    /** Nearest-rank percentile: the smallest sample with at least {@code p}% of samples at or below it. */
    public long percentileNanos(double p) {
        if (p <= 0) {
            return sortedNanos[0];
        }
        int rank = (int) Math.ceil(p / 100.0 * sortedNanos.length);
        return sortedNanos[Math.min(sortedNanos.length, Math.max(1, rank)) - 1];
    }

    public long maxNanos() {
        return sortedNanos[sortedNanos.length - 1];
    }

    public int count() {
        return sortedNanos.length;
    }

    /** Megabytes (10^6 bytes) per second. */
    public static double megabytesPerSecond(long bytes, long nanos) {
        return nanos <= 0 ? Double.POSITIVE_INFINITY : bytes / 1e6 / (nanos / 1e9);
    }

    /** A duration for people: µs below a millisecond, ms below ten seconds, else seconds. */
    public static String human(long nanos) {
        if (nanos < 1_000_000) {
            return String.format(java.util.Locale.ROOT, "%.1f µs", nanos / 1e3);
        }
        if (nanos < 10_000_000_000L) {
            return String.format(java.util.Locale.ROOT, "%.2f ms", nanos / 1e6);
        }
        return String.format(java.util.Locale.ROOT, "%.1f s", nanos / 1e9);
    }
}
