package io.cordon.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScenarioGeneratorTest {
    private static final ScenarioSpec SPEC = ScenarioSpec.border(5, 100, 300);
    private static final GeneratedScenario SCENARIO = ScenarioGenerator.generate(SPEC);

    @Test
    void aSeedGivesTheSameFilesAndAnotherSeedOthers() {
        GeneratedScenario again = ScenarioGenerator.generate(SPEC);
        assertThat(again.detectionLines()).isEqualTo(SCENARIO.detectionLines());
        assertThat(again.truthLines()).isEqualTo(SCENARIO.truthLines());
        assertThat(again.metaLines()).isEqualTo(SCENARIO.metaLines());
        GeneratedScenario other = ScenarioGenerator.generate(ScenarioSpec.border(6, 100, 300));
        assertThat(other.detectionLines()).isNotEqualTo(SCENARIO.detectionLines());
    }

    @Test
    void theMixOfKindsIsTheBenchmarks() {
        Map<String, Integer> kinds = new HashMap<>();
        int late = 0;
        for (GeneratedScenario.TruthTarget t : SCENARIO.targets()) {
            kinds.merge(t.kind(), 1, Integer::sum);
            if (t.startS() > 0) {
                late++;
                assertThat(t.startS()).isLessThanOrEqualTo((int) (0.3 * 300) + 1);
            }
        }
        assertThat(kinds)
                .containsEntry("rendezvous", 10)
                .containsEntry("crosser", 30)
                .containsEntry("dark", 10)
                .containsEntry("ncv_turn", 50);
        // Half of the 90 non-rendezvous targets, give or take the coin flips.
        assertThat(late).isBetween(30, 60);
    }

    @Test
    void darkTargetsAreNotDetectedWhileDarkAndCrossersCrossNorthwards() {
        Map<Integer, GeneratedScenario.TruthTarget> byId = new HashMap<>();
        for (GeneratedScenario.TruthTarget t : SCENARIO.targets()) {
            byId.put(t.id(), t);
        }
        Map<String, Integer> timeOf = new HashMap<>();
        for (String line : SCENARIO.detectionLines().subList(1, SCENARIO.detectionCount() + 1)) {
            String[] f = line.split(",", -1);
            timeOf.put(f[0], Integer.parseInt(f[1]));
        }
        int fromTargets = 0;
        for (String line : SCENARIO.labelLines().subList(1, SCENARIO.labelLines().size())) {
            String[] f = line.split(",");
            int target = Integer.parseInt(f[1]);
            if (target < 0) {
                continue;
            }
            fromTargets++;
            GeneratedScenario.TruthTarget t = byId.get(target);
            int time = timeOf.get(f[0]);
            assertThat(time).isBetween(t.startS(), t.endS());
            if (t.darkStartS() >= 0) {
                assertThat(time < t.darkStartS() || time > t.darkEndS())
                        .as("target %d detected at %d while dark", target, time)
                        .isTrue();
            }
        }
        assertThat(fromTargets).isGreaterThan(SCENARIO.detectionCount() / 2);
        long crossed =
                SCENARIO.targets().stream()
                        .filter(t -> t.kind().equals("crosser") && t.crossTimeS() > 0)
                        .count();
        assertThat(crossed).isGreaterThan(20);
    }

    @Test
    void rendezvousPairsComeWithinAboutFifteenMetres() {
        for (GeneratedScenario.TruthTarget t : SCENARIO.targets()) {
            if (!t.kind().equals("rendezvous") || t.id() > t.partner()) {
                continue;
            }
            int during = t.meetTimeS() + t.dwellS() / 2;
            GeneratedScenario.TruthStep step = SCENARIO.truth().get(during / SPEC.evalDtS());
            double[] a = position(step, t.id());
            double[] b = position(step, t.partner());
            assertThat(Math.hypot(a[0] - b[0], a[1] - b[1])).isBetween(10.0, 20.0);
        }
    }

    @Test
    void radarClutterIsUniformInRangeAsAConstantFalseAlarmRateDetectorGivesIt() {
        Map<String, Integer> labels = new HashMap<>();
        for (String line : SCENARIO.labelLines().subList(1, SCENARIO.labelLines().size())) {
            String[] f = line.split(",");
            labels.put(f[0], Integer.parseInt(f[1]));
        }
        int[] bins = new int[4];
        for (String line : SCENARIO.detectionLines().subList(1, SCENARIO.detectionCount() + 1)) {
            String[] f = line.split(",", -1);
            if (f[3].equals("radar") && labels.get(f[0]) < 0) {
                bins[(int) Math.min(3, Double.parseDouble(f[4]) / 7000)]++;
            }
        }
        int total = bins[0] + bins[1] + bins[2] + bins[3];
        for (int b : bins) {
            assertThat(b).isBetween(total / 4 - total / 16, total / 4 + total / 16);
        }
    }

    @Test
    void theWrittenFilesReadBackAsTheSameDetections(@TempDir Path dir) throws Exception {
        SCENARIO.writeTo(dir);
        BenchScenario read = BenchScenario.read(dir);
        BenchScenario inMemory = SCENARIO.scenario();
        assertThat(read.detectionCount()).isEqualTo(SCENARIO.detectionCount());
        assertThat(read.batches()).hasSameSizeAs(inMemory.batches());
        assertThat(read.sensors()).isEqualTo(inMemory.sensors());
        Observation first = read.batches().get(0).get(0);
        assertThat(first).isEqualTo(inMemory.batches().get(0).get(0));
        // Truth rows put each target where the truth steps say, in the scenario frame.
        LocalTangentPlane plane = new LocalTangentPlane(read.referencePoint());
        String[] row = SCENARIO.truthLines().get(1).split(",");
        EnuPoint p =
                plane.toEnu(
                        new GeoPoint(
                                Double.parseDouble(row[2]),
                                Double.parseDouble(row[3]),
                                read.referencePoint().altM()));
        GeneratedScenario.TruthStep step0 = SCENARIO.truth().get(0);
        assertThat(Math.hypot(p.eastM() - step0.eastM()[0], p.northM() - step0.northM()[0]))
                .isLessThan(0.05);
    }

    private static double[] position(GeneratedScenario.TruthStep step, int id) {
        for (int k = 0; k < step.ids().length; k++) {
            if (step.ids()[k] == id) {
                return new double[] {step.eastM()[k], step.northM()[k]};
            }
        }
        throw new AssertionError("target " + id + " not alive at " + step.timeS());
    }

    @Test
    void nearMissPairsPassCloseOrStopBrieflyAndAreLabelled() {
        GeneratedScenario g = ScenarioGenerator.generate(SPEC.withNearMissPairs(4));

        var near = g.targets().stream().filter(t -> t.kind().startsWith("near_")).toList();
        assertThat(near)
                .extracting(GeneratedScenario.TruthTarget::kind)
                .containsExactly(
                        "near_pass",
                        "near_pass",
                        "near_stop",
                        "near_stop",
                        "near_pass",
                        "near_pass",
                        "near_stop",
                        "near_stop");
        assertThat(near.get(0).id()).isEqualTo(SPEC.targets());
        for (GeneratedScenario.TruthTarget t : near) {
            assertThat(g.targets().get(t.partner()).partner()).isEqualTo(t.id());
            if (t.kind().equals("near_stop")) {
                assertThat(t.dwellS()).isBetween(5, 15);
                assertThat(apartAt(g, t.id(), t.partner(), t.meetTimeS() + t.dwellS() - 1))
                        .isBetween(14.0, 16.0);
            } else {
                assertThat(t.dwellS()).isZero();
                // Closest approach 20-150 m as drawn (moved a little by the velocity noise; the
                // truth is kept every 5 s), far apart a minute later.
                double closest = Double.MAX_VALUE;
                for (int dt = -10; dt <= 10; dt += 5) {
                    closest =
                            Math.min(closest, apartAt(g, t.id(), t.partner(), t.meetTimeS() + dt));
                }
                assertThat(closest).isLessThan(200.0);
                assertThat(apartAt(g, t.id(), t.partner(), t.meetTimeS() + 60))
                        .isGreaterThan(100.0);
            }
        }
        // No pair: the scenario without near misses is the one generated before they existed.
        assertThat(ScenarioGenerator.generate(SPEC.withNearMissPairs(0)).detectionLines())
                .isEqualTo(SCENARIO.detectionLines());
    }

    /** Distance between two targets at the last truth step at or before second {@code t}. */
    private static double apartAt(GeneratedScenario g, int a, int b, int t) {
        GeneratedScenario.TruthStep s =
                g.truth().stream().filter(x -> x.timeS() <= t).reduce((x, y) -> y).orElseThrow();
        double[] pa = null;
        double[] pb = null;
        for (int k = 0; k < s.ids().length; k++) {
            if (s.ids()[k] == a) {
                pa = new double[] {s.eastM()[k], s.northM()[k]};
            }
            if (s.ids()[k] == b) {
                pb = new double[] {s.eastM()[k], s.northM()[k]};
            }
        }
        return Math.hypot(pa[0] - pb[0], pa[1] - pb[1]);
    }
}
