package io.cordon.pipeline.border;

import io.cordon.pipeline.config.BorderConfig;
import io.cordon.pipeline.geo.GeoPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
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
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.CommandLineOptionException;
import org.openjdk.jmh.runner.options.CommandLineOptions;

/**
 * What the geography costs per track update on the default borders (the Natural Earth admin-0
 * Americas file, 55 countries, 43 border lines, 4 MB): the questions the per-track detectors ask of
 * {@link BorderMap} for one update, on one thread.
 *
 * <p>Workload: 4 096 seeded moves of 20 m (a 2 s update at 10 m/s) in random directions, cycled
 * through. {@code region=land}: starting points uniform over the Americas' bounding box (170°-35°
 * W, 56° S-72° N), kept when {@link BorderMap#countryAt} finds a country (on land, most far from
 * any border). {@code region=border}: starting points within about 2 km of the US-Mexico boundary
 * east of Nogales (31.327° N in this data, 111.0°-108.3° W) and of the US-Canada 49th parallel
 * (123°-95.2° W), the worst case, where the border lines' index returns segments to test.
 *
 * <p>Benchmarks: {@code update} asks what an update needs (the country at the new position, the
 * crossing of the move, the distance to the nearest border line within 2 000 m, as the crossing,
 * loitering and low-slow detectors do); {@code countryAt}, {@code crossing} and {@code
 * distanceToBorder} each alone.
 *
 * <p>Run: {@code ./mvnw -o -q -pl pipeline/core test-compile} then {@code java -cp
 * pipeline/core/target/test-classes:pipeline/core/target/classes:<test classpath>
 * io.cordon.pipeline.border.BorderMapBenchmark} from the repository root (JMH options after it).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@Threads(1)
public class BorderMapBenchmark {
    static final Path AMERICAS = Path.of("deploy/borders/americas-natural-earth-10m.geojson");
    static final int MOVES = 4096;
    static final double STEP_M = 20;

    @Param({"land", "border"})
    public String region;

    private BorderMap borders;
    private GeoPoint[] from;
    private GeoPoint[] to;
    private int next;

    @Setup
    public void setUp() {
        Path file = Files.exists(AMERICAS) ? AMERICAS : Path.of("../..").resolve(AMERICAS);
        borders = BorderMap.load(new BorderConfig(file, List.of()));
        SplittableRandom random = new SplittableRandom(42);
        List<GeoPoint> starts = new ArrayList<>();
        while (starts.size() < MOVES) {
            GeoPoint p;
            if (region.equals("land")) {
                p = GeoPoint.of(random.nextDouble(-56, 72), random.nextDouble(-170, -35));
                if (borders.countryAt(p).isEmpty()) {
                    continue;
                }
            } else if (random.nextBoolean()) {
                p =
                        GeoPoint.of(
                                31.327 + random.nextDouble(-0.02, 0.02),
                                random.nextDouble(-111, -108.3));
            } else {
                p =
                        GeoPoint.of(
                                49.0 + random.nextDouble(-0.02, 0.02),
                                random.nextDouble(-123, -95.2));
            }
            starts.add(p);
        }
        from = new GeoPoint[MOVES];
        to = new GeoPoint[MOVES];
        for (int i = 0; i < MOVES; i++) {
            GeoPoint a = starts.get(i);
            GeodesicData d =
                    Geodesic.WGS84.Direct(
                            a.latDeg(), a.lonDeg(), random.nextDouble(0, 360), STEP_M);
            from[i] = a;
            to[i] = GeoPoint.of(d.lat2, d.lon2);
        }
    }

    private int index() {
        int i = next;
        next = (i + 1) & (MOVES - 1);
        return i;
    }

    /** Everything the per-track detectors ask of the borders for one update. */
    @Benchmark
    public void update(Blackhole bh) {
        int i = index();
        bh.consume(borders.countryAt(to[i]));
        bh.consume(borders.crossing(from[i], to[i]));
        bh.consume(borders.distanceToBorderM(to[i], 2_000));
    }

    @Benchmark
    public Object countryAt() {
        return borders.countryAt(to[index()]);
    }

    @Benchmark
    public Object crossing() {
        int i = index();
        return borders.crossing(from[i], to[i]);
    }

    @Benchmark
    public double distanceToBorder() {
        return borders.distanceToBorderM(to[index()], 2_000);
    }

    public static void main(String[] args) throws RunnerException, CommandLineOptionException {
        new Runner(
                        new org.openjdk.jmh.runner.options.OptionsBuilder()
                                .parent(new CommandLineOptions(args))
                                .include(BorderMapBenchmark.class.getSimpleName())
                                .build())
                .run();
    }
}
