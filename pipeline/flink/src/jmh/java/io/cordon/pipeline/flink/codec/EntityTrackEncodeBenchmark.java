package io.cordon.pipeline.flink.codec;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.SortedNames;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
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
 * Time to encode one track update on one thread, as the tracker task does for every update: {@code
 * EntityTrackCodec.toProto(track).toByteArray()}, and {@code EntityTrackCodec.toBytes(track)},
 * which writes the same bytes without building the message.
 *
 * <p>{@code bench}: tracks like those of {@code cordon bench fusion} (confirmed, unrestricted, one
 * radar and its partner, a covariance, no identity or classification). {@code varied}: every
 * status, restricted and unrestricted markings, one to three sensors and partners, identities,
 * classifications, with and without covariance and provenance times.
 *
 * <p>pipeline/flink has no JMH dependency, so this source is outside the Maven source roots; build
 * and run (the class path of {@code dependency:build-classpath} on pipeline/flink, scope compile):
 *
 * <pre>
 * JMH=~/.m2/repository/org/openjdk/jmh
 * JCP=$JMH/jmh-core/1.37/jmh-core-1.37.jar:$JMH/jmh-generator-annprocess/1.37/jmh-generator-annprocess-1.37.jar:\
 * ~/.m2/repository/net/sf/jopt-simple/jopt-simple/5.0.4/jopt-simple-5.0.4.jar:\
 * ~/.m2/repository/org/apache/commons/commons-math3/3.6.1/commons-math3-3.6.1.jar
 * javac -d OUT -cp pipeline/flink/target/classes:$(cat cp.txt):$JCP \
 *   pipeline/flink/src/jmh/java/io/cordon/pipeline/flink/codec/EntityTrackEncodeBenchmark.java
 * java -cp OUT:pipeline/flink/target/classes:$(cat cp.txt):$JCP org.openjdk.jmh.Main EntityTrackEncode
 * </pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(3)
@Threads(1)
public class EntityTrackEncodeBenchmark {
    static final int TRACKS = 1024;

    @Param({"bench", "varied"})
    public String tracks;

    private EntityTrack[] input;

    @Setup
    public void setUp() {
        Random random = new Random(20261128L);
        input = new EntityTrack[TRACKS];
        for (int i = 0; i < TRACKS; i++) {
            input[i] = tracks.equals("bench") ? benchTrack(i, random) : variedTrack(i, random);
        }
    }

    /** Encodes every track once; the time reported is per track. */
    @Benchmark
    @OperationsPerInvocation(TRACKS)
    public void toProtoToByteArray(Blackhole bh) {
        for (EntityTrack t : input) {
            bh.consume(EntityTrackCodec.toProto(t).toByteArray());
        }
    }

    /** The same bytes written without the message ({@code EntityTrackCodec.toBytes}). */
    @Benchmark
    @OperationsPerInvocation(TRACKS)
    public void toBytes(Blackhole bh) {
        for (EntityTrack t : input) {
            bh.consume(EntityTrackCodec.toBytes(t));
        }
    }

    private static final Instant T0 = Instant.parse("2026-11-28T06:00:00.123456789Z");

    private static EntityTrack benchTrack(int i, Random random) {
        String sensor = "radar-q" + (i % 4);
        Instant time = T0.plusMillis(random.nextInt(60_000));
        return new EntityTrack(
                "trk-" + Long.toHexString(random.nextLong()),
                TrackStatus.CONFIRMED,
                time,
                new GeoPoint(31.3 + random.nextDouble(), -111.0 + random.nextDouble(), 0.0),
                new Velocity(random.nextGaussian(), random.nextGaussian(), 0.0),
                covariance(random),
                SortedNames.of(List.of(sensor)),
                SortedNames.of(List.of("bench")),
                CooperativeIdentity.NONE,
                Classification.UNKNOWN,
                Marking.UNRESTRICTED,
                1 + random.nextInt(10_000),
                null,
                time);
    }

    private static EntityTrack variedTrack(int i, Random random) {
        TrackStatus status = TrackStatus.values()[i % TrackStatus.values().length];
        Instant time = T0.plusMillis(random.nextInt(60_000));
        List<String> sensors =
                List.of("radar-nogales-1", "ais-coast-2", "ugs-17").subList(0, 1 + i % 3);
        List<String> partners = List.of("us-cbp", "mx-sedena", "nato").subList(0, 1 + i % 3);
        Marking marking =
                switch (i % 3) {
                    case 0 -> Marking.UNRESTRICTED;
                    case 1 -> Marking.releasableTo(List.of("us-cbp"));
                    default -> Marking.releasableTo(List.of("nato", "mx-sedena", "us-cbp"));
                };
        CooperativeIdentity identity =
                i % 4 == 0
                        ? new CooperativeIdentity("366" + (100_000 + i), "", "CALL" + i, "")
                        : CooperativeIdentity.NONE;
        Classification classification =
                i % 5 == 0
                        ? new Classification(TargetClass.VESSEL, random.nextDouble())
                        : Classification.UNKNOWN;
        return new EntityTrack(
                "trk-" + Long.toHexString(random.nextLong()),
                status,
                time,
                new GeoPoint(31.3 + random.nextDouble(), -111.0 + random.nextDouble(), 12.5),
                new Velocity(random.nextGaussian(), random.nextGaussian(), 0.1),
                i % 7 == 0 ? null : covariance(random),
                SortedNames.of(sensors),
                SortedNames.of(partners),
                identity,
                classification,
                marking,
                random.nextInt(100),
                i % 2 == 0 ? time.minusSeconds(3) : null,
                i % 3 == 0 ? null : time);
    }

    private static StateCovariance covariance(Random random) {
        double pe = 100 + random.nextDouble() * 400;
        double pn = 100 + random.nextDouble() * 400;
        double c = random.nextDouble() * 10;
        return StateCovariance.ofRowMajor(
                new double[] {
                    pe, c, 5, 0.1,
                    c, pn, 0.2, 5,
                    5, 0.2, 2, 0.01,
                    0.1, 5, 0.01, 2
                });
    }
}
