package io.cordon.jobs.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.simulation.BorderSimulation;
import io.cordon.proto.v1.DeadLetter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example configuration's simulated sensors speak ASTERIX, CoT, GeoJSON and SAPIENT; the
 * in-process connectors decode every intact unit back to the simulated observation (within each
 * format's resolution) and turn every corrupted unit into dead letters with source and reason.
 */
class SimulatedConnectorsTest {
    private static final CordonConfig CONFIG =
            CordonConfig.load(Path.of("..", "deploy", "cordon.yaml"));
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final double SCENARIO_S = 900;
    private static final double CORRUPTIONS_PER_MINUTE = 2;

    private static BorderSimulation simulation() {
        return new BorderSimulation(
                CONFIG.sensors(), CONFIG.reference(), EPOCH, 42, 20, 0.25, SCENARIO_S);
    }

    @Test
    void intactUnitsDecodeToTheSimulatedObservationsAndCorruptedOnesAreDeadLettered() {
        BorderSimulation sim = simulation();
        SimulatedFeeds feeds = new SimulatedFeeds(sim, CONFIG.sensors(), CORRUPTIONS_PER_MINUTE);
        InProcessConnectors connectors = new InProcessConnectors(CONFIG.sensors());
        assertThat(feeds.formats())
                .containsExactly(
                        WireFormat.ASTERIX, WireFormat.COT, WireFormat.GEOJSON, WireFormat.SAPIENT);

        List<RawUnit> units = feeds.unitsBetween(-1, SCENARIO_S);
        List<List<Observation>> scans = scans(sim.observationsBetween(-1, SCENARIO_S));
        Map<WireFormat, Integer> corrupted = new EnumMap<>(WireFormat.class);
        java.util.Set<String> corruptedSensors = new java.util.TreeSet<>();
        int u = 0;
        int compared = 0;
        for (List<Observation> scan : scans) {
            WireFormat format = WireFormat.of(scan.get(0).sensorKind());
            List<List<Observation>> perUnit =
                    format == WireFormat.COT || format == WireFormat.SAPIENT
                            ? scan.stream().map(List::of).toList()
                            : List.of(scan);
            for (List<Observation> truth : perUnit) {
                RawUnit unit = units.get(u++);
                assertThat(unit.format()).isEqualTo(format);
                assertThat(unit.sensorId()).isEqualTo(truth.get(0).sensorId());
                InProcessConnectors.Decoded d = connectors.decode(unit);
                if (!unit.corrupted()) {
                    assertThat(d.deadLetters()).isEmpty();
                    assertThat(d.observations()).hasSameSizeAs(truth);
                    for (int i = 0; i < truth.size(); i++) {
                        assertSame(truth.get(i), d.observations().get(i));
                        compared++;
                    }
                    continue;
                }
                corrupted.merge(format, 1, Integer::sum);
                corruptedSensors.add(unit.sensorId());
                assertThat(d.deadLetters()).as(unit.corruption()).isNotEmpty();
                for (DeadLetter dl : d.deadLetters()) {
                    assertThat(dl.getSource()).isEqualTo(format.label() + ":" + unit.sensorId());
                    assertThat(dl.getReason()).isNotBlank();
                    assertThat(dl.getRaw().isEmpty()).isFalse();
                    assertThat(dl.getSourcePartition()).isEqualTo(-1);
                }
                if (format == WireFormat.GEOJSON) {
                    // only the broken feature is lost
                    assertThat(d.observations()).hasSize(truth.size() - 1);
                    assertThat(d.deadLetters().get(0).getReason()).contains("feature 0", "time");
                }
                if (format == WireFormat.ASTERIX) {
                    assertThat(d.deadLetters().get(0).getReason()).contains("LEN");
                }
                if (format == WireFormat.SAPIENT) {
                    assertThat(d.observations()).isEmpty();
                    assertThat(d.deadLetters().get(0).getReason()).contains("cut short");
                }
            }
        }
        assertThat(u).isEqualTo(units.size());
        assertThat(compared).isGreaterThan(5_000);
        assertThat(corrupted.keySet())
                .containsExactlyInAnyOrder(
                        WireFormat.ASTERIX, WireFormat.COT, WireFormat.GEOJSON, WireFormat.SAPIENT);
        int total = corrupted.values().stream().mapToInt(Integer::intValue).sum();
        int due = (int) Math.floor(SCENARIO_S * CORRUPTIONS_PER_MINUTE / 60);
        // a corruption whose sensor has no unit left before the end stays owed
        assertThat(total).isBetween(due - feeds.corruptionRotation().size(), due);
        assertThat(corruptedSensors)
                .containsExactlyInAnyOrderElementsOf(feeds.corruptionRotation());

        var counts = connectors.counts();
        assertThat(counts.keySet())
                .containsExactly("asterix-cat048", "cot-xml", "geojson-satellite", "sapient");
        assertThat(counts.values())
                .allSatisfy(
                        c -> {
                            assertThat(c.records()).isPositive();
                            assertThat(c.observations()).isPositive();
                            assertThat(c.errors()).isPositive();
                        });
        long radarScans =
                scans.stream()
                        .filter(s -> WireFormat.of(s.get(0).sensorKind()) == WireFormat.ASTERIX)
                        .count();
        assertThat(counts.get("asterix-cat048").units()).isEqualTo(radarScans);
    }

    @Test
    void theUnitsDoNotDependOnHowTheRunIsCutIntoTicks() {
        List<RawUnit> once =
                new SimulatedFeeds(simulation(), CONFIG.sensors(), 6).unitsBetween(-1, 600);
        SimulatedFeeds ticking = new SimulatedFeeds(simulation(), CONFIG.sensors(), 6);
        List<RawUnit> ticked = new ArrayList<>();
        double t = -1;
        for (double next = 0.37; t < 600; next += 0.37 + (next % 1.3)) {
            double to = Math.min(600, next);
            ticked.addAll(ticking.unitsBetween(t, to));
            t = to;
        }
        assertThat(ticked).hasSameSizeAs(once);
        for (int i = 0; i < once.size(); i++) {
            assertThat(ticked.get(i).bytes()).isEqualTo(once.get(i).bytes());
            assertThat(ticked.get(i).corruption()).isEqualTo(once.get(i).corruption());
        }
        assertThat(once.stream().filter(RawUnit::corrupted).count()).isGreaterThan(50);
    }

    @Test
    void aUnitFromASensorOutsideTheRegistryIsDeadLettered() {
        InProcessConnectors connectors = new InProcessConnectors(CONFIG.sensors());
        InProcessConnectors.Decoded d =
                connectors.decode(
                        new RawUnit(WireFormat.COT, "ghost-1", EPOCH, new byte[] {1, 2, 3}, null));
        assertThat(d.observations()).isEmpty();
        assertThat(d.deadLetters()).hasSize(1);
        assertThat(d.deadLetters().get(0).getReason()).contains("ghost-1", "registry");
        assertThat(d.deadLetters().get(0).getRaw().toByteArray()).containsExactly(1, 2, 3);
        assertThat(connectors.counts().get("cot-xml").errors()).isEqualTo(1);
    }

    private static void assertSame(Observation want, Observation got) {
        assertThat(got.sensorId()).isEqualTo(want.sensorId());
        assertThat(got.partnerId()).isEqualTo(want.partnerId());
        assertThat(got.sensorKind()).isEqualTo(want.sensorKind());
        assertThat(got.marking()).isEqualTo(want.marking());
        assertThat(Duration.between(want.eventTime(), got.eventTime()).abs().toNanos())
                .isLessThanOrEqualTo(1_000_000_000L / 256 + 500_000);
        assertThat(got.eventTime().getNano() % 1_000_000).as("whole milliseconds").isZero();
        if (want.measurement() instanceof RadarPlot w) {
            RadarPlot g = (RadarPlot) got.measurement();
            assertThat(got.observationId()).startsWith(want.sensorId() + "/048/");
            assertThat(g.rangeM()).isCloseTo(w.rangeM(), within(1852.0 / 512));
            double dAz = Math.abs(g.azimuthDeg() - w.azimuthDeg());
            assertThat(Math.min(dAz, 360 - dAz)).isLessThanOrEqualTo(360.0 / 131072);
            assertThat(g.sigmaRangeM()).isEqualTo(w.sigmaRangeM());
            assertThat(g.sigmaAzimuthDeg()).isEqualTo(w.sigmaAzimuthDeg());
            assertThat(g.sensorPosition()).isEqualTo(w.sensorPosition());
        } else {
            PositionFix w = (PositionFix) want.measurement();
            PositionFix g = (PositionFix) got.measurement();
            assertThat(got.observationId()).matches("(cot|sat|sapient)/" + want.sensorId() + "/.*");
            assertThat(g.position().latDeg()).isCloseTo(w.position().latDeg(), within(5.1e-8));
            assertThat(g.position().lonDeg()).isCloseTo(w.position().lonDeg(), within(5.1e-8));
            assertThat(g.covEastEastM2()).isCloseTo(w.covEastEastM2(), within(0.2));
            assertThat(g.covNorthNorthM2()).isCloseTo(w.covNorthNorthM2(), within(0.2));
        }
    }

    private static List<List<Observation>> scans(List<Observation> observations) {
        List<List<Observation>> scans = new ArrayList<>();
        for (Observation o : observations) {
            List<Observation> last = scans.isEmpty() ? null : scans.get(scans.size() - 1);
            if (last == null
                    || !last.get(0).sensorId().equals(o.sensorId())
                    || !last.get(0).eventTime().equals(o.eventTime())) {
                last = new ArrayList<>();
                scans.add(last);
            }
            last.add(o);
        }
        return scans;
    }

    @SuppressWarnings("unused")
    private static String hex(byte[] b) {
        return Arrays.toString(b);
    }
}
