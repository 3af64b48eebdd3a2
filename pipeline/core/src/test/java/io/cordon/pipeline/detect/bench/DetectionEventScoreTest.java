package io.cordon.pipeline.detect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.bench.GeneratedScenario;
import io.cordon.pipeline.bench.ScenarioGenerator;
import io.cordon.pipeline.bench.ScenarioSpec;
import io.cordon.pipeline.detect.rendezvous.RendezvousParameters;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End to end on generated scenarios: generator → tracker → detectors, alerts scored against the
 * generator's ground-truth events ({@link EventScore}). Default scenarios: 100 targets, 600 s,
 * seeds 1-8 (the generator's defaults, eight draws).
 *
 * <p>Thresholds from the measured values (docs/detection.md, "Measured"), each a little under what
 * was measured so that a regression fails. Seeds 1-8 (at 742ddf5 + this test's change):
 *
 * <ul>
 *   <li>Border crossing: 287 of 288 events, 287 of 292 alerts (recall 0.997, precision 0.983),
 *       asserted at the 0.95 target.
 *   <li>Rendezvous: 36 alerts, all true (precision 1.000, asserted 0.95); 36 of 40 events (recall
 *       0.900, asserted 0.88, below the 0.95 target). Three of the four missed meetings are where
 *       only the satellite looks (a pass every 180 s, meetings of 40-90 s): the sensors never saw
 *       both targets at the start and the end of 30 s of it ({@link MeetingObservability}), so no
 *       detector can know they met. Of the 37 meetings the sensors observed, 36 are found (0.973,
 *       asserted 0.95); the one missed (seed 8, targets 4 and 5, 277-319 s) has one track 90-155 m
 *       off its target for 50 s at 17 km from the radar.
 *   <li>Dark target: 77 of 80 gaps, 77 of 80 alerts (recall and precision 0.963, asserted 0.95).
 * </ul>
 *
 * Near misses (10 pairs per seed, 80): one rendezvous alert, seed 5's pass of targets 100 and 101,
 * two walkers at 3 m/s passing about 50 m apart, 24 km from the radar (cross-range σ about 100 m):
 * the tracks, 2-5 m/s with 2-3 m/s σ, are consistent with a slow pair within 50 m for 46 s.
 */
class DetectionEventScoreTest {
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};

    @Test
    void alertsMatchTheGroundTruthEventsOfTheDefaultScenarios() {
        int[] crossing = new int[3]; // events, alerts, matched
        int[] rendezvous = new int[3];
        int[] dark = new int[3];
        int[] covered = new int[3]; // rendezvous events in radar or drone cover
        int[] observed =
                new int[3]; // rendezvous events the sensors observed (MeetingObservability)
        for (long seed : SEEDS) {
            GeneratedScenario g = ScenarioGenerator.generate(ScenarioSpec.border(seed, 100, 600));
            double borderLat = BenchDetection.borderLat(g.scenarioJson());
            BenchDetection.Result result =
                    BenchDetection.run(g.scenario(), borderLat, Map.of(), BenchDetection.DETECTORS);
            List<TruthEvent> events = TruthEvents.of(g, ScenarioGenerator.REFERENCE, borderLat);
            var score = EventScore.score(result, events, EventScore.DEFAULT_GATES);
            score.values().forEach(s -> System.out.println("seed " + seed + " " + s.summary()));
            add(crossing, score.get("BORDER_CROSSING"));
            add(rendezvous, score.get("RENDEZVOUS"));
            add(dark, score.get("DARK_TARGET"));
            List<TruthEvent> inCover =
                    events.stream()
                            .filter(
                                    e ->
                                            !e.type().equals("RENDEZVOUS")
                                                    || TruthEvents.inSurfaceCover(
                                                            result.scenario(), e))
                            .toList();
            var coveredScore =
                    EventScore.score(result, inCover, EventScore.DEFAULT_GATES).get("RENDEZVOUS");
            System.out.println("seed " + seed + " in radar/drone cover " + coveredScore.summary());
            add(covered, coveredScore);
            MeetingObservability looks = new MeetingObservability(g);
            double minDurationS = RendezvousParameters.DEFAULTS.minDurationS();
            List<TruthEvent> observable =
                    events.stream()
                            .filter(
                                    e ->
                                            !e.type().equals("RENDEZVOUS")
                                                    || looks.observed(e, minDurationS))
                            .toList();
            var observedScore =
                    EventScore.score(result, observable, EventScore.DEFAULT_GATES)
                            .get("RENDEZVOUS");
            System.out.println("seed " + seed + " observed " + observedScore.summary());
            add(observed, observedScore);
        }
        assertThat(crossing[0]).as("crossing events").isGreaterThan(50);
        assertThat(ratio(crossing[2], crossing[1])).as("crossing precision").isGreaterThan(0.95);
        assertThat(ratio(crossing[2], crossing[0])).as("crossing recall").isGreaterThan(0.95);
        assertThat(rendezvous[0]).as("rendezvous events").isEqualTo(40);
        assertThat(rendezvous[1]).as("rendezvous alerts").isGreaterThan(0);
        assertThat(ratio(rendezvous[2], rendezvous[1]))
                .as("rendezvous precision")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(ratio(rendezvous[2], rendezvous[0]))
                .as("rendezvous recall")
                .isGreaterThanOrEqualTo(0.88);
        assertThat(covered[0]).as("rendezvous events in cover").isEqualTo(37);
        assertThat(ratio(covered[2], covered[0]))
                .as("rendezvous recall in radar or drone cover")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(observed[0]).as("rendezvous events observed").isEqualTo(37);
        assertThat(ratio(observed[2], observed[0]))
                .as("rendezvous recall on observed meetings")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(dark[0]).as("dark intervals").isEqualTo(80);
        assertThat(ratio(dark[2], dark[0])).as("dark recall").isGreaterThanOrEqualTo(0.95);
        assertThat(ratio(dark[2], dark[1])).as("dark precision").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void nearMissesAreAlmostNeverTakenForARendezvous() {
        // Measured: 1 alert on 80 near misses (40 passes within 20-150 m, 40 stops of 5-15 s), the
        // pass described in the class comment; with seeds 1-3 only it was 0 of 30.
        // Rendezvous precision with them 0.973 (36 of 37 alerts).
        int nearMisses = 0;
        int onNearMisses = 0;
        int[] rendezvous = new int[3];
        for (long seed : SEEDS) {
            GeneratedScenario g =
                    ScenarioGenerator.generate(
                            ScenarioSpec.border(seed, 100, 600).withNearMissPairs(10));
            double borderLat = BenchDetection.borderLat(g.scenarioJson());
            BenchDetection.Result result = BenchDetection.run(g.scenario(), borderLat, Map.of());
            List<TruthEvent> events = TruthEvents.of(g, ScenarioGenerator.REFERENCE, borderLat);
            nearMisses +=
                    (int)
                            events.stream()
                                    .filter(e -> e.type().equals(TruthEvents.NEAR_MISS))
                                    .count();
            onNearMisses +=
                    EventScore.alertsOnNearMisses(
                            result,
                            events,
                            "RENDEZVOUS",
                            EventScore.DEFAULT_GATES.get("RENDEZVOUS"));
            add(
                    rendezvous,
                    EventScore.score(result, events, EventScore.DEFAULT_GATES).get("RENDEZVOUS"));
        }
        System.out.printf(
                "near misses %d, rendezvous alerts on them %d; rendezvous alerts %d, matched %d%n",
                nearMisses, onNearMisses, rendezvous[1], rendezvous[2]);
        assertThat(nearMisses).isEqualTo(80);
        assertThat(onNearMisses).as("rendezvous alerts on near misses").isLessThanOrEqualTo(1);
        assertThat(ratio(rendezvous[2], rendezvous[1]))
                .as("rendezvous precision with near misses")
                .isGreaterThanOrEqualTo(0.95);
    }

    private static double ratio(int a, int b) {
        return (double) a / b;
    }

    @Test
    void crossingLabelsAgreeWithTheGeneratorsCrossTimes() {
        GeneratedScenario g = ScenarioGenerator.generate(ScenarioSpec.border(1, 100, 600));
        double borderLat = BenchDetection.borderLat(g.scenarioJson());
        List<TruthEvent> events = TruthEvents.of(g, ScenarioGenerator.REFERENCE, borderLat);
        int crossers = 0;
        for (var t : g.targets()) {
            if (t.crossTimeS() < 0 || t.crossTimeS() > t.endS() - 5) {
                continue;
            }
            crossers++;
            List<TruthEvent> mine =
                    events.stream()
                            .filter(e -> e.type().equals("BORDER_CROSSING"))
                            .filter(e -> e.truthIds().equals(List.of(t.id())))
                            .toList();
            // The generator's crossing second is on the 1 s integration, the label interpolates
            // the 5 s truth: within one truth step of each other, and the crosser crosses once.
            assertThat(mine).as("crossings of crosser " + t.id()).hasSize(1);
            assertThat(mine.get(0).timeS())
                    .isCloseTo(t.crossTimeS(), org.assertj.core.data.Offset.offset(5.0));
        }
        assertThat(crossers).isGreaterThan(10);
        long pairs = events.stream().filter(e -> e.type().equals("RENDEZVOUS")).count();
        assertThat(pairs).isEqualTo(g.targets().stream().filter(t -> t.partner() > t.id()).count());
    }

    @Test
    void eventsReadFromTheScenarioFilesAreTheGeneratorsEvents(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        GeneratedScenario g = ScenarioGenerator.generate(ScenarioSpec.border(2, 40, 300));
        g.writeTo(dir);
        double borderLat = BenchDetection.borderLat(g.scenarioJson());
        List<TruthEvent> direct = TruthEvents.of(g, ScenarioGenerator.REFERENCE, borderLat);
        List<TruthEvent> read = TruthEvents.read(dir, borderLat);
        assertThat(read).hasSameSizeAs(direct);
        for (int i = 0; i < read.size(); i++) {
            assertThat(read.get(i).id()).isEqualTo(direct.get(i).id());
            assertThat(read.get(i).latDeg())
                    .isCloseTo(direct.get(i).latDeg(), org.assertj.core.data.Offset.offset(1e-6));
        }
        TruthEvents.write(dir.resolve("events.csv"), direct);
        assertThat(TruthEvents.read(dir.resolve("events.csv")))
                .extracting(TruthEvent::id)
                .containsExactlyElementsOf(direct.stream().map(TruthEvent::id).toList());
    }

    private static void add(int[] sums, EventScore.TypeScore s) {
        sums[0] += s.events();
        sums[1] += s.alerts();
        sums[2] += s.matched();
    }
}
