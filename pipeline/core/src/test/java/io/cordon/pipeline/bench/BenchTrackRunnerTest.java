package io.cordon.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Writes a small scenario in the bench format (one radar, one target) and runs the command. */
class BenchTrackRunnerTest {
    private static final GeoPoint REF = new GeoPoint(31.3333, -110.6, 1200.0);

    @Test
    void writesConfirmedTracksAtEveryEvaluationTimeAndStats(@TempDir Path dir) throws Exception {
        LocalTangentPlane plane = new LocalTangentPlane(REF);
        GeoPoint radar = plane.toGeodetic(new EnuPoint(-20000, 6000, 30));
        Files.writeString(dir.resolve("scenario.json"), scenarioJson(radar, ""));
        writeDetections(dir, radar);

        Path out = dir.resolve("tracks.csv");
        Path stats = dir.resolve("stats.json");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        int status =
                BenchTrackRunner.run(
                        new String[] {
                            "--scenario",
                            dir.toString(),
                            "--out",
                            out.toString(),
                            "--stats",
                            stats.toString(),
                            "--warmup",
                            "1"
                        },
                        new PrintStream(console),
                        new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(0)).isEqualTo("time_s,track_id,lat,lon,alt_m");
        List<String> at60 = lines.stream().filter(l -> l.startsWith("60,")).toList();
        assertThat(at60).hasSize(1);
        String[] f = at60.get(0).split(",");
        EnuPoint p =
                plane.toEnu(new GeoPoint(Double.parseDouble(f[2]), Double.parseDouble(f[3]), 1200));
        assertThat(Math.hypot(p.eastM() - (-9400), p.northM())).isLessThan(60.0);
        // Every row is on the evaluation grid (multiples of 5 s).
        for (String l : lines.subList(1, lines.size())) {
            assertThat(Integer.parseInt(l.split(",")[0]) % 5).isZero();
        }
        // The target is tracked well before it enters a box 9.7 km wide (at t = 30 s).
        assertThat(lines).anyMatch(l -> l.startsWith("20,"));
        String json = Files.readString(stats);
        assertThat(json)
                .contains("\"observations\": 32")
                .contains("\"seconds\"")
                .contains("\"observations_per_s\"")
                .contains("\"cold_seconds\"")
                .contains("\"warmup_passes\": 1");
    }

    @Test
    void reportsNoTrackOutsideTheScenarioBox(@TempDir Path dir) throws Exception {
        LocalTangentPlane plane = new LocalTangentPlane(REF);
        GeoPoint radar = plane.toGeodetic(new EnuPoint(-20000, 6000, 30));
        // The target, moving east from (-10 km, 0) at 10 m/s, enters the box at t = 30 s.
        Files.writeString(
                dir.resolve("scenario.json"),
                scenarioJson(radar, " \"box_half_e_m\": 9700.0, \"box_half_n_m\": 30000.0,"));
        writeDetections(dir, radar);
        Path out = dir.resolve("tracks.csv");
        int status =
                BenchTrackRunner.run(
                        new String[] {
                            "--scenario", dir.toString(), "--out", out.toString(), "--warmup", "0"
                        },
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(new ByteArrayOutputStream()));

        assertThat(status).isZero();
        List<String> lines = Files.readAllLines(out);
        for (String l : lines.subList(1, lines.size())) {
            assertThat(Integer.parseInt(l.split(",")[0])).isGreaterThanOrEqualTo(30);
        }
        assertThat(lines.stream().filter(l -> l.startsWith("60,"))).hasSize(1);
    }

    private static void writeDetections(Path dir, GeoPoint radar) throws Exception {
        LocalTangentPlane plane = new LocalTangentPlane(REF);
        LocalTangentPlane radarPlane = new LocalTangentPlane(radar);
        Random random = new Random(11);
        List<String> rows = new ArrayList<>();
        rows.add(
                "det_id,time_s,sensor_id,sensor_type,range_m,az_deg,sigma_range_m,sigma_az_deg,"
                        + "sensor_lat,sensor_lon,sensor_alt_m,lat,lon,cov_ee_m2,cov_en_m2,cov_nn_m2");
        int id = 0;
        for (int t = 0; t <= 60; t += 4) {
            // Target moving east at 10 m/s from (-10 km, 0); and one clutter plot per scan.
            EnuPoint q = radarPlane.toEnu(plane.surfacePoint(-10000 + 10.0 * t, 0));
            double range = Math.hypot(q.eastM(), q.northM()) + 15 * random.nextGaussian();
            double az =
                    Math.toDegrees(Math.atan2(q.eastM(), q.northM()))
                            + 0.25 * random.nextGaussian();
            rows.add(radarRow(id++, t, range, (az + 360) % 360, radar));
            rows.add(
                    radarRow(
                            id++,
                            t,
                            1000 + random.nextDouble() * 25000,
                            random.nextDouble() * 360,
                            radar));
        }
        Files.write(dir.resolve("detections.csv"), rows, StandardCharsets.UTF_8);
    }

    @Test
    void aParameterSetByNameChangesTheTracksAndABadOneIsRefused(@TempDir Path dir)
            throws Exception {
        LocalTangentPlane plane = new LocalTangentPlane(REF);
        GeoPoint radar = plane.toGeodetic(new EnuPoint(-20000, 6000, 30));
        Files.writeString(dir.resolve("scenario.json"), scenarioJson(radar, ""));
        writeDetections(dir, radar);
        Path plain = dir.resolve("plain.csv");
        Path strict = dir.resolve("strict.csv");
        PrintStream quiet = new PrintStream(new ByteArrayOutputStream());
        String[] common = {"--scenario", dir.toString(), "--warmup", "0"};
        assertThat(BenchTrackRunner.run(args(common, "--out", plain.toString()), quiet, quiet))
                .isZero();
        // a track confirmed only at an existence it never reaches is never reported
        assertThat(
                        BenchTrackRunner.run(
                                args(
                                        common,
                                        "--out",
                                        strict.toString(),
                                        "--param",
                                        "confirmExistence=0.999999999",
                                        "--param",
                                        "deleteExistence=0.5"),
                                quiet,
                                quiet))
                .isZero();
        assertThat(Files.readAllLines(strict).size()).isLessThan(Files.readAllLines(plain).size());

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                BenchTrackRunner.run(
                        args(common, "--out", strict.toString(), "--param", "gateProbability=2"),
                        quiet,
                        new PrintStream(err));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString())
                .contains("tracker.gateProbability")
                .contains("2")
                .contains("(0.0, 1.0)");
        ByteArrayOutputStream noEquals = new ByteArrayOutputStream();
        assertThat(
                        BenchTrackRunner.run(
                                args(common, "--out", strict.toString(), "--param", "gate"),
                                quiet,
                                new PrintStream(noEquals)))
                .isEqualTo(2);
        assertThat(noEquals.toString()).contains("KEY=VALUE").contains("gate");
    }

    private static String[] args(String[] common, String... more) {
        String[] all = java.util.Arrays.copyOf(common, common.length + more.length);
        System.arraycopy(more, 0, all, common.length, more.length);
        return all;
    }

    @Test
    void rejectsMissingArguments() throws Exception {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status =
                BenchTrackRunner.run(
                        new String[] {"--out"},
                        new PrintStream(new ByteArrayOutputStream()),
                        new PrintStream(err));
        assertThat(status).isEqualTo(2);
        assertThat(err.toString()).contains("usage");
    }

    private static String radarRow(int id, int t, double range, double az, GeoPoint radar) {
        return String.format(
                Locale.ROOT,
                "%d,%d,R1,radar,%.2f,%.5f,15.0,0.25,%.7f,%.7f,%.1f,,,,,",
                id,
                t,
                range,
                az,
                radar.latDeg(),
                radar.lonDeg(),
                radar.altM());
    }

    private static String scenarioJson(GeoPoint radar, String box) {
        return String.format(
                Locale.ROOT,
                "{\"format_version\": 1, \"ref_lat\": 31.3333, \"ref_lon\": -110.6, \"ref_alt_m\": 1200.0,"
                        + box
                        + " \"epoch_utc\": \"2026-01-01T00:00:00Z\", \"duration_s\": 60, \"eval_dt_s\": 5,"
                        + " \"gospa\": {\"c_m\": 500.0, \"p\": 2, \"alpha\": 2},"
                        + " \"sensors\": [{\"id\": \"R1\", \"type\": \"radar\", \"e\": -20000.0, \"n\": 6000.0,"
                        + " \"alt\": 1230.0, \"period_s\": 4, \"phase_s\": 0, \"max_range_m\": 28000.0,"
                        + " \"sigma_range_m\": 15.0, \"sigma_az_deg\": 0.25, \"pd\": 0.9,"
                        + " \"clutter_per_scan\": 20.0, \"lat\": %.9f, \"lon\": %.9f}]}",
                radar.latDeg(),
                radar.lonDeg());
    }
}
