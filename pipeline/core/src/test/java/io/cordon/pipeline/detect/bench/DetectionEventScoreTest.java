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
 * <p>Thresholds from the measured values (docs/detection.md): border crossing 102 of 103 alerts
 * matched, 102 of 103 events found (precision and recall 0.990), asserted at the 0.95 target.
 * Rendezvous 2 alerts, both true, 2 of 15 events found (recall 0.133), asserted at 0.10: below the
 * target; the bottleneck is the tracker's estimates of two targets 15 m apart (the pair's fused
 * speeds stay above the 1.5 m/s median-speed limit and their positions drift more than 50 m apart
 * for most of the 40-90 s dwell), not the matching.
 */
class DetectionEventScoreTest {
    private static final long[] SEEDS = {1, 2, 3};

    @Test
    void alertsMatchTheGroundTruthEventsOfTheDefaultScenarios() {
        int[] crossing = new int[3]; // events, alerts, matched
        int[] rendezvous = new int[3];
        for (long seed : SEEDS) {
            GeneratedScenario g = ScenarioGenerator.generate(ScenarioSpec.border(seed, 100, 600));
            double borderLat = BenchDetection.borderLat(g.scenarioJson());
            BenchDetection.Result result = BenchDetection.run(g.scenario(), borderLat, Map.of());
            List<TruthEvent> events = TruthEvents.of(g, ScenarioGenerator.REFERENCE, borderLat);
            var score = EventScore.score(result, events, EventScore.DEFAULT_GATES);
            score.values().forEach(s -> System.out.println("seed " + seed + " " + s.summary()));
            add(crossing, score.get("BORDER_CROSSING"));
            add(rendezvous, score.get("RENDEZVOUS"));
        }
        assertThat(crossing[0]).as("crossing events").isGreaterThan(50);
        assertThat((double) crossing[2] / crossing[1])
                .as("crossing precision")
                .isGreaterThanOrEqualTo(0.95);
        assertThat((double) crossing[2] / crossing[0])
                .as("crossing recall")
                .isGreaterThanOrEqualTo(0.95);
        assertThat(rendezvous[0]).as("rendezvous events").isEqualTo(15);
        assertThat(rendezvous[1]).as("rendezvous alerts").isGreaterThan(0);
        assertThat((double) rendezvous[2] / rendezvous[1])
                .as("rendezvous precision")
                .isGreaterThanOrEqualTo(0.95);
        assertThat((double) rendezvous[2] / rendezvous[0])
                .as("rendezvous recall")
                .isGreaterThanOrEqualTo(0.10);
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
