package dev.ecsdiag.bench;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleClassifier;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH: the classifier over the whole syzkaller corpus, one thread. {@code wholeCorpus} is one
 * pass over every log (its ops/s times the corpus size is the MB/s figure; {@code jmh} in
 * {@link BenchMain} prints it); {@code oneFile} classifies the next log in turn per call, sampled,
 * so its percentiles are the per-file latency distribution.
 */
@State(Scope.Thread)
@Threads(1)
@Fork(value = 1, jvmArgsAppend = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CorpusBenchmark {

    /** The corpus folder; empty means {@code ../shared/corpus/syzkaller-linux-report}. */
    @Param("")
    public String corpus;

    private final ConsoleClassifier classifier = new ConsoleClassifier();
    private List<CorpusLogs.Log> logs;
    private int next;

    @Setup
    public void load() {
        logs = CorpusLogs.load(corpus.isEmpty() ? CorpusLogs.defaultDir() : Paths.get(corpus));
    }

    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    public long wholeCorpus() {
        long crashes = 0;
        for (CorpusLogs.Log log : logs) {
            crashes += classifier.classify(log.console()).crashes().size();
        }
        return crashes;
    }

    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public Classification oneFile() {
        CorpusLogs.Log log = logs.get(next);
        next = next + 1 == logs.size() ? 0 : next + 1;
        return classifier.classify(log.console());
    }
}
