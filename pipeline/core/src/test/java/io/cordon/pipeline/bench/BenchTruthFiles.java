package io.cordon.pipeline.bench;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The truth files of a benchmark scenario ({@code truth.csv}, {@code truth_meta.csv}, {@code
 * detections_labels.csv}, formats in ../shared/bench/README.md), read for the diagnostics that
 * score or explain the tracker's output. No tracker reads them.
 */
public final class BenchTruthFiles {
    private BenchTruthFiles() {}

    /**
     * The truths alive at each evaluation step: their ids and their ENU positions, in step order.
     */
    public record Steps(List<List<String>> ids, List<List<double[]>> pos) {}

    /**
     * {@code truth.csv} by evaluation step (time / evalDtS, rounded), the first {@code steps}
     * steps, positions on {@code plane} at the reference point's altitude as the scorer does.
     */
    public static Steps steps(Path dir, BenchScenario scenario, LocalTangentPlane plane, int steps)
            throws IOException {
        double altM = scenario.referencePoint().altM();
        List<List<String>> ids = new ArrayList<>();
        List<List<double[]>> pos = new ArrayList<>();
        for (int k = 0; k < steps; k++) {
            ids.add(new ArrayList<>());
            pos.add(new ArrayList<>());
        }
        List<String> lines = Files.readAllLines(dir.resolve("truth.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            int k = (int) Math.round(Double.parseDouble(f[0]) / scenario.evalDtS());
            if (k >= steps) {
                continue;
            }
            EnuPoint p =
                    plane.toEnu(
                            new GeoPoint(Double.parseDouble(f[2]), Double.parseDouble(f[3]), altM));
            ids.get(k).add(f[1]);
            pos.get(k).add(new double[] {p.eastM(), p.northM()});
        }
        return new Steps(ids, pos);
    }

    /** Each truth's dark interval from {@code truth_meta.csv}: {start, end} in seconds. */
    public static Map<String, double[]> darkIntervals(Path dir) throws IOException {
        List<String> meta =
                Files.readAllLines(dir.resolve("truth_meta.csv"), StandardCharsets.UTF_8);
        List<String> header = List.of(meta.get(0).split(",", -1));
        int ds = header.indexOf("dark_start");
        int de = header.indexOf("dark_end");
        if (ds < 0 || de < 0) {
            throw new IllegalArgumentException(
                    dir.resolve("truth_meta.csv")
                            + ": no dark_start/dark_end column in header "
                            + header);
        }
        Map<String, double[]> dark = new HashMap<>();
        for (String line : meta.subList(1, meta.size())) {
            String[] f = line.split(",", -1);
            if (!f[ds].isEmpty()) {
                dark.put(f[0], new double[] {Double.parseDouble(f[ds]), Double.parseDouble(f[de])});
            }
        }
        return dark;
    }

    /** The truth id of each detection from {@code detections_labels.csv}; clutter (-1) left out. */
    public static Map<String, String> truthOfDetection(Path dir) throws IOException {
        Map<String, String> truthOf = new HashMap<>();
        List<String> labels =
                Files.readAllLines(dir.resolve("detections_labels.csv"), StandardCharsets.UTF_8);
        for (String line : labels.subList(1, labels.size())) {
            int c = line.indexOf(',');
            String truth = line.substring(c + 1);
            if (!truth.equals("-1")) {
                truthOf.put(line.substring(0, c), truth);
            }
        }
        return truthOf;
    }

    /** The sensors whose cover defines a zone (every sensor but the satellites). */
    public static List<BenchSensor> zones(BenchScenario scenario) {
        List<BenchSensor> zones = new ArrayList<>();
        for (BenchSensor s : scenario.sensors()) {
            if (!s.type().equals("satellite")) {
                zones.add(s);
            }
        }
        return zones;
    }
}
