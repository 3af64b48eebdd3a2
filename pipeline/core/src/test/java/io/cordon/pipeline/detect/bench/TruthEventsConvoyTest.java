package io.cordon.pipeline.detect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The convoy labels of {@link TruthEvents} on hand-made truth: three vehicles driving east 100 m
 * apart at 5 m/s, the last of which swerves away from the column for a while (its course 25° off
 * the others', more than the 20° that links them) and comes back.
 */
class TruthEventsConvoyTest {
    private static final double LAT0 = 31.3;
    private static final double LON0 = -110.6;
    private static final double M_PER_DEG_LAT = 111_320.0;
    private static final double M_PER_DEG_LON = M_PER_DEG_LAT * Math.cos(Math.toRadians(LAT0));

    @TempDir Path dir;

    @Test
    void aColumnReFormingWithinRejoinSIsOneConvoy() throws IOException {
        // off the column for 30 s (275-305 s), as seed 4's column at a bend
        List<TruthEvent> convoys = convoys(swerve(275, 30));
        assertThat(convoys).hasSize(1);
        assertThat(convoys.get(0).truthIds()).containsExactlyInAnyOrder(1, 2, 3);
        assertThat(convoys.get(0).timeS()).isEqualTo(1.0);
    }

    @Test
    void aColumnReFormingAfterRejoinSIsTwoConvoys() throws IOException {
        // off the column for 200 s (200-400 s): more than rejoinS (120 s), and each part holds
        // 120 s
        List<TruthEvent> convoys = convoys(swerve(200, 200));
        assertThat(convoys).hasSize(2);
        assertThat(convoys.get(0).timeS()).isEqualTo(1.0);
        assertThat(convoys.get(1).timeS()).isGreaterThan(400.0).isLessThan(420.0);
    }

    /** Vehicle 3 leaves the column at {@code from} s for {@code forS} s, out then back (25°). */
    private static double[][][] swerve(int from, int forS) {
        double[][][] xy = new double[3][601][];
        for (int v = 0; v < 3; v++) {
            double x = -100.0 * v;
            double y = 0;
            for (int t = 0; t <= 600; t++) {
                xy[v][t] = new double[] {x, y};
                double course = 0; // east
                if (v == 2 && t >= from && t < from + forS) {
                    course = t < from + forS / 2 ? 25 : -25;
                }
                x += 5 * Math.cos(Math.toRadians(course));
                y += 5 * Math.sin(Math.toRadians(course));
            }
        }
        return xy;
    }

    private List<TruthEvent> convoys(double[][][] xy) throws IOException {
        List<String> truth = new ArrayList<>(List.of("time_s,truth_id,lat,lon"));
        for (int t = 0; t < xy[0].length; t++) {
            for (int v = 0; v < xy.length; v++) {
                truth.add(
                        String.format(
                                Locale.ROOT,
                                "%d,%d,%.7f,%.7f",
                                t,
                                v + 1,
                                LAT0 + xy[v][t][1] / M_PER_DEG_LAT,
                                LON0 + xy[v][t][0] / M_PER_DEG_LON));
            }
        }
        Files.write(dir.resolve("truth.csv"), truth);
        List<String> meta = new ArrayList<>(List.of("id,kind,a,b,c,d,e,f,g,h"));
        for (int v = 1; v <= xy.length; v++) {
            meta.add(v + ",convoy,,,,,,,,");
        }
        Files.write(dir.resolve("truth_meta.csv"), meta);
        return TruthEvents.read(dir, 0.0).stream().filter(e -> e.type().equals("CONVOY")).toList();
    }
}
