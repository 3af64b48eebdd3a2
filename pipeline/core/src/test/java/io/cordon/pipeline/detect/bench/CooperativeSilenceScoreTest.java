package io.cordon.pipeline.detect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.detect.dark.CooperativeSilenceDetector;
import io.cordon.pipeline.detect.dark.CooperativeSilenceParameters;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.simulation.BorderSimulation;
import io.cordon.pipeline.simulation.SwitchOff;
import io.cordon.pipeline.track.EntityTrack;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Cooperative silence (AIS switched off while other sensors hold the track) end to end on the
 * border simulation: the example configuration's sensors ({@code deploy/cordon.yaml}: AIS receiver,
 * two ground radars, drones, satellite, ground sensor) and crossing fraction, {@value #TARGETS}
 * targets over {@value #DURATION_S} s, seeds 1-8; simulation → tracker → {@link
 * CooperativeSilenceDetector} with the configuration's parameters ({@link SimulationRun}), the
 * {@code NEW} alerts scored against the simulation's switch-offs ({@link
 * BorderSimulation#switchOffs()}) with {@link EventScore} and the gate {@link #GATE}.
 *
 * <p>Latency is the event time of the track update that raised the alert minus the switch-off time;
 * the detector waits {@code aisSilenceS} (180 s) from the last report received, which comes up to
 * one reporting interval (class A 10 s, class B 30 s) plus the lost receptions before the
 * switch-off, so it lies between about 150 s and 180 s plus a radar scan or two.
 *
 * <p>Thresholds a little under the values measured (docs/detection.md, "Measured", "Cooperative
 * silence on the border simulation").
 */
class CooperativeSilenceScoreTest {
    private static final CordonConfig CONFIG =
            CordonConfig.load(Path.of("../../deploy/cordon.yaml"));
    private static final Instant EPOCH = Instant.parse("2026-03-01T10:00:00Z");
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final int TARGETS = 60;
    private static final double DURATION_S = 1200;

    /**
     * An alert's time is the last AIS report received before the silence, its place where that
     * report put the target: 90 s covers three class B intervals (a lost report or two) before the
     * switch-off, 1 000 m what a target at up to 12 m/s covers in them.
     */
    static final EventScore.Gate GATE = new EventScore.Gate(90, 1000);

    /** Totals over the seeds. */
    record Totals(
            int events,
            int alerts,
            int matched,
            int alertsOnDarkMmsi,
            int alertsOnClassB,
            double[] latenciesS)
            implements SimulationRun.Score {
        String summary() {
            return String.format(
                    Locale.ROOT,
                    "events %d, alerts %d, matched %d, precision %.3f, recall %.3f, alerts naming a"
                            + " switched-off MMSI %d, the others on class B %d of %d; latency"
                            + " after the switch-off min %.1f s, median %.1f s, max %.1f s",
                    events,
                    alerts,
                    matched,
                    precision(),
                    recall(),
                    alertsOnDarkMmsi,
                    alertsOnClassB,
                    alerts - alertsOnDarkMmsi,
                    latenciesS.length == 0 ? Double.NaN : latenciesS[0],
                    latenciesS.length == 0 ? Double.NaN : medianLatencyS(),
                    latenciesS.length == 0 ? Double.NaN : latenciesS[latenciesS.length - 1]);
        }
    }

    @Test
    void switchOffsAreFoundOnceEach_soonAfterTheThreshold() {
        // Measured at seeds 1-8: 49 switch-offs, 49 alerts, 49 matched (precision and recall
        // 1.000), every alert on a switched-off MMSI; latency 136.2 / 176.6 / 187.0 s (min,
        // median, max) for a threshold of 180 s.
        Totals t = run(CONFIG.sensors(), "");
        assertThat(t.events()).as("switch-offs").isGreaterThan(40);
        assertThat(t.precision()).as("precision").isGreaterThanOrEqualTo(0.97);
        assertThat(t.recall()).as("recall").isGreaterThanOrEqualTo(0.97);
        assertThat(t.alertsOnDarkMmsi())
                .as("alerts naming a switched-off MMSI")
                .isEqualTo(t.alerts());
        double threshold = parameters().aisSilenceS();
        // the last report heard is at most two class B intervals before the switch-off, and the
        // finding comes with the first radar-held update after the threshold
        assertThat(t.latenciesS()[0]).isGreaterThanOrEqualTo(threshold - 60);
        assertThat(t.latenciesS()[t.latenciesS().length - 1]).isLessThanOrEqualTo(threshold + 15);
        assertThat(t.medianLatencyS()).isBetween(threshold - 15, threshold + 5);
    }

    @Test
    void withHalfTheTransmissionsLost_fewSwitchOffsAreMissed_andClassBGapsGiveFalseAlerts() {
        // AIS reception probability 0.5 instead of 0.95 (crowded slots: the case the 180 s
        // threshold is chosen for). Measured at seeds 1-8: 49 switch-offs, 54 alerts, 45 matched
        // (precision 0.833, recall 0.918). The 8 alerts on MMSIs that never switch off are all on
        // class B carriers (a report every 30 s: six lost in a row is a 180 s silence); three of
        // the
        // missed targets never had a published track carrying their MMSI (too few of their reports
        // received before the switch-off), the fourth's alert falls outside the gate.
        List<SensorConfig> lossy =
                CONFIG.sensors().stream()
                        .map(s -> s.kind() == SensorKind.AIS ? withDetectionProbability(s, 0.5) : s)
                        .toList();
        Totals t = run(lossy, "lossy ");
        assertThat(t.events()).as("switch-offs").isGreaterThan(40);
        assertThat(t.recall()).as("recall").isGreaterThanOrEqualTo(0.9);
        assertThat(t.precision()).as("precision").isGreaterThanOrEqualTo(0.8);
        assertThat(t.alertsOnClassB())
                .as("false alerts on carriers that keep transmitting: class B only")
                .isEqualTo(t.alerts() - t.alertsOnDarkMmsi());
    }

    private static CooperativeSilenceParameters parameters() {
        return CooperativeSilenceParameters.from(
                CONFIG.detectors().of(CooperativeSilenceDetector.NAME));
    }

    /** Simulation, tracker and detector over the seeds with these sensors, scored. */
    private static Totals run(List<SensorConfig> sensors, String label) {
        int events = 0;
        int alerts = 0;
        int matched = 0;
        int onDark = 0;
        int onClassB = 0;
        List<Double> latencies = new ArrayList<>();
        for (long seed : SEEDS) {
            BorderSimulation sim =
                    SimulationRun.simulation(CONFIG, sensors, EPOCH, seed, TARGETS, DURATION_S);
            List<SwitchOff> offs = sim.switchOffs();
            List<TruthEvent> truth = offs.stream().map(o -> event(o, DURATION_S)).toList();
            List<EntityTrack> updates =
                    SimulationRun.fuse(CONFIG, sim.observationsBetween(-1, DURATION_S));
            List<BenchDetection.Raised> raised =
                    SimulationRun.perTrack(
                            new CooperativeSilenceDetector(sensors, parameters()), updates);
            EventScore.TypeScore s =
                    EventScore.score(EPOCH, raised, truth, Map.of("DARK_TARGET", GATE))
                            .get("DARK_TARGET");
            System.out.println(label + "seed " + seed + " cooperative silence " + s.summary());
            events += s.events();
            alerts += s.alerts();
            matched += s.matched();
            for (double l : s.latenciesS()) {
                latencies.add(l);
            }
            Set<String> dark = offs.stream().map(SwitchOff::mmsi).collect(Collectors.toSet());
            onDark +=
                    (int)
                            raised.stream()
                                    .filter(r -> dark.contains(r.alert().evidence().get("mmsi")))
                                    .count();
            Set<String> classB =
                    sim.targets().stream()
                            .filter(x -> x.cooperative() && !x.ais().classA())
                            .map(x -> x.ais().mmsiDigits())
                            .collect(Collectors.toSet());
            onClassB +=
                    (int)
                            raised.stream()
                                    .map(r -> r.alert().evidence().get("mmsi"))
                                    .filter(m -> !dark.contains(m) && classB.contains(m))
                                    .count();
        }
        Totals t =
                new Totals(
                        events,
                        alerts,
                        matched,
                        onDark,
                        onClassB,
                        latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        System.out.println(label + "cooperative silence, seeds 1-8: " + t.summary());
        return t;
    }

    private static SensorConfig withDetectionProbability(SensorConfig s, double pd) {
        return new SensorConfig(
                s.id(),
                s.partnerId(),
                s.kind(),
                s.position(),
                s.rangeM(),
                s.periodS(),
                s.sigmaRangeM(),
                s.sigmaAzimuthDeg(),
                s.sigmaHeightM(),
                s.sigmaPositionM(),
                pd,
                s.clutterPerScan(),
                s.releasability(),
                s.maxOutOfOrdernessS(),
                s.idlenessS());
    }

    /** The truth event of a switch-off: time and place of the switch-off, the target's index. */
    static TruthEvent event(SwitchOff o, double endS) {
        return new TruthEvent(
                "DARK_TARGET:" + o.targetIndex() + ":" + Math.round(o.timeS()),
                "DARK_TARGET",
                o.timeS(),
                endS,
                o.position().latDeg(),
                o.position().lonDeg(),
                List.of(o.targetIndex()));
    }
}
