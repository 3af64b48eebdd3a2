package io.cordon.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.border.ZoneMap;
import io.cordon.pipeline.config.ZoneConfig;
import io.cordon.pipeline.detect.bench.BenchBorders;
import io.cordon.pipeline.detect.bench.BenchDetection;
import io.cordon.pipeline.detect.bench.TruthEvent;
import io.cordon.pipeline.detect.bench.TruthEvents;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
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

    /** 20 background targets over 600 s, long enough for a 300 s loitering episode. */
    private static final ScenarioSpec PATTERNS = ScenarioSpec.border(5, 20, 600);

    private static List<TruthEvent> events(GeneratedScenario g, String type, int id) {
        return TruthEvents.of(
                        g, ScenarioGenerator.REFERENCE, BenchDetection.borderLat(g.scenarioJson()))
                .stream()
                .filter(e -> e.type().equals(type) && e.truthIds().contains(id))
                .toList();
    }

    /** Position (east, north) of target {@code id} at truth time {@code t}, null when not alive. */
    private static double[] at(GeneratedScenario g, int id, int t) {
        for (GeneratedScenario.TruthStep s : g.truth()) {
            if (s.timeS() == t) {
                for (int k = 0; k < s.ids().length; k++) {
                    if (s.ids()[k] == id) {
                        return new double[] {s.eastM()[k], s.northM()[k]};
                    }
                }
            }
        }
        return null;
    }

    private static double[] enu(double latDeg, double lonDeg) {
        EnuPoint p =
                new LocalTangentPlane(ScenarioGenerator.REFERENCE)
                        .toEnu(new GeoPoint(latDeg, lonDeg, ScenarioGenerator.REFERENCE.altM()));
        return new double[] {p.eastM(), p.northM()};
    }

    @Test
    void withoutLoiterersZonesOrConvoysTheFilesKeepTheirFormat() {
        // Without the scripted patterns the files have no zones and no group column. (The
        // patterns' own detections draw noise from the generator's shared stream, so with them the
        // background targets' later truth differs slightly: a scenario with patterns is a new
        // scenario, not the old one plus targets.)
        assertThat(SCENARIO.scenarioJson()).doesNotContain("restricted_zones");
        assertThat(SCENARIO.metaLines().get(0)).endsWith(",partner");
        GeneratedScenario zoned = ScenarioGenerator.generate(SPEC.withIntruders(1));
        assertThat(zoned.scenarioJson()).contains("restricted_zones");
        GeneratedScenario with = ScenarioGenerator.generate(SPEC.withLoiterers(1));
        assertThat(with.metaLines().get(0)).endsWith(",partner,group");
        assertThat(with.targets()).hasSize(SPEC.targets() + 2);
    }

    @Test
    void loiterersAreLabelledWhereTheyStayAndTheirDecoysAreNot() {
        GeneratedScenario g = ScenarioGenerator.generate(PATTERNS.withLoiterers(4));
        var kinds = g.targets().stream().skip(PATTERNS.targets()).map(t -> t.kind()).toList();
        assertThat(kinds)
                .containsExactly(
                        "loiter",
                        "loiter_far",
                        "loiter",
                        "pace_border",
                        "loiter",
                        "loiter_far",
                        "loiter",
                        "pace_border");
        for (GeneratedScenario.TruthTarget t : g.targets()) {
            List<TruthEvent> mine = events(g, "LOITERING", t.id());
            switch (t.kind()) {
                case "loiter" -> {
                    assertThat(mine).as("episodes of loiterer " + t.id()).hasSize(1);
                    TruthEvent e = mine.get(0);
                    // The episode starts on the approach, within 200 m of the stop, and lasts
                    // through the stay; every truth point of it is within 200 m of its start and
                    // 2 km of the border, and the target moves under 0.4 m/s while it stays.
                    assertThat(e.timeS()).isBetween((double) t.startS(), (double) t.meetTimeS());
                    assertThat(e.endS()).isGreaterThanOrEqualTo(t.meetTimeS() + t.dwellS() - 5);
                    assertThat(e.endS() - e.timeS()).isGreaterThanOrEqualTo(300.0);
                    double[] anchor = enu(e.latDeg(), e.lonDeg());
                    for (int s = (int) e.timeS(); s <= e.endS(); s += 5) {
                        double[] p = at(g, t.id(), s);
                        assertThat(Math.hypot(p[0] - anchor[0], p[1] - anchor[1]))
                                .isLessThanOrEqualTo(200.0);
                        assertThat(Math.abs(p[1])).isLessThan(1800.0);
                    }
                    int from = (t.meetTimeS() + 4) / 5 * 5;
                    double[] a = at(g, t.id(), from);
                    double[] b = at(g, t.id(), from + 5);
                    assertThat(Math.hypot(b[0] - a[0], b[1] - a[1]) / 5).isLessThan(0.4);
                }
                case "loiter_far" -> {
                    assertThat(mine).isEmpty();
                    double[] p = at(g, t.id(), (t.meetTimeS() + 4) / 5 * 5);
                    assertThat(Math.abs(p[1])).isGreaterThan(2900.0);
                }
                case "pace_border" -> {
                    assertThat(mine).isEmpty();
                    double[] a = at(g, t.id(), 100);
                    double[] b = at(g, t.id(), 105);
                    assertThat(Math.hypot(b[0] - a[0], b[1] - a[1]) / 5).isGreaterThan(1.0);
                    assertThat(Math.abs(a[1])).isLessThan(1600.0);
                }
                default -> {}
            }
        }
    }

    @Test
    void zonesAreInScenarioJsonAndIntrudersAreLabelledWhereTheyEnter() {
        GeneratedScenario g = ScenarioGenerator.generate(PATTERNS.withIntruders(3));
        List<ZoneConfig> zones = BenchBorders.zones(g.scenarioJson());
        assertThat(zones).extracting(ZoneConfig::id).containsExactly("zone-1", "zone-2", "zone-3");
        assertThat(g.scenario().sensors()).hasSize(5); // the benchmark reader skips the new key
        ZoneMap map = ZoneMap.of(zones);
        LocalTangentPlane plane = new LocalTangentPlane(ScenarioGenerator.REFERENCE);
        int intruders = 0;
        for (GeneratedScenario.TruthTarget t : g.targets()) {
            if (t.group() < 0) {
                continue;
            }
            String zone = ScenarioGenerator.zoneId(t.group());
            List<TruthEvent> mine =
                    events(g, "ZONE_INTRUSION", t.id()).stream()
                            .filter(e -> map.signedDepthM(zone, point(e), 1e6) > -30)
                            .toList();
            if (t.kind().equals("intruder")) {
                intruders++;
                // Labelled where the 5 s truth crosses the edge (interpolated linearly in the
                // depth, so a few tens of metres off near a vertex), within one step of the first
                // second the generator had it inside.
                assertThat(mine).as("entries of intruder " + t.id()).hasSize(1);
                assertThat(mine.get(0).timeS())
                        .isCloseTo(t.crossTimeS(), org.assertj.core.data.Offset.offset(5.0));
                assertThat(Math.abs(map.signedDepthM(zone, point(mine.get(0)), 1e6)))
                        .isLessThan(40.0);
            } else {
                assertThat(t.kind()).isEqualTo("zone_pass");
                assertThat(mine).isEmpty();
                for (GeneratedScenario.TruthStep s : g.truth()) {
                    for (int k = 0; k < s.ids().length; k++) {
                        if (s.ids()[k] == t.id()) {
                            GeoPoint p = plane.surfacePoint(s.eastM()[k], s.northM()[k]);
                            assertThat(map.signedDepthM(zone, p, 1e6)).isLessThan(-140.0);
                        }
                    }
                }
            }
        }
        assertThat(intruders).isEqualTo(3);
    }

    private static GeoPoint point(TruthEvent e) {
        return new GeoPoint(e.latDeg(), e.lonDeg(), 0);
    }

    @Test
    void convoysAreLabelledAndSparseColumnsAreNot() {
        GeneratedScenario g = ScenarioGenerator.generate(PATTERNS.withConvoys(2));
        Map<Integer, List<Integer>> groups = new HashMap<>();
        g.targets().stream()
                .filter(t -> t.group() >= 0)
                .forEach(
                        t ->
                                groups.computeIfAbsent(t.group(), k -> new java.util.ArrayList<>())
                                        .add(t.id()));
        assertThat(groups).hasSize(4);
        for (var e : groups.entrySet()) {
            List<Integer> ids = e.getValue();
            boolean sparse = e.getKey() % 2 == 1;
            assertThat(g.targets().get(ids.get(0)).kind())
                    .isEqualTo(sparse ? "convoy_sparse" : "convoy");
            assertThat(ids.size()).isBetween(3, sparse ? 3 : 5);
            int start = g.targets().get(ids.get(0)).startS();
            // Each vehicle 60-150 m (a few metres to the side) or 600-900 m behind the previous,
            // while all of them are in the box.
            for (int s = (start + 4) / 5 * 5; s <= 600; s += 5) {
                for (int m = 1; m < ids.size(); m++) {
                    double[] a = at(g, ids.get(m - 1), s);
                    double[] b = at(g, ids.get(m), s);
                    if (a == null || b == null) {
                        continue;
                    }
                    double gap = Math.hypot(a[0] - b[0], a[1] - b[1]);
                    if (sparse) {
                        assertThat(gap).isBetween(450.0, 920.0);
                    } else {
                        assertThat(gap).isBetween(30.0, 170.0);
                    }
                }
            }
            List<TruthEvent> labelled = events(g, "CONVOY", ids.get(0));
            if (sparse) {
                assertThat(labelled).isEmpty();
            } else {
                assertThat(labelled).hasSize(1);
                assertThat(labelled.get(0).truthIds()).containsAll(ids);
                assertThat(labelled.get(0).timeS()).isBetween(start + 0.0, start + 10.0);
            }
        }
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
