package io.cordon.pipeline.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.metrics.Gospa.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GospaTest {
    private static final Gospa BENCH = new Gospa(500, 2);

    /*
     * Expected values from the benchmark's scorer:
     *   cd shared/bench && python3 -c "import numpy as np, evaluate; X = np.array(<estimates>);
     *       Y = np.array(<truths>); print(evaluate.gospa(X, Y)[0])"
     */
    @Test
    void matchesTheBenchScorer() {
        List<Point> estimates =
                points(
                        610.006, 615.882, 30.651, -428.397, -892.139, -233.262, -183.054, -909.45,
                        -902.485, 998.352, 304.738, -530.98);
        List<Point> truths =
                points(
                        -130.105, 948.372, 795.355, 688.462, -215.191, -13.954, 353.379, -878.395,
                        111.192, -457.097, 759.302, -871.571, 358.363, 740.177, -545.363, 790.896);
        Gospa.Result r = BENCH.between(estimates, truths);
        assertThat(r.distance()).isCloseTo(1044.3035453391892, within(1e-9));
        assertThat(r.localisation()).isCloseTo(340569.89480799995, within(1e-6));
        assertThat(r.missed()).isEqualTo(500000.0);
        assertThat(r.falseTracks()).isEqualTo(250000.0);
        assertThat(r.assigned()).isEqualTo(4);
    }

    @Test
    void symmetricAndZeroOnIdenticalSets() {
        Random random = new Random(3);
        List<Point> a = new ArrayList<>();
        List<Point> b = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            a.add(new Point(random.nextGaussian() * 2000, random.nextGaussian() * 2000));
            b.add(new Point(random.nextGaussian() * 2000, random.nextGaussian() * 2000));
        }
        assertThat(BENCH.between(a, a).distance()).isZero();
        assertThat(BENCH.between(a, b.subList(0, 13)).distance())
                .isCloseTo(BENCH.between(b.subList(0, 13), a).distance(), within(1e-9));
    }

    @Test
    void emptySetsCostHalfTheCutoffSquaredPerPoint() {
        List<Point> two = points(0, 0, 1000, 1000);
        assertThat(BENCH.between(two, List.of()).distance())
                .isCloseTo(Math.sqrt(2 * 125000), within(1e-9));
        assertThat(BENCH.between(List.of(), two).missed()).isEqualTo(250000.0);
        assertThat(BENCH.between(List.of(), List.of()).distance()).isZero();
    }

    private static List<Point> points(double... xy) {
        List<Point> out = new ArrayList<>();
        for (int i = 0; i < xy.length; i += 2) {
            out.add(new Point(xy[i], xy[i + 1]));
        }
        return out;
    }
}
