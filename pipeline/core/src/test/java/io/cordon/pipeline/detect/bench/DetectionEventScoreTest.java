package io.cordon.pipeline.detect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.bench.GeneratedScenario;
import io.cordon.pipeline.bench.ScenarioGenerator;
import io.cordon.pipeline.bench.ScenarioSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * End to end on generated scenarios: generator → tracker → detectors, alerts scored against the
 * generator's ground-truth events ({@link EventScore}). Default scenarios: 100 targets, 600 s,
 * seeds 1-3 (the generator's defaults, three draws).
 *
 * <p>Thresholds from the measured values (docs/detection.md), each a little under what was measured
 * so that a regression fails:
 *
 * <ul>
 *   <li>Border crossing: 102 of 103 alerts matched, 102 of 103 events (precision and recall 0.990),
 *       asserted at the 0.95 target.
 *   <li>Rendezvous: 13 alerts, all true (precision 1.000, asserted 0.95); 13 of 15 events (recall
 *       0.867, asserted 0.85, below the 0.95 target): the 2 missed are where only the satellite
 *       looks (one pass in 180 s; during those meetings it saw neither target, or one of them
 *       once), so all 13 events in radar or drone cover are found (1.000, asserted 0.95).
 *   <li>Dark target: 29 of 30 gaps found (recall 0.967, asserted 0.95; the missed one is a target
 *       that only the satellite sees, so no track follows it); 29 alerts, all true (precision
 *       1.000, asserted 0.95).
 * </ul>
 */
class DetectionEventScoreTest {
    private static final long[] SEEDS = {1, 2, 3};

    @Test
    void alertsMatchTheGroundTruthEventsOfTheDefaultScenarios() {
        int[] crossing = new int[3]; // events, alerts, matched
        int[] rendezvous = new int[3];
        int[] dark = new int[3];
        int[] covered = new int[3]; // rendezvous events in radar or drone cover
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
        }
        assertThat(crossing[0]).as("crossing events").isGreaterThan(50);
        assertThat(ratio(crossing[2], crossing[1])).as("crossing precision").isGreaterThan(0.95);
        assertThat(ratio(crossing[2], crossing[0])).as("crossing recall").isGreaterThan(0.95);
        assertThat(rendezvous[0]).as("rendezvous events").isEqualTo(15);
        assertThat(rendezvous[1]).as("rendezvous alerts").isGreaterThan(0);
        assertThat(ratio(rendezvous[2], rendezvous[1]))
                .as("rendezvous precision")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(ratio(rendezvous[2], rendezvous[0]))
                .as("rendezvous recall")
                .isGreaterThanOrEqualTo(0.85);
        assertThat(covered[0]).as("rendezvous events in cover").isEqualTo(13);
        assertThat(ratio(covered[2], covered[0]))
                .as("rendezvous recall in radar or drone cover")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(dark[0]).as("dark intervals").isEqualTo(30);
        assertThat(ratio(dark[2], dark[0])).as("dark recall").isGreaterThanOrEqualTo(0.95);
        assertThat(ratio(dark[2], dark[1])).as("dark precision").isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void nearMissesRaiseNoRendezvous() {
        // Measured: 0 alerts on 30 near misses (15 passes within 20-150 m, 15 stops of 5-15 s),
        // rendezvous precision 1.000 (13 of 13) on these scenarios.
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
        assertThat(nearMisses).isEqualTo(30);
        assertThat(onNearMisses).as("rendezvous alerts on near misses").isZero();
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
