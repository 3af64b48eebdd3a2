package io.cordon.pipeline.flink.codec;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Time to parse and validate one {@code cordon.v1.Observation} on one thread, as the fusion job's
 * source does for every record: {@code ObservationCodec.parse(bytes)}.
 *
 * <p>{@code bench}: observations like those of {@code cordon bench fusion} (drone position fixes,
 * unrestricted). {@code radar}: radar plots with velocity, classification and a restricted marking.
 * Built and run like {@link EntityTrackEncodeBenchmark} (main class {@code org.openjdk.jmh.Main
 * ObservationDecode}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@Threads(1)
public class ObservationDecodeBenchmark {
    static final int RECORDS = 1024;

    @Param({"bench", "radar"})
    public String records;

    private byte[][] input;

    @Setup
    public void setUp() {
        Random random = new Random(20261128L);
        Instant t0 = Instant.parse("2026-11-28T06:00:00Z");
        input = new byte[RECORDS][];
        for (int i = 0; i < RECORDS; i++) {
            Instant time = t0.plusMillis(i * 100L);
            GeoPoint p = new GeoPoint(31.3 + random.nextDouble(), -111.0 + random.nextDouble(), 0);
            Observation o =
                    records.equals("bench")
                            ? new Observation(
                                    "bench-ne-" + i,
                                    "bench",
                                    "bench-ne",
                                    SensorKind.DRONE,
                                    time,
                                    PositionFix.isotropic(p, 10.0),
                                    null,
                                    null,
                                    null,
                                    Marking.UNRESTRICTED)
                            : new Observation(
                                    "obs-radar-" + i,
                                    "us-cbp",
                                    "radar-nogales-1",
                                    SensorKind.GROUND_RADAR,
                                    time,
                                    new RadarPlot(
                                            new GeoPoint(31.334, -110.942, 1200.0),
                                            100 + random.nextDouble() * 5000,
                                            random.nextDouble() * 360,
                                            15.0,
                                            0.4),
                                    new Velocity(random.nextGaussian(), random.nextGaussian(), 0),
                                    CooperativeIdentity.NONE,
                                    new Classification(TargetClass.PERSON, 0.7),
                                    Marking.releasableTo(List.of("us-cbp", "mx-sedena")));
            input[i] = ObservationCodec.toBytes(o);
        }
    }

    @Benchmark
    @OperationsPerInvocation(RECORDS)
    public void parse(Blackhole bh) {
        for (byte[] bytes : input) {
            bh.consume(ObservationCodec.parse(bytes));
        }
    }
}
