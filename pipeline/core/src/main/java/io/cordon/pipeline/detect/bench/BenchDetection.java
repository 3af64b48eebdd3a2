package io.cordon.pipeline.detect.bench;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.bench.BenchPriors;
import io.cordon.pipeline.bench.BenchScenario;
import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.DetectorSettings;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.crossing.BorderCrossingDetector;
import io.cordon.pipeline.detect.crossing.BorderCrossingParameters;
import io.cordon.pipeline.detect.identity.IdentityConflictDetector;
import io.cordon.pipeline.detect.identity.IdentityConflictParameters;
import io.cordon.pipeline.detect.loitering.LoiteringDetector;
import io.cordon.pipeline.detect.loitering.LoiteringParameters;
import io.cordon.pipeline.detect.rendezvous.RendezvousDetector;
import io.cordon.pipeline.detect.rendezvous.RendezvousParameters;
import io.cordon.pipeline.detect.rendezvous.TileGrid;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.pipeline.tracker.MultiTargetTracker;
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
 * loitering per track against the scenario's border ({@link BenchBorders}), rendezvous and identity
 * conflict over all tracks in event order ({@link DetectorReplay}). Zone intrusion has no zone in a
 * benchmark scenario, and the dark-target detector needs the sensors' coverage as {@code
 * cordon.yaml} declares it, which scenario.json does not give in that form; neither runs here.
 *
 * <p>Each alert is reported once, as first raised ({@code NEW}), with the time of what was detected
 * ({@link Alert#windowStart()}) and the time of the track update that raised it.
 */
public final class BenchDetection {
    /** The detectors run here, by their {@code cordon.yaml} name. */
    public static final List<String> DETECTORS =
            List.of("borderCrossing", "loitering", "rendezvous", "identityConflict");

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
        String json = Files.readString(dir.resolve("scenario.json"), StandardCharsets.UTF_8);
        return run(BenchScenario.read(dir), borderLat(json), parameters);
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
     * @param parameters overrides by detector ({@link #DETECTORS}) and key, as text
     * @throws io.cordon.pipeline.config.ConfigException for an unknown detector or key or a bad
     *     value, naming the key, the value and what is allowed
     */
    public static Result run(
            BenchScenario scenario,
            double borderLatDeg,
            Map<String, Map<String, String>> parameters) {
        DetectorSettings settings = settings(parameters);
        List<EntityTrack> updates = track(scenario);
        BorderMap borders = BenchBorders.of(borderLatDeg, scenario.referencePoint().lonDeg());
        Map<String, Raised> firstById = new LinkedHashMap<>();
        DetectorReplay.Sink sink =
                (by, a) -> firstById.putIfAbsent(a.alertId(), new Raised(a, by.time()));
        DetectorReplay.perTrack(
                new BorderCrossingDetector(
                        borders,
                        BorderCrossingParameters.from(settings.of(BorderCrossingDetector.NAME))),
                updates,
                sink);
        DetectorReplay.perTrack(
                new LoiteringDetector(
                        borders, LoiteringParameters.from(settings.of(LoiteringDetector.NAME))),
                updates,
                sink);
        DetectorReplay.keyed(
                new RendezvousDetector(
                        RendezvousParameters.from(settings.of(RendezvousDetector.NAME)),
                        TileGrid.DEFAULT),
                updates,
                (key, by, a) -> sink.raised(by, a));
        DetectorReplay.keyed(
                new IdentityConflictDetector(
                        IdentityConflictParameters.from(
                                settings.of(IdentityConflictDetector.NAME))),
                updates,
                (key, by, a) -> sink.raised(by, a));
        List<Raised> alerts = new ArrayList<>(firstById.values());
        alerts.sort(
                Comparator.comparing((Raised r) -> r.alert().windowStart())
                        .thenComparing(r -> r.alert().alertId()));
        return new Result(scenario, updates, alerts);
    }

    /** The track updates the tracker publishes over the scenario, in publication order. */
    public static List<EntityTrack> track(BenchScenario scenario) {
        MultiTargetTracker tracker =
                new MultiTargetTracker(
                        BenchPriors.parametersFor(scenario), scenario.referencePoint());
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
