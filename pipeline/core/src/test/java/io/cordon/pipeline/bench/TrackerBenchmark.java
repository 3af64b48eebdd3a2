package io.cordon.pipeline.bench;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * Observations per second of the tracker core on one thread (one core), at 100, 1 000 and 10 000
 * targets with clutter.
 *
 * <p>Workload: a seeded {@link ScenarioGenerator} scenario (the benchmark's two radars, two drones
 * and satellite over an 80 km × 60 km box; 10 % rendezvous pairs, 30 % crossers, 10 % dark, the
 * rest turning), every target alive from t = 0, with clutter scaled with the number of targets
 * (clutter scale = targets / 100, so about 30 % of detections are clutter at every size, as in the
 * benchmark's t100). The tracker first runs the first {@link #WARM_UP_S} s (tracks established),
 * its snapshot is taken, and each invocation restores that snapshot (not timed) and runs the next
 * {@link #WINDOW_S} s, which include a satellite pass: per batch {@code update} then {@code
 * advanceTo}, as the fusion job's {@code FusionStep} does. The {@code observations} counter is the
 * throughput in observations per second; the primary score is windows per second.
 *
 * <p>{@link #world}: {@code box} puts every target into the same box (above), so the density grows
 * with the number of targets; {@code cells} ({@link CellWorld}) replicates the 100-target box
 * (clutter scale 1) on targets / 100 cells with five sensors each, so density stays that of 100
 * targets and the cost per observation shows how the tracker scales with targets and sensors.
 *
 * <p>Run: {@code ./mvnw -o -q -pl pipeline/core test-compile} then {@code java -cp
 * pipeline/core/target/test-classes:pipeline/core/target/classes:<test classpath>
 * io.cordon.pipeline.bench.TrackerBenchmark} (JMH options after it, e.g. {@code -p targets=1000}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(
        value = 1,
        jvmArgsAppend = {"-Xms4g", "-Xmx4g"})
@Threads(1)
public class TrackerBenchmark {
    static final int WARM_UP_S = 20;
    static final int WINDOW_S = 40;
    static final long SEED = 42;

    @Param({"100", "1000", "10000"})
    public int targets;

    /**
     * {@code box}: every target in the one 80 × 60 km box with its five sensors (density grows with
     * the targets); {@code cells}: the 100-target box replicated on targets / 100 cells, each with
     * its own sensors ({@link CellWorld}: constant density, 100 targets the same as in the box).
     */
    @Param({"box", "cells"})
    public String world;

    private TrackerParameters parameters;
    private byte[] warm;
    private List<List<Observation>> window;
    private long windowObservations;
    private MultiTargetTracker tracker;

    /** Observations processed, reported by JMH as a rate (observations/s). */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.OPERATIONS)
    public static class Counters {
        public long observations;
    }

    @Setup(Level.Trial)
    public void prepare() {
        GeoPoint reference;
        List<List<Observation>> batches;
        switch (world) {
            case "box" -> {
                BenchScenario scenario = boxScenario(targets, WARM_UP_S + WINDOW_S);
                parameters = BenchPriors.parametersFor(scenario);
                reference = scenario.referencePoint();
                batches = scenario.batches();
            }
            case "cells" -> {
                CellWorld cells = CellWorld.generate(SEED, targets, WARM_UP_S + WINDOW_S, 1.0);
                parameters = cells.parameters();
                reference = cells.referencePoint();
                batches = cells.batches();
            }
            default ->
                    throw new IllegalArgumentException("world must be box or cells, was " + world);
        }
        MultiTargetTracker t = new MultiTargetTracker(parameters, reference);
        Instant split = Instant.parse(ScenarioGenerator.EPOCH).plusSeconds(WARM_UP_S);
        window = new ArrayList<>();
        for (List<Observation> batch : batches) {
            if (batch.get(0).eventTime().isBefore(split)) {
                t.update(batch);
                t.advanceTo(batch.get(0).eventTime());
            } else {
                window.add(batch);
                windowObservations += batch.size();
            }
        }
        warm = t.snapshot();
    }

    /**
     * The box world's scenario: {@code targets} targets alive from t = 0 over {@code durationS},
     * with clutter scaled with the targets.
     */
    static BenchScenario boxScenario(int targets, int durationS) {
        return ScenarioGenerator.generate(
                        ScenarioSpec.border(SEED, targets, durationS)
                                .withLateBirthShare(0)
                                .withClutterScale(targets / 100.0))
                .scenario();
    }

    @Setup(Level.Invocation)
    public void restore() {
        tracker = MultiTargetTracker.restore(parameters, warm);
    }

    @Benchmark
    public int window(Counters counters) {
        MultiTargetTracker t = tracker;
        int changed = 0;
        for (List<Observation> batch : window) {
            changed += t.update(batch).size();
            changed += t.advanceTo(batch.get(0).eventTime()).size();
        }
        counters.observations += windowObservations;
        return changed;
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(
                        new org.openjdk.jmh.runner.options.OptionsBuilder()
                                .parent(new CommandLineOptions(args))
                                .include(TrackerBenchmark.class.getSimpleName())
                                .build())
                .run();
    }
}
