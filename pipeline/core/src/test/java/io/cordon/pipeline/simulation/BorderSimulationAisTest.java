package io.cordon.pipeline.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** AIS in the border simulation: who transmits, when, and what a receiver gets. */
class BorderSimulationAisTest {
    private static final GeoPoint REFERENCE = new GeoPoint(31.3333, -110.6, 1200);

    /** An epoch off the whole second: AIS times must still be whole UTC seconds. */
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00.437Z");

    private static final double DURATION_S = 1200;
    private static final SensorConfig RADAR =
            SensorConfig.withDefaults("radar-1", "usa", SensorKind.GROUND_RADAR, REFERENCE);
    private static final SensorConfig AIS =
            SensorConfig.withDefaults("ais-1", "usa", SensorKind.AIS, REFERENCE);

    private static BorderSimulation simulation(List<SensorConfig> sensors) {
        return new BorderSimulation(sensors, REFERENCE, EPOCH, 42, 40, 0.25, DURATION_S);
    }

    @Test
    void onlyTargetsThatDoNotCrossCarryTransponders_withUniqueMmsisOfTheirSide() {
        BorderSimulation sim = simulation(List.of(AIS));
        List<SimulatedTarget> targets = sim.targets();
        List<SimulatedTarget> cooperative =
                targets.stream().filter(SimulatedTarget::cooperative).toList();
        assertThat(cooperative).hasSizeBetween(4, 25);
        assertThat(cooperative).anyMatch(t -> t.ais().classA()).anyMatch(t -> !t.ais().classA());
        assertThat(cooperative.stream().map(t -> t.ais().mmsi()).distinct())
                .hasSameSizeAs(cooperative);
        for (SimulatedTarget t : cooperative) {
            assertThat(Double.isNaN(sim.crossingTimeS(t))).as(t.id()).isTrue();
            int mid = t.ais().mmsi() / 1_000_000;
            assertThat(mid).isEqualTo(t.startNorthM() > 0 ? 338 : 345);
            assertThat(t.ais().mmsiDigits()).hasSize(9);
        }
        // the targets themselves do not depend on the sensors
        assertThat(simulation(List.of(RADAR)).targets()).isEqualTo(targets);
    }

    @Test
    void anAisReceiverLeavesTheOtherSensorsObservationsAsTheyWere() {
        List<Observation> radarOnly = simulation(List.of(RADAR)).observationsBetween(-1, 600);
        List<Observation> both =
                simulation(List.of(RADAR, AIS)).observationsBetween(-1, 600).stream()
                        .filter(o -> o.sensorId().equals("radar-1"))
                        .toList();
        assertThat(both).isEqualTo(radarOnly);
    }

    @Test
    void transpondersReportAtWholeSecondsOnTheirItuSchedule() {
        BorderSimulation sim = simulation(List.of(AIS));
        List<Observation> ais = sim.observationsBetween(-1, DURATION_S);
        Map<String, SimulatedTarget> byMmsi = new HashMap<>();
        sim.targets().stream()
                .filter(SimulatedTarget::cooperative)
                .forEach(t -> byMmsi.put(t.ais().mmsiDigits(), t));
        Map<String, List<Instant>> times = new HashMap<>();
        LocalTangentPlane plane = new LocalTangentPlane(REFERENCE);
        for (Observation o : ais) {
            assertThat(o.sensorKind()).isEqualTo(SensorKind.AIS);
            assertThat(o.eventTime().getNano()).as("whole UTC second").isZero();
            SimulatedTarget t = byMmsi.get(o.identity().mmsi());
            assertThat(t).as("a transponder's MMSI").isNotNull();
            assertThat(o.identity().callsign()).isEqualTo(t.ais().callsign());
            double tS = Duration.between(EPOCH, o.eventTime()).toNanos() / 1e9;
            assertThat(t.aliveAt(tS)).isTrue();
            // position: GNSS noise of the sensor's sigma (10 m); velocity within 5 sigma
            var p = plane.toEnu(((PositionFix) o.measurement()).position());
            assertThat(Math.hypot(p.eastM() - t.eastAt(tS), p.northM() - t.northAt(tS)))
                    .isLessThan(60);
            assertThat(o.velocity().eastMps()).isCloseTo(t.velocityEastMps(), within(0.5));
            assertThat(o.velocity().northMps()).isCloseTo(t.velocityNorthMps(), within(0.5));
            times.computeIfAbsent(o.identity().mmsi(), k -> new ArrayList<>()).add(o.eventTime());
        }
        assertThat(times.keySet()).containsExactlyInAnyOrderElementsOf(byMmsi.keySet());
        int missed = 0;
        int reports = 0;
        for (var e : times.entrySet()) {
            SimulatedTarget t = byMmsi.get(e.getKey());
            int interval = t.ais().positionIntervalS(t.speedMps());
            assertThat(interval).isEqualTo(t.ais().classA() ? (t.speedMps() <= 7.2 ? 10 : 6) : 30);
            List<Instant> list = e.getValue();
            for (int i = 1; i < list.size(); i++) {
                long gap = Duration.between(list.get(i - 1), list.get(i)).toSeconds();
                assertThat(gap % interval).as("gap %d s, interval %d s", gap, interval).isZero();
                missed += (int) (gap / interval) - 1;
                reports++;
            }
        }
        // the receiver's detection probability, 0.95
        assertThat((double) missed / (missed + reports)).isBetween(0.02, 0.09);
    }

    @Test
    void classAStaticDataGoesOutEverySixMinutes() {
        BorderSimulation sim = simulation(List.of(AIS));
        List<AisStaticReport> reports = sim.aisStaticReportsBetween(-1, DURATION_S);
        assertThat(reports).isNotEmpty();
        Map<Integer, List<Instant>> byMmsi = new HashMap<>();
        for (AisStaticReport r : reports) {
            assertThat(r.transponder().classA()).isTrue();
            assertThat(r.sensorId()).isEqualTo("ais-1");
            assertThat(r.time().getNano()).isZero();
            byMmsi.computeIfAbsent(r.transponder().mmsi(), k -> new ArrayList<>()).add(r.time());
        }
        for (List<Instant> list : byMmsi.values()) {
            for (int i = 1; i < list.size(); i++) {
                assertThat(Duration.between(list.get(i - 1), list.get(i)).toSeconds() % 360)
                        .isZero();
            }
        }
        assertThat(reports).isSortedAccordingTo((a, b) -> a.time().compareTo(b.time()));
    }

    @Test
    void windowsGiveTheSameReportsHoweverTheRunIsCut() {
        BorderSimulation sim = simulation(List.of(RADAR, AIS));
        List<Observation> once = sim.observationsBetween(-1, 900);
        List<AisStaticReport> staticOnce = sim.aisStaticReportsBetween(-1, 900);
        List<Observation> cut = new ArrayList<>();
        List<AisStaticReport> staticCut = new ArrayList<>();
        double from = -1;
        for (double to = 0.7; from < 900; to += 13.3) {
            double upTo = Math.min(900, to);
            cut.addAll(sim.observationsBetween(from, upTo));
            staticCut.addAll(sim.aisStaticReportsBetween(from, upTo));
            from = upTo;
        }
        assertThat(cut).isEqualTo(once);
        assertThat(staticCut).isEqualTo(staticOnce);
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }
}
