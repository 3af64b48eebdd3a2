package io.cordon.pipeline.bench;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A benchmark scenario: the frame and timing from scenario.json, the sensors (priors), and the
 * detections of detections.csv grouped into batches of one sensor at one time, in file order
 * (sorted by time, then sensor). JSON is read with snakeyaml-engine (YAML 1.2 is a superset of
 * JSON). Drone and satellite fixes are placed at the reference height, where the scorer puts every
 * position.
 *
 * @param referencePoint the scenario frame's origin
 * @param epoch the instant of time_s = 0
 * @param durationS the run's length, s
 * @param evalDtS the evaluation period, s
 * @param gospaCutoffM the scorer's GOSPA cut-off c, m (500 when scenario.json does not say)
 * @param boxHalfEastM half-width of the scenario's box in the scenario frame, m ({@code
 *     box_half_e_m}; NaN when scenario.json does not give it): targets live inside it and end when
 *     they leave it
 * @param boxHalfNorthM half-height of the box, m ({@code box_half_n_m}; NaN when not given)
 * @param sensors the sensors in scenario.json order
 * @param batches detections per (time, sensor), in file order
 */
public record BenchScenario(
        GeoPoint referencePoint,
        Instant epoch,
        double durationS,
        double evalDtS,
        double gospaCutoffM,
        double boxHalfEastM,
        double boxHalfNorthM,
        List<BenchSensor> sensors,
        List<List<Observation>> batches) {
    private static final String PARTNER = "bench";

    /** Reads scenario.json and detections.csv from {@code dir}. */
    public static BenchScenario read(Path dir) throws IOException {
        String json = Files.readString(dir.resolve("scenario.json"), StandardCharsets.UTF_8);
        try (BufferedReader in =
                Files.newBufferedReader(dir.resolve("detections.csv"), StandardCharsets.UTF_8)) {
            return parse(json, in);
        }
    }

    /** Parses scenario.json text and detections.csv lines (header first). */
    public static BenchScenario parse(String scenarioJson, BufferedReader detections)
            throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Object> json =
                (Map<String, Object>)
                        new Load(LoadSettings.builder().build()).loadFromString(scenarioJson);
        GeoPoint ref =
                new GeoPoint(num(json, "ref_lat"), num(json, "ref_lon"), num(json, "ref_alt_m"));
        Instant epoch = Instant.parse((String) json.get("epoch_utc"));
        List<BenchSensor> sensors = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) json.get("sensors");
        for (Map<String, Object> s : list) {
            sensors.add(sensor(s));
        }
        List<List<Observation>> batches = readDetections(detections, ref, epoch);
        double cutoff = 500.0;
        if (json.get("gospa") instanceof Map<?, ?> g && g.get("c_m") instanceof Number c) {
            cutoff = c.doubleValue();
        }
        return new BenchScenario(
                ref,
                epoch,
                num(json, "duration_s"),
                num(json, "eval_dt_s"),
                cutoff,
                optionalNum(json, "box_half_e_m"),
                optionalNum(json, "box_half_n_m"),
                sensors,
                batches);
    }

    private static BenchSensor sensor(Map<String, Object> s) {
        String type = (String) s.get("type");
        double pd = num(s, "pd");
        double clutter = num(s, "clutter_per_scan");
        double period = num(s, "period_s");
        String id = (String) s.get("id");
        switch (type) {
            case "radar" -> {
                double r = num(s, "max_range_m");
                return new BenchSensor(
                        id,
                        type,
                        period,
                        pd,
                        clutter,
                        Math.PI * r * r,
                        num(s, "e"),
                        num(s, "n"),
                        r,
                        Double.NaN,
                        Double.NaN);
            }
            case "drone" -> {
                double r = num(s, "radius_m");
                return new BenchSensor(
                        id,
                        type,
                        period,
                        pd,
                        clutter,
                        Math.PI * r * r,
                        num(s, "e"),
                        num(s, "n"),
                        r,
                        Double.NaN,
                        Double.NaN);
            }
            default -> {
                double he = num(s, "half_e_m"), hn = num(s, "half_n_m");
                return new BenchSensor(
                        id, type, period, pd, clutter, 4 * he * hn, 0, 0, Double.NaN, he, hn);
            }
        }
    }

    /** Whether a point of the scenario frame is inside the box (always, when it is not given). */
    public boolean insideBox(double eastM, double northM) {
        return !(Math.abs(eastM) > boxHalfEastM) && !(Math.abs(northM) > boxHalfNorthM);
    }

    private static double optionalNum(Map<String, Object> m, String key) {
        return m.get(key) == null ? Double.NaN : num(m, key);
    }

    private static double num(Map<String, Object> m, String key) {
        Object v = m.get(key);
        if (!(v instanceof Number n)) {
            throw new IllegalArgumentException(
                    "scenario.json: " + key + " must be a number, was " + v);
        }
        return n.doubleValue();
    }

    static List<List<Observation>> readDetections(BufferedReader in, GeoPoint ref, Instant epoch)
            throws IOException {
        List<List<Observation>> batches = new ArrayList<>();
        String header = in.readLine();
        if (header == null || !header.startsWith("det_id,time_s,sensor_id,sensor_type")) {
            throw new IOException("unexpected detections.csv header: " + header);
        }
        List<Observation> current = null;
        String currentSensor = null;
        Instant currentTime = null;
        String line;
        int lineNo = 1;
        while ((line = in.readLine()) != null) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length < 16) {
                throw new IOException("detections.csv line " + lineNo + ": 16 fields expected");
            }
            Instant t = epoch.plusNanos(Math.round(Double.parseDouble(f[1]) * 1e9));
            Observation o = observation(f, t, ref);
            if (current == null || !t.equals(currentTime) || !f[2].equals(currentSensor)) {
                current = new ArrayList<>();
                batches.add(current);
                currentTime = t;
                currentSensor = f[2];
            }
            current.add(o);
        }
        return batches;
    }

    private static Observation observation(String[] f, Instant t, GeoPoint ref) {
        String type = f[3];
        if (type.equals("radar")) {
            GeoPoint radar =
                    new GeoPoint(
                            Double.parseDouble(f[8]),
                            Double.parseDouble(f[9]),
                            Double.parseDouble(f[10]));
            double az = Double.parseDouble(f[5]);
            RadarPlot plot =
                    new RadarPlot(
                            radar,
                            Double.parseDouble(f[4]),
                            az >= 360 ? az - 360 : az,
                            Double.parseDouble(f[6]),
                            Double.parseDouble(f[7]));
            return new Observation(
                    f[0], PARTNER, f[2], SensorKind.GROUND_RADAR, t, plot, null, null, null, null);
        }
        GeoPoint p = new GeoPoint(Double.parseDouble(f[11]), Double.parseDouble(f[12]), ref.altM());
        PositionFix fix =
                new PositionFix(
                        p,
                        Double.parseDouble(f[13]),
                        Double.parseDouble(f[14]),
                        Double.parseDouble(f[15]));
        SensorKind kind = type.equals("drone") ? SensorKind.DRONE : SensorKind.SATELLITE;
        return new Observation(f[0], PARTNER, f[2], kind, t, fix, null, null, null, null);
    }

    /** Total number of detections. */
    public int detectionCount() {
        int n = 0;
        for (List<Observation> b : batches) {
            n += b.size();
        }
        return n;
    }
}
