package io.cordon.pipeline.detect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.bench.GeneratedScenario;
import io.cordon.pipeline.bench.ScenarioGenerator;
import io.cordon.pipeline.bench.ScenarioSpec;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * End to end for the patterns: generator (default scenario plus loiterers, restricted zones with
 * intruders and passers-by, convoys, each with its decoys) → tracker → detectors, alerts of the
 * types LOITERING, ZONE_INTRUSION and CONVOY scored against the ground-truth events ({@link
 * TruthEvents}, {@link EventScore#DEFAULT_GATES}). Scenarios as {@code DetectionEventScoreTest}'s:
 * 100 targets, 600 s, seeds 1-3 (CONVOY also 4-6, with the convoy detector alone), each with 4
 * loiterers (and 4 decoys), 4 zones (4 intruders, 4 passers-by) and 2 convoys (and 2 sparse decoy
 * columns).
 *
 * <p>Thresholds a little under the measured values (docs/detection.md, "Loitering, zone intrusion
 * and convoy, scored"), so that a regression fails.
 */
class PatternEventScoreTest {
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6};
    private static final List<String> TYPES = List.of("LOITERING", "ZONE_INTRUSION", "CONVOY");

    /** Seeds past these are scored for CONVOY only (a larger sample of a rarer event). */
    private static final long ALL_TYPES_UP_TO_SEED = 3;

    private static final String CONVOY_ALL = "CONVOY 1-6";

    static ScenarioSpec spec(long seed) {
        return ScenarioSpec.border(seed, 100, 600).withLoiterers(4).withIntruders(4).withConvoys(2);
    }

    @Test
    void loiteringZoneIntrusionAndConvoyAlertsMatchTheGroundTruth() {
        Map<String, int[]> sums = new TreeMap<>(); // events, alerts, matched
        Map<String, List<Double>> latencies = new TreeMap<>();
        Map<String, Integer> onDecoys = new TreeMap<>();
        for (long seed : SEEDS) {
            boolean allTypes = seed <= ALL_TYPES_UP_TO_SEED;
            GeneratedScenario g = ScenarioGenerator.generate(spec(seed));
            double borderLat = BenchDetection.borderLat(g.scenarioJson());
            BenchDetection.Result result =
                    BenchDetection.run(
                            g.scenario(),
                            borderLat,
                            BenchBorders.zones(g.scenarioJson()),
                            Map.of(),
                            allTypes ? BenchDetection.DEFAULT_DETECTORS : List.of("convoy"));
            List<TruthEvent> events = TruthEvents.of(g, ScenarioGenerator.REFERENCE, borderLat);
            var score = EventScore.score(result, events, EventScore.DEFAULT_GATES);
            for (String type : allTypes ? TYPES : List.of("CONVOY")) {
                EventScore.TypeScore s = score.get(type);
                System.out.println("seed " + seed + " " + s.summary());
                // the types' sums are of seeds 1-3; "CONVOY 1-6" of every seed
                List<String> sumKeys =
                        type.equals("CONVOY")
                                ? (allTypes ? List.of(type, CONVOY_ALL) : List.of(CONVOY_ALL))
                                : List.of(type);
                for (String sumKey : sumKeys) {
                    int[] sum = sums.computeIfAbsent(sumKey, k -> new int[3]);
                    sum[0] += s.events();
                    sum[1] += s.alerts();
                    sum[2] += s.matched();
                    for (double l : s.latenciesS()) {
                        latencies.computeIfAbsent(sumKey, k -> new ArrayList<>()).add(l);
                    }
                }
                for (String kind : unmatchedAlertKinds(g, result, events, type)) {
                    if (kind.equals("loiter_far")
                            || kind.equals("pace_border")
                            || kind.equals("zone_pass")
                            || kind.equals("convoy_sparse")) {
                        sumKeys.forEach(k -> onDecoys.merge(k, 1, Integer::sum));
                    }
                }
            }
        }
        for (String type : List.of("LOITERING", "ZONE_INTRUSION", "CONVOY", CONVOY_ALL)) {
            int[] s = sums.get(type);
            List<Double> l = new ArrayList<>(latencies.getOrDefault(type, List.of()));
            l.sort(null);
            System.out.printf(
                    Locale.ROOT,
                    "%s: events %d, alerts %d, matched %d, precision %.3f, recall %.3f, latency"
                            + " median %.1f s, max %.1f s, alerts on decoys %d%n",
                    type,
                    s[0],
                    s[1],
                    s[2],
                    ratio(s[2], s[1]),
                    ratio(s[2], s[0]),
                    l.isEmpty() ? Double.NaN : l.get(l.size() / 2),
                    l.isEmpty() ? Double.NaN : l.get(l.size() - 1),
                    onDecoys.getOrDefault(type, 0));
        }
        int[] loiter = sums.get("LOITERING");
        int[] zone = sums.get("ZONE_INTRUSION");
        int[] convoy = sums.get("CONVOY");
        int[] convoyAll = sums.get(CONVOY_ALL);
        assertThat(loiter[0]).as("loitering events").isGreaterThanOrEqualTo(12);
        assertThat(zone[0]).as("zone intrusions").isGreaterThanOrEqualTo(12);
        assertThat(convoy[0]).as("convoys").isGreaterThanOrEqualTo(6);
        assertThat(convoyAll[0]).as("convoys, seeds 1-6").isGreaterThanOrEqualTo(12);
        // Measured (docs/detection.md): loitering 12 of 12 events, 12 alerts all true; zone
        // intrusion 12 of 12, 12 alerts all true; convoy 6 of 6 events, 6 alerts all true (the
        // tiles' alerts of a convoy handed over to the next tile are one, ConvoyAlertReconciler;
        // groups that broke and re-formed continue their alert, rejoinS); seeds 1-6: 12 of 13
        // events, 12 alerts all true (the 13th: seed 4's truth splits one convoy at a 30 s break
        // that the detector bridges with rejoinS). No alert on a decoy.
        assertThat(ratio(loiter[2], loiter[1])).as("loitering precision").isGreaterThan(0.95);
        assertThat(ratio(loiter[2], loiter[0])).as("loitering recall").isGreaterThan(0.95);
        assertThat(ratio(zone[2], zone[1])).as("zone precision").isGreaterThan(0.95);
        assertThat(ratio(zone[2], zone[0])).as("zone recall").isGreaterThan(0.95);
        assertThat(ratio(convoy[2], convoy[1])).as("convoy precision").isGreaterThan(0.95);
        assertThat(ratio(convoy[2], convoy[0])).as("convoy recall").isGreaterThan(0.95);
        // one more alert in 13 (0.923) fails
        assertThat(ratio(convoyAll[2], convoyAll[1]))
                .as("convoy precision, seeds 1-6")
                .isGreaterThan(0.95);
        // 12 of 12 since the labels count a column re-forming within rejoinS as one convoy; one
        // miss in 12 (0.917) fails
        assertThat(ratio(convoyAll[2], convoyAll[0]))
                .as("convoy recall, seeds 1-6")
                .isGreaterThan(0.95);
        assertThat(onDecoys).as("alerts on decoys").isEmpty();
        // Loitering latency is the 300 s minimum plus the update that passes it, counted from the
        // truth's episode start, which may fall up to the gate's 60 s after the track's; zone
        // intrusion the 25 m hysteresis and the next update.
        assertThat(latencies.get("LOITERING")).allMatch(l -> l >= 240 && l < 360);
        assertThat(latencies.get("ZONE_INTRUSION")).allMatch(l -> l >= 0 && l < 30);
    }

    /**
     * The kind of the truth target nearest to each alert of {@code type} that no event of its type
     * is within the gate of (diagnostics: which decoys or background targets raise false alerts).
     */
    static List<String> unmatchedAlertKinds(
            GeneratedScenario g,
            BenchDetection.Result result,
            List<TruthEvent> events,
            String type) {
        EventScore.Gate gate = EventScore.DEFAULT_GATES.get(type);
        LocalTangentPlane plane = new LocalTangentPlane(ScenarioGenerator.REFERENCE);
        List<String> kinds = new ArrayList<>();
        for (BenchDetection.Raised r : result.alerts()) {
            if (!r.alert().type().name().equals(type)) {
                continue;
            }
            double t = Geodesy.secondsBetween(result.scenario().epoch(), r.alert().windowStart());
            boolean near =
                    events.stream()
                            .anyMatch(
                                    e ->
                                            e.type().equals(type)
                                                    && Math.abs(e.timeS() - t) <= gate.windowS()
                                                    && Geodesy.distanceM(
                                                                    r.alert().location(),
                                                                    new GeoPoint(
                                                                            e.latDeg(),
                                                                            e.lonDeg(),
                                                                            0))
                                                            <= gate.maxDistanceM());
            if (near) {
                continue;
            }
            GeneratedScenario.TruthStep step =
                    g.truth().stream()
                            .filter(s -> s.timeS() <= t)
                            .reduce((a, b) -> b)
                            .orElse(g.truth().get(0));
            var p = plane.toEnu(r.alert().location());
            int best = -1;
            double bestD = Double.MAX_VALUE;
            for (int k = 0; k < step.ids().length; k++) {
                double d = Math.hypot(step.eastM()[k] - p.eastM(), step.northM()[k] - p.northM());
                if (d < bestD) {
                    bestD = d;
                    best = step.ids()[k];
                }
            }
            String kind = best < 0 ? "none" : g.targets().get(best).kind();
            System.out.printf(
                    Locale.ROOT,
                    "  unmatched %s at %.0f s: nearest truth %d (%s) %.0f m, tracks %s%n",
                    type,
                    t,
                    best,
                    kind,
                    bestD,
                    r.alert().trackIds());
            kinds.add(kind);
        }
        return kinds;
    }

    @Test
    void patternEventsReadFromTheScenarioFilesAreTheGeneratorsEvents(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        GeneratedScenario g =
                ScenarioGenerator.generate(
                        ScenarioSpec.border(2, 20, 600)
                                .withLoiterers(2)
                                .withIntruders(2)
                                .withConvoys(1));
        g.writeTo(dir);
        double borderLat = BenchDetection.borderLat(g.scenarioJson());
        List<TruthEvent> direct = TruthEvents.of(g, ScenarioGenerator.REFERENCE, borderLat);
        List<TruthEvent> read = TruthEvents.read(dir, borderLat);
        assertThat(direct.stream().map(TruthEvent::type))
                .contains("LOITERING", "ZONE_INTRUSION", "CONVOY");
        assertThat(read)
                .extracting(TruthEvent::id)
                .containsExactlyElementsOf(direct.stream().map(TruthEvent::id).toList());
        // The files as cordon detect reads them: the zones reach the zone-intrusion detector.
        BenchDetection.Result fromFiles =
                BenchDetection.run(dir, Map.of(), List.of("zoneIntrusion"));
        assertThat(fromFiles.alerts()).isNotEmpty();
        assertThat(fromFiles.alerts())
                .allMatch(r -> r.alert().type().name().equals("ZONE_INTRUSION"));
        assertThat(EventScore.score(fromFiles, read, EventScore.gatesFor(List.of("zoneIntrusion"))))
                .containsOnlyKeys("ZONE_INTRUSION");
    }

    private static double ratio(int a, int b) {
        return b == 0 ? 1.0 : (double) a / b;
    }
}
