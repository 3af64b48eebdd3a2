package io.cordon.pipeline.bench;

import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import io.cordon.pipeline.tracker.TrackerParameters;
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
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Time to write the tracker's snapshot ({@link MultiTargetTracker#snapshot()}), what the fusion job
 * does for every dirty tracker at each checkpoint, and to restore it. The tracker is {@link
 * TrackerBenchmark}'s box world after its 20 s warm-up (about 1.4 live tracks per target).
 *
 * <p>Run as {@link TrackerBenchmark}, class {@code
 * io.cordon.pipeline.bench.TrackerSnapshotBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms2g", "-Xmx2g"})
public class TrackerSnapshotBenchmark {
    @Param({"1000", "10000"})
    public int targets;

    private TrackerParameters parameters;
    private MultiTargetTracker tracker;
    private byte[] snapshot;

    @Setup
    public void prepare() {
        BenchScenario scenario = TrackerBenchmark.boxScenario(targets, TrackerBenchmark.WARM_UP_S);
        parameters = BenchPriors.parametersFor(scenario);
        tracker = new MultiTargetTracker(parameters, scenario.referencePoint());
        for (List<Observation> batch : scenario.batches()) {
            tracker.update(batch);
            tracker.advanceTo(batch.get(0).eventTime());
        }
        snapshot = tracker.snapshot();
    }

    @Benchmark
    public byte[] write() {
        return tracker.snapshot();
    }

    @Benchmark
    public MultiTargetTracker restore() {
        return MultiTargetTracker.restore(parameters, snapshot);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(
                        new org.openjdk.jmh.runner.options.OptionsBuilder()
                                .parent(new CommandLineOptions(args))
                                .include(TrackerSnapshotBenchmark.class.getSimpleName())
                                .build())
                .run();
    }
}
