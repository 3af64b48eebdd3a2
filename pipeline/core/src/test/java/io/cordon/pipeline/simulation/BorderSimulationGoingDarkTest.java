package io.cordon.pipeline.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.dark.CooperativeSilenceDetector;
import io.cordon.pipeline.detect.dark.CooperativeSilenceParameters;
import io.cordon.pipeline.fusion.FusionStep;
import io.cordon.pipeline.fusion.SensorRegistryPriors;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Transponders switched off in the border simulation, and what the pipeline's core makes of them:
 * the example configuration's sensors and simulation settings, the tracker as the fusion job runs
 * it, and the cooperative-silence detector as the detection job runs it, offline.
 */
class BorderSimulationGoingDarkTest {
    private static final CordonConfig CONFIG =
            CordonConfig.load(Path.of("../../deploy/cordon.yaml"));
    private static final Instant EPOCH = Instant.parse("2026-03-01T10:00:00Z");

    /** {@code ./cordon local --duration 60s} at the example's speed-up 10: 600 scenario s. */
    private static final double DEMO_S = 600;

    private static BorderSimulation demo(List<SensorConfig> sensors, double durationS) {
        var sim = CONFIG.simulation();
        return new BorderSimulation(
                sensors,
                CONFIG.reference(),
                EPOCH,
                sim.seed(),
                sim.targets(),
                sim.crossingFraction(),
                durationS);
    }

    private static List<SimulatedTarget> dark(BorderSimulation sim) {
        return sim.targets().stream().filter(t -> t.cooperative() && t.ais().goesSilent()).toList();
    }

    @Test
    void someCarriersSwitchOffWhereARadarHoldsThem_andTransmitNothingAfter() {
        BorderSimulation sim = demo(CONFIG.sensors(), DEMO_S);
        List<SimulatedTarget> dark = dark(sim);
        assertThat(dark).as("the demo has a target going dark").isNotEmpty();
        assertThat(sim.targets().stream().filter(SimulatedTarget::cooperative))
                .as("and carriers that keep transmitting")
                .anyMatch(t -> !t.ais().goesSilent());
        List<SensorConfig> radars =
                CONFIG.sensors().stream().filter(s -> s.kind() == SensorKind.GROUND_RADAR).toList();
        for (SimulatedTarget t : dark) {
            double off = t.ais().silentFromS();
            assertThat(off).isGreaterThanOrEqualTo(t.bornS() + 60);
            assertThat(off + BorderSimulation.RADAR_HOLD_AFTER_DARK_S).isLessThanOrEqualTo(DEMO_S);
            // a radar sees it after the switch-off: some of its plots fall near it
            assertThat(radars).anyMatch(r -> inRange(r, t, off + 150));
        }
        Map<String, Double> offByMmsi =
                dark.stream()
                        .collect(
                                Collectors.toMap(
                                        t -> t.ais().mmsiDigits(), t -> t.ais().silentFromS()));
        List<Observation> all = sim.observationsBetween(-1, DEMO_S);
        int before = 0;
        for (Observation o : all) {
            Double off = offByMmsi.get(o.identity().mmsi());
            if (off != null) {
                assertThat(seconds(o.eventTime())).isLessThan(off);
                before++;
            }
        }
        assertThat(before).as("the dark targets transmitted before").isPositive();
        for (AisStaticReport r : sim.aisStaticReportsBetween(-1, DEMO_S)) {
            Double off = offByMmsi.get(r.transponder().mmsiDigits());
            if (off != null) {
                assertThat(seconds(r.time())).isLessThan(off);
            }
        }
        // nobody goes dark where no radar would hold it
        List<SensorConfig> aisOnly =
                CONFIG.sensors().stream().filter(s -> s.kind() == SensorKind.AIS).toList();
        assertThat(dark(demo(aisOnly, DEMO_S))).isEmpty();
        // the same seed, the same targets and the same switch-off times
        assertThat(demo(CONFIG.sensors(), DEMO_S).targets()).isEqualTo(sim.targets());
    }

    @Test
    void theTrackerKeepsTheIdentity_andTheDetectorFindsEachDarkTargetAndNoOther() {
        BorderSimulation sim = demo(CONFIG.sensors(), DEMO_S);
        List<EntityTrack> updates = fuse(sim.observationsBetween(-1, DEMO_S));
        List<Alert> alerts =
                DetectorReplay.perTrack(
                        new CooperativeSilenceDetector(
                                CONFIG.sensors(),
                                CooperativeSilenceParameters.from(
                                        CONFIG.detectors().of(CooperativeSilenceDetector.NAME))),
                        updates);
        Map<String, Alert> newByMmsi = new TreeMap<>();
        for (Alert a : alerts) {
            assertThat(a.type()).isEqualTo(AlertType.DARK_TARGET);
            if (a.state() == AlertState.NEW) {
                assertThat(a.evidence()).containsEntry("reason", "cooperativeSilent");
                assertThat(newByMmsi.put(a.evidence().get("mmsi"), a))
                        .as("one finding per MMSI")
                        .isNull();
            }
        }
        Map<String, SimulatedTarget> dark =
                dark(sim).stream().collect(Collectors.toMap(t -> t.ais().mmsiDigits(), t -> t));
        assertThat(newByMmsi.keySet())
                .as("a finding for each target that switched off, none for those that did not")
                .isEqualTo(dark.keySet());
        double silence = silenceS();
        for (var e : newByMmsi.entrySet()) {
            SimulatedTarget t = dark.get(e.getKey());
            Alert a = e.getValue();
            double lastHeard = seconds(Instant.parse(a.evidence().get("lastCooperativeAt")));
            // the last report the receiver got, shortly before the switch-off
            assertThat(lastHeard)
                    .isLessThan(t.ais().silentFromS())
                    .isGreaterThan(t.ais().silentFromS() - 3 * 30);
            // raised once the silence is long enough, with the radar still holding the track
            double raisedAt = seconds(a.windowEnd());
            assertThat(raisedAt - lastHeard).isGreaterThanOrEqualTo(silence);
            assertThat(raisedAt - lastHeard).isLessThan(silence + 20);
            assertThat(Instant.parse(a.evidence().get("lastNonCooperativeAt")))
                    .isAfter(a.windowStart().plusSeconds((long) silence));
        }
        // the tracks of the carriers hold their MMSI and the provenance of both kinds of sensor
        Set<String> carriers =
                sim.targets().stream()
                        .filter(SimulatedTarget::cooperative)
                        .map(t -> t.ais().mmsiDigits())
                        .collect(Collectors.toSet());
        List<EntityTrack> identified =
                updates.stream().filter(u -> carriers.contains(u.identity().mmsi())).toList();
        assertThat(identified.stream().map(u -> u.identity().mmsi()).distinct())
                .containsExactlyInAnyOrderElementsOf(carriers);
        assertThat(identified).allSatisfy(u -> assertThat(u.lastCooperativeTime()).isNotNull());
        assertThat(identified).anySatisfy(u -> assertThat(u.lastNonCooperativeTime()).isNotNull());
    }

    private static double silenceS() {
        return CooperativeSilenceParameters.from(
                        CONFIG.detectors().of(CooperativeSilenceDetector.NAME))
                .aisSilenceS();
    }

    /** The observations through the tracker as the fusion job steps it, by event time. */
    private static List<EntityTrack> fuse(List<Observation> observations) {
        FusionStep fusion =
                new FusionStep(
                        new MultiTargetTracker(
                                SensorRegistryPriors.trackerParameters(CONFIG),
                                CONFIG.reference()));
        TreeMap<Instant, List<Observation>> byTime = new TreeMap<>();
        for (Observation o : observations) {
            byTime.computeIfAbsent(o.eventTime(), k -> new ArrayList<>()).add(o);
        }
        List<EntityTrack> updates = new ArrayList<>();
        byTime.forEach((time, batch) -> updates.addAll(fusion.step(time, batch)));
        return updates;
    }

    private static boolean inRange(SensorConfig sensor, SimulatedTarget t, double tS) {
        var plane = new io.cordon.pipeline.geo.LocalTangentPlane(CONFIG.reference());
        var at = plane.toEnu(sensor.position());
        return Math.hypot(t.eastAt(tS) - at.eastM(), t.northAt(tS) - at.northM())
                <= sensor.rangeM();
    }

    private static double seconds(Instant time) {
        return Duration.between(EPOCH, time).toNanos() / 1e9;
    }
}
