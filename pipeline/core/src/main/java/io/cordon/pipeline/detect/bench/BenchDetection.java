package io.cordon.pipeline.detect.bench;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.bench.BenchPriors;
import io.cordon.pipeline.bench.BenchScenario;
import io.cordon.pipeline.bench.BenchSensor;
import io.cordon.pipeline.bench.TrackerOverrides;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.border.ZoneMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.DetectorSettings;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.config.ZoneConfig;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.convoy.ConvoyDetector;
import io.cordon.pipeline.detect.convoy.ConvoyParameters;
import io.cordon.pipeline.detect.crossing.BorderCrossingDetector;
import io.cordon.pipeline.detect.crossing.BorderCrossingParameters;
import io.cordon.pipeline.detect.dark.DarkState;
import io.cordon.pipeline.detect.dark.DarkTargetDetector;
import io.cordon.pipeline.detect.dark.DarkTargetParameters;
import io.cordon.pipeline.detect.dark.SensorCoverageModel;
import io.cordon.pipeline.detect.identity.IdentityConflictDetector;
import io.cordon.pipeline.detect.identity.IdentityConflictParameters;
import io.cordon.pipeline.detect.loitering.LoiteringDetector;
import io.cordon.pipeline.detect.loitering.LoiteringParameters;
import io.cordon.pipeline.detect.rendezvous.RendezvousDetector;
import io.cordon.pipeline.detect.rendezvous.RendezvousVariants;
import io.cordon.pipeline.detect.rendezvous.TileGrid;
import io.cordon.pipeline.detect.zone.ZoneIntrusionDetector;
import io.cordon.pipeline.detect.zone.ZoneIntrusionParameters;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tracker and the detectors over a benchmark scenario, as {@code cordon detect} runs them.
 *
 * <p>The tracker is fed the detections of each event time sensor by sensor and then advanced to
 * that time, as the fusion job does; the track updates it publishes (every status but tentative,
 * one per track and time, the last) go to the detectors in that order: border crossing and
 * loitering per track against the scenario's border ({@link BenchBorders}), dark target per track
 * against the coverage of scenario.json's sensors ({@link #coverage}), rendezvous and identity
 * conflict over all tracks in event order ({@link DetectorReplay}), zone intrusion per track
 * against scenario.json's {@code restricted_zones} ({@link BenchBorders#zones}; none in the shared
 * benchmark scenarios, so no alert there), convoy over all tracks in event order.
 *
 * <p>Each alert is reported once, as first raised ({@code NEW}), with the time of what was detected
 * ({@link Alert#windowStart()}) and the time of the track update that raised it.
 */
public final class BenchDetection {
    /** The detectors that can run here, by their {@code cordon.yaml} name. */
    public static final List<String> DETECTORS =
            List.of(
                    "borderCrossing",
                    "loitering",
                    "rendezvous",
                    "darkTarget",
                    "identityConflict",
                    "zoneIntrusion",
                    "convoy");

    /**
     * What {@code cordon detect} runs unless told otherwise: all but the dark target (its alerts
     * include the tracker's lost and merged tracks: precision 1.00 on the generated scenarios but
     * 0.69 on the shared t100; see docs/detection.md).
     */
    public static final List<String> DEFAULT_DETECTORS =
            List.of(
                    "borderCrossing",
                    "loitering",
                    "rendezvous",
                    "identityConflict",
                    "zoneIntrusion",
                    "convoy");

    /**
     * The key of the overrides that go to the tracker ({@link TrackerOverrides}: {@code --param
     * tracker.meanSojournS=45}) instead of a detector.
     */
    public static final String TRACKER = "tracker";

    private static final Pattern BORDER_LAT =
            Pattern.compile("\"border_lat\"\\s*:\\s*(-?[0-9.eE+-]+)");
    private static final Pattern SAFE_VALUE = Pattern.compile("[A-Za-z0-9._+-]{1,64}");

    private BenchDetection() {}

    /**
     * One alert as reported.
     *
     * @param alert the alert as first raised
     * @param raisedAt event time of the track update that raised it
     */
    public record Raised(Alert alert, Instant raisedAt) {}

    /** What a run gives. */
    public record Result(BenchScenario scenario, List<EntityTrack> updates, List<Raised> alerts) {}

    /** Reads the scenario in {@code dir} and runs tracker and detectors with these overrides. */
    public static Result run(Path dir, Map<String, Map<String, String>> parameters)
            throws IOException {
        return run(dir, parameters, DEFAULT_DETECTORS);
    }

    /** The same with the detectors named (from {@link #DETECTORS}). */
    public static Result run(
            Path dir, Map<String, Map<String, String>> parameters, List<String> detectors)
            throws IOException {
        String json = Files.readString(dir.resolve("scenario.json"), StandardCharsets.UTF_8);
        return run(
                BenchScenario.read(dir),
                borderLat(json),
                BenchBorders.zones(json),
                parameters,
                detectors);
    }

    /** The border latitude of scenario.json. */
    public static double borderLat(String scenarioJson) {
        Matcher m = BORDER_LAT.matcher(scenarioJson);
        if (!m.find()) {
            throw new IllegalArgumentException("scenario.json has no border_lat");
        }
        return Double.parseDouble(m.group(1));
    }

    /**
     * Tracker and detectors over {@code scenario}.
     *
     * @param parameters overrides by detector ({@link #DETECTORS}, or {@link #TRACKER}) and key, as
     *     text
     * @throws io.cordon.pipeline.config.ConfigException for an unknown detector or key or a bad
     *     value, naming the key, the value and what is allowed
     */
    public static Result run(
            BenchScenario scenario,
            double borderLatDeg,
            Map<String, Map<String, String>> parameters) {
        return run(scenario, borderLatDeg, parameters, DEFAULT_DETECTORS);
    }

    /**
     * Tracker and the named detectors over {@code scenario}.
     *
     * @param parameters overrides by detector ({@link #DETECTORS}, or {@link #TRACKER}) and key, as
     *     text
     * @param detectors which to run, from {@link #DETECTORS}
     * @throws io.cordon.pipeline.config.ConfigException for an unknown detector or key or a bad
     *     value, naming the key, the value and what is allowed
     */
    public static Result run(
            BenchScenario scenario,
            double borderLatDeg,
            Map<String, Map<String, String>> parameters,
            List<String> detectors) {
        return run(scenario, borderLatDeg, List.of(), parameters, detectors);
    }

    /**
     * Tracker and the named detectors over {@code scenario}, with these restricted zones for the
     * zone-intrusion detector.
     *
     * @param zones restricted zones ({@link BenchBorders#zones} of scenario.json)
     * @param parameters overrides by detector ({@link #DETECTORS}, or {@link #TRACKER}) and key, as
     *     text
     * @param detectors which to run, from {@link #DETECTORS}
     * @throws io.cordon.pipeline.config.ConfigException for an unknown detector or key or a bad
     *     value, naming the key, the value and what is allowed
     */
    public static Result run(
            BenchScenario scenario,
            double borderLatDeg,
            List<ZoneConfig> zones,
            Map<String, Map<String, String>> parameters,
            List<String> detectors) {
        for (String d : detectors) {
            if (!DETECTORS.contains(d)) {
                throw new io.cordon.pipeline.config.ConfigException(
                        "--detectors", d, "detectors cordon detect can run, from " + DETECTORS);
            }
        }
        Map<String, Map<String, String>> detectorParameters = new TreeMap<>(parameters);
        Map<String, String> trackerParameters = detectorParameters.remove(TRACKER);
        TrackerParameters tracker =
                TrackerOverrides.apply(
                        BenchPriors.parametersFor(scenario),
                        trackerParameters == null ? Map.of() : trackerParameters);
        DetectorSettings settings = settings(detectorParameters);
        List<EntityTrack> updates = track(scenario, tracker);
        BorderMap borders = BenchBorders.of(borderLatDeg, scenario.referencePoint().lonDeg());
        Map<String, Raised> firstById = new LinkedHashMap<>();
        DetectorReplay.Sink sink =
                (by, a) -> firstById.putIfAbsent(a.alertId(), new Raised(a, by.time()));
        // Every detector's parameters are read (a bad override fails even for one not run).
        var crossing = BorderCrossingParameters.from(settings.of(BorderCrossingDetector.NAME));
        var loitering = LoiteringParameters.from(settings.of(LoiteringDetector.NAME));
        var dark = DarkTargetParameters.from(settings.of(DarkTargetDetector.NAME));
        var rendezvous = RendezvousVariants.from(settings.of(RendezvousDetector.NAME));
        var identity = IdentityConflictParameters.from(settings.of(IdentityConflictDetector.NAME));
        var zone = ZoneIntrusionParameters.from(settings.of(ZoneIntrusionDetector.NAME));
        var convoy = ConvoyParameters.from(settings.of(ConvoyDetector.NAME));
        if (detectors.contains("borderCrossing")) {
            DetectorReplay.perTrack(new BorderCrossingDetector(borders, crossing), updates, sink);
        }
        if (detectors.contains("loitering")) {
            DetectorReplay.perTrack(new LoiteringDetector(borders, loitering), updates, sink);
        }
        if (detectors.contains("zoneIntrusion") && !zones.isEmpty()) {
            DetectorReplay.perTrack(
                    new ZoneIntrusionDetector(ZoneMap.of(zones), zone), updates, sink);
        }
        if (detectors.contains("darkTarget")) {
            dark(new DarkTargetDetector(coverage(scenario), dark), updates, firstById);
        }
        if (detectors.contains("rendezvous")) {
            DetectorReplay.keyed(
                    new RendezvousDetector(rendezvous, TileGrid.DEFAULT),
                    updates,
                    (key, by, a) -> sink.raised(by, a));
        }
        if (detectors.contains("identityConflict")) {
            DetectorReplay.keyed(
                    new IdentityConflictDetector(identity),
                    updates,
                    (key, by, a) -> sink.raised(by, a));
        }
        if (detectors.contains("convoy")) {
            DetectorReplay.keyed(
                    new ConvoyDetector(convoy), updates, (key, by, a) -> sink.raised(by, a));
        }
        List<Raised> alerts = new ArrayList<>(firstById.values());
        alerts.sort(
                Comparator.comparing((Raised r) -> r.alert().windowStart())
                        .thenComparing(r -> r.alert().alertId()));
        return new Result(scenario, updates, alerts);
    }

    /**
     * The dark-target detector per track with its event-time timers, as an operator runs it: before
     * the updates of each time, every track whose {@link DarkTargetDetector#dueAt} the watermark
     * has reached (the watermark follows the update times; the offline loop has no
     * out-of-orderness) gets {@link DarkTargetDetector#onTime} at its due time, and the alert is
     * raised at that update time.
     */
    static void dark(
            DarkTargetDetector detector, List<EntityTrack> updates, Map<String, Raised> firstById) {
        Map<String, DarkState> states = new TreeMap<>();
        Map<String, EntityTrack> last = new TreeMap<>();
        Map<String, Instant> due = new TreeMap<>();
        for (EntityTrack u : updates) {
            while (true) {
                String next = null;
                for (var e : due.entrySet()) {
                    if (!e.getValue().isAfter(u.time())
                            && (next == null || e.getValue().isBefore(due.get(next)))) {
                        next = e.getKey();
                    }
                }
                if (next == null) {
                    break;
                }
                Instant at = due.remove(next);
                DetectorResult<DarkState> r = detector.onTime(states.get(next), last.get(next), at);
                r.alerts()
                        .forEach(a -> firstById.putIfAbsent(a.alertId(), new Raised(a, u.time())));
                states.put(next, r.newState());
                Instant again = detector.dueAt(r.newState());
                if (again != null && again.isAfter(at)) {
                    due.put(next, again);
                }
            }
            DetectorResult<DarkState> r = detector.onTrackUpdate(states.get(u.trackId()), u);
            r.alerts().forEach(a -> firstById.putIfAbsent(a.alertId(), new Raised(a, u.time())));
            due.remove(u.trackId());
            if (r.stateCleared()) {
                states.remove(u.trackId());
                last.remove(u.trackId());
            } else {
                states.put(u.trackId(), r.newState());
                last.put(u.trackId(), u);
                Instant d = detector.dueAt(r.newState());
                if (d != null) {
                    due.put(u.trackId(), d);
                }
            }
        }
    }

    /**
     * The non-cooperative coverage of the scenario's sensors for the dark-target detector: radars
     * and drones as discs of their range or radius around their position, the satellite as the disc
     * around the reference point that holds its rectangle (its one pass in 180 s at P_D 0.7 adds
     * little to the miss probability), each with its period and P_D.
     */
    public static SensorCoverageModel coverage(BenchScenario scenario) {
        LocalTangentPlane plane = new LocalTangentPlane(scenario.referencePoint());
        List<SensorConfig> sensors = new ArrayList<>();
        for (BenchSensor b : scenario.sensors()) {
            boolean satellite = b.type().equals("satellite");
            SensorKind kind =
                    switch (b.type()) {
                        case "radar" -> SensorKind.GROUND_RADAR;
                        case "drone" -> SensorKind.DRONE;
                        default -> SensorKind.SATELLITE;
                    };
            SensorConfig d =
                    SensorConfig.withDefaults(
                            b.id(), "bench", kind, plane.surfacePoint(b.eastM(), b.northM()));
            double range = satellite ? Math.hypot(b.halfEastM(), b.halfNorthM()) : b.radiusM();
            sensors.add(
                    new SensorConfig(
                            d.id(),
                            d.partnerId(),
                            kind,
                            d.position(),
                            range,
                            b.periodS(),
                            d.sigmaRangeM(),
                            d.sigmaAzimuthDeg(),
                            d.sigmaHeightM(),
                            d.sigmaPositionM(),
                            b.detectionProbability(),
                            b.clutterPerScan(),
                            d.releasability(),
                            Double.NaN,
                            Double.NaN));
        }
        return new SensorCoverageModel(sensors);
    }

    /** The track updates the tracker publishes over the scenario, in publication order. */
    public static List<EntityTrack> track(BenchScenario scenario) {
        return track(scenario, BenchPriors.parametersFor(scenario));
    }

    /** The same with these tracker parameters. */
    public static List<EntityTrack> track(BenchScenario scenario, TrackerParameters parameters) {
        MultiTargetTracker tracker = new MultiTargetTracker(parameters, scenario.referencePoint());
        List<EntityTrack> out = new ArrayList<>();
        List<List<Observation>> batches = scenario.batches();
        int b = 0;
        while (b < batches.size()) {
            Instant time = batches.get(b).get(0).eventTime();
            Map<String, EntityTrack> published = new LinkedHashMap<>();
            while (b < batches.size() && batches.get(b).get(0).eventTime().equals(time)) {
                collect(tracker.update(batches.get(b)), published);
                b++;
            }
            collect(tracker.advanceTo(time), published);
            out.addAll(published.values());
        }
        return out;
    }

    private static void collect(List<EntityTrack> changed, Map<String, EntityTrack> published) {
        for (EntityTrack t : changed) {
            if (t.status() != TrackStatus.TENTATIVE) {
                published.remove(t.trackId());
                published.put(t.trackId(), t);
            }
        }
    }

    /**
     * The overrides as a {@code detectors} section, read by the same code as {@code cordon.yaml}'s
     * so that an unknown key or a bad value fails the same way.
     */
    static DetectorSettings settings(Map<String, Map<String, String>> parameters) {
        StringBuilder yaml = new StringBuilder("reference: {latDeg: 0, lonDeg: 0}\n");
        if (!parameters.isEmpty()) {
            yaml.append("detectors:\n");
        }
        for (var d : new TreeMap<>(parameters).entrySet()) {
            if (!DETECTORS.contains(d.getKey())) {
                throw new io.cordon.pipeline.config.ConfigException(
                        "detectors." + d.getKey(),
                        d.getKey(),
                        "a detector cordon detect runs, one of " + DETECTORS);
            }
            yaml.append("  ").append(d.getKey()).append(":\n");
            for (var kv : new TreeMap<>(d.getValue()).entrySet()) {
                String path = "detectors." + d.getKey() + "." + kv.getKey();
                if (!SAFE_VALUE.matcher(kv.getKey()).matches()) {
                    throw new io.cordon.pipeline.config.ConfigException(
                            path, kv.getKey(), "a parameter name of letters and digits");
                }
                if (!SAFE_VALUE.matcher(kv.getValue()).matches()) {
                    throw new io.cordon.pipeline.config.ConfigException(
                            path, kv.getValue(), "a number, true/false or a severity name");
                }
                yaml.append("    ")
                        .append(kv.getKey())
                        .append(": ")
                        .append(kv.getValue())
                        .append('\n');
            }
        }
        return CordonConfig.parse(yaml.toString(), Path.of(".")).detectors();
    }

    /**
     * Writes {@code alert_id,type,time_s,lat,lon,track_ids}: one row per alert, {@code time_s} the
     * event time of what was detected in the scenario's seconds, track ids separated by {@code ;}.
     */
    public static void writeCsv(Path path, Result result) throws IOException {
        Instant epoch = result.scenario().epoch();
        try (BufferedWriter w = Files.newBufferedWriter(path, StandardCharsets.UTF_8)) {
            w.write("alert_id,type,time_s,lat,lon,track_ids\n");
            for (Raised r : result.alerts()) {
                Alert a = r.alert();
                w.write(
                        String.format(
                                Locale.ROOT,
                                "%s,%s,%.3f,%.7f,%.7f,%s%n",
                                a.alertId(),
                                a.type().name(),
                                Geodesy.secondsBetween(epoch, a.windowStart()),
                                a.location().latDeg(),
                                a.location().lonDeg(),
                                String.join(";", a.trackIds())));
            }
        }
    }
}
