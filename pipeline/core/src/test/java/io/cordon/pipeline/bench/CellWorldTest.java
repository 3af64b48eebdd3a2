package io.cordon.pipeline.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.tracker.SensorPrior;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CellWorldTest {
    private static final LocalTangentPlane PLANE =
            new LocalTangentPlane(ScenarioGenerator.REFERENCE);

    @Test
    void oneCellIsTheBoxOfOneHundredTargets() {
        BenchScenario box =
                ScenarioGenerator.generate(
                                ScenarioSpec.border(42, 100, 30)
                                        .withLateBirthShare(0)
                                        .withClutterScale(1.0))
                        .scenario();
        CellWorld world = CellWorld.generate(42, 100, 30, 1.0);
        assertThat(world.cells()).isEqualTo(1);
        assertThat(world.batches()).isEqualTo(box.batches());
        assertThat(world.parameters()).isEqualTo(BenchPriors.parametersFor(box));
    }

    @Test
    void tenCellsOfTwoRowsEachWithItsOwnSensorsAndSeed() {
        CellWorld world = CellWorld.generate(42, 1000, 10, 1.0);
        assertThat(world.cells()).isEqualTo(10);
        Set<String> ids = new HashSet<>();
        Set<Long> rows = new HashSet<>();
        for (SensorPrior p : world.parameters().sensors()) {
            ids.add(p.sensorId());
            if (p.sensorId().startsWith("S1")) {
                var sat = (io.cordon.pipeline.tracker.SensorCoverage.Rectangle) p.coverage();
                rows.add(Math.round(PLANE.toEnu(sat.centre()).northM()));
            }
        }
        assertThat(ids).hasSize(50);
        assertThat(rows).containsExactlyInAnyOrder(-30000L, 30000L);
        // Batches by time, then sensor id.
        for (int b = 1; b < world.batches().size(); b++) {
            Observation prev = world.batches().get(b - 1).get(0), o = world.batches().get(b).get(0);
            int c = prev.eventTime().compareTo(o.eventTime());
            assertThat(c < 0 || (c == 0 && prev.sensorId().compareTo(o.sensorId()) < 0)).isTrue();
        }
    }

    /**
     * A moved cell's radar plots and fixes lie where the original cell's do, plus the cell's offset
     * in the frame (a metre, where the moved radar's north differs from the frame's by 2°).
     */
    @Test
    void aMovedCellKeepsItsGeometry() {
        BenchScenario original =
                ScenarioGenerator.generate(
                                ScenarioSpec.border(43, 100, 12)
                                        .withLateBirthShare(0)
                                        .withClutterScale(1.0))
                        .scenario();
        CellWorld world = CellWorld.generate(42, 400, 12, 1.0); // cell 1: seed 43, south-east
        Map<String, Observation> moved = new HashMap<>();
        for (List<Observation> b : world.batches()) {
            for (Observation o : b) {
                if (o.sensorId().endsWith("@1")) {
                    moved.put(o.observationId(), o);
                }
            }
        }
        int compared = 0;
        for (List<Observation> b : original.batches()) {
            for (Observation o : b) {
                Observation m = moved.get(o.observationId() + "@1");
                assertThat(m).isNotNull();
                assertThat(m.sensorId()).isEqualTo(o.sensorId() + "@1");
                EnuPoint p = position(o), q = position(m);
                assertThat(q.eastM() - p.eastM()).isCloseTo(40000.0, within(1.0));
                assertThat(q.northM() - p.northM()).isCloseTo(-30000.0, within(1.0));
                compared++;
            }
        }
        assertThat(compared).isEqualTo(moved.size()).isGreaterThan(500);
    }

    @Test
    void targetsMustBeWholeCells() {
        assertThatThrownBy(() -> CellWorld.generate(1, 150, 10, 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiple of 100");
    }

    /** Where an observation puts its target, in the frame. */
    private static EnuPoint position(Observation o) {
        if (o.measurement() instanceof RadarPlot plot) {
            LocalTangentPlane radar = new LocalTangentPlane(plot.sensorPosition());
            double az = Math.toRadians(plot.azimuthDeg());
            double e = plot.rangeM() * Math.sin(az), n = plot.rangeM() * Math.cos(az);
            GeoPoint at = radar.toGeodetic(new EnuPoint(e, n, radar.surfaceUpM(e, n)));
            return PLANE.toEnu(at);
        }
        return PLANE.toEnu(((PositionFix) o.measurement()).position());
    }
}
