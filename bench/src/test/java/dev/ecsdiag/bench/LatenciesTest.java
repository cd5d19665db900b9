package dev.ecsdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LatenciesTest {

    @Test
    void nearestRankPercentiles() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++) {
            samples[i] = 100 - i; // 1..100, reversed
        }
        Latencies l = new Latencies(samples);
        assertThat(l.percentileNanos(50)).isEqualTo(50);
        assertThat(l.percentileNanos(99)).isEqualTo(99);
        assertThat(l.percentileNanos(100)).isEqualTo(100);
        assertThat(l.maxNanos()).isEqualTo(100);
        assertThat(l.percentileNanos(0)).isEqualTo(1);
    }

    @Test
    void p99OfFewSamplesIsTheLargest() {
        assertThat(new Latencies(new long[] {5, 1, 3}).percentileNanos(99)).isEqualTo(5);
    }

    @Test
    void megabytesPerSecond() {
        assertThat(Latencies.megabytesPerSecond(30_000_000, 1_000_000_000L)).isEqualTo(30.0);
    }
}
