package io.cordon.pipeline.detect.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.border.BorderMap;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.lowslow.LowSlowFlyerDetector;
import io.cordon.pipeline.detect.lowslow.LowSlowFlyerParameters;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.simulation.BorderSimulation;
import io.cordon.pipeline.simulation.LowFlyer;
import io.cordon.pipeline.simulation.SimulatedTarget;
import io.cordon.pipeline.track.EntityTrack;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Low-slow flyer end to end on the border simulation with flights ({@link
 * BorderSimulation#withLowFlyers}): the example configuration's sensors and borders ({@code
 * deploy/cordon.yaml}: two ground radars, three drones, satellite, ground sensor, AIS receiver) and
 * an ADS-B receiver at the reference point (the configuration has none; defaults of the kind),
 * {@value #TARGETS} ground targets, {@value #EVENTS} low-slow flyers and {@value #DECOYS} decoys of
 * each kind (above the ceiling, fast, with ADS-B, along and away from the border) over {@value
 * #DURATION_S} s, seeds 1-8; simulation → tracker ({@link SimulationRun}) → {@link
 * LowSlowFlyerDetector} with the configuration's parameters, the {@code NEW} alerts scored against
 * the low-slow flyers with {@link EventScore} and the gate {@link #GATE}.
 *
 * <p>Truth event: the flight's start (it is born in the border area heading for the line, so the
 * conditions hold from its first scan), at the place it reaches {@value #PLACE_AFTER_S} s later;
 * latency is the event time of the track update that raised the alert minus the flight's start:
 * confirmation (a few drone frames) plus the detector's {@code minDurationS} (20 s).
 *
 * <p>Thresholds a little under the values measured (docs/detection.md, "Low-slow flyer on the
 * border simulation").
 */
class LowSlowFlyerScoreTest {
    private static final CordonConfig CONFIG =
            withAdsbReceiver(CordonConfig.load(Path.of("../../deploy/cordon.yaml")));
    private static final Instant EPOCH = Instant.parse("2026-03-01T10:00:00Z");
    private static final long[] SEEDS = {1, 2, 3, 4, 5, 6, 7, 8};
    private static final int TARGETS = 60;
    private static final int EVENTS = 6;
    private static final int DECOYS = 2;
    private static final double DURATION_S = 1200;
    private static final double PLACE_AFTER_S = 30;
    private static final String TYPE = "LOW_SLOW_FLYER";

    /**
     * The alert's time is its episode's start, the first confirmed update: a few frames after the
     * flight's start (60 s allows a track broken once at its start); its place is where the track
     * is when it alerts, some 20-40 s after the start, at up to 55 m/s within 2 200 m of the place
     * {@value #PLACE_AFTER_S} s after the start.
     */
    static final EventScore.Gate GATE = new EventScore.Gate(60, 2_500);

    /** Totals over the seeds. */
    record Totals(
            int events,
            int alerts,
            int matched,
            int beforeCrossing,
            Map<LowFlyer.Kind, Integer> alertsOnDecoys,
            double[] latenciesS)
            implements SimulationRun.Score {
        String summary() {
            return String.format(
                    Locale.ROOT,
                    "events %d, alerts %d, matched %d, precision %.3f, recall %.3f, alerted before"
                            + " the crossing %d, alerts near decoys %s; latency after the start"
                            + " min %.1f s, median %.1f s, max %.1f s",
                    events,
                    alerts,
                    matched,
                    precision(),
                    recall(),
                    beforeCrossing,
                    alertsOnDecoys,
                    latenciesS.length == 0 ? Double.NaN : latenciesS[0],
                    latenciesS.length == 0 ? Double.NaN : medianLatencyS(),
                    latenciesS.length == 0 ? Double.NaN : latenciesS[latenciesS.length - 1]);
        }
    }

    @Test
    void lowSlowFlyersAlertBeforeTheyCross_andDecoysDoNot() {
        // Measured at seeds 1-8: 48 low-slow flyers, 49 alerts, 48 matched (precision 0.980,
        // recall 1.000), all 48 before the crossing, no alert on any of the 80 decoys; latency
        // after the start 20.8 / 23.6 / 50.5 s (min, median, max).
        Totals t = run();
        assertThat(t.events()).as("low-slow flyers").isEqualTo(EVENTS * SEEDS.length);
        assertThat(t.recall()).as("recall").isGreaterThanOrEqualTo(0.97);
        assertThat(t.precision()).as("precision").isGreaterThanOrEqualTo(0.97);
        assertThat(t.beforeCrossing())
                .as("flyers alerted before the crossing")
                .isEqualTo(t.events());
        assertThat(t.alertsOnDecoys()).as("alerts on decoys, by kind").isEmpty();
        // the conditions hold from the flight's first scans: the alert comes minDurationS after
        // the track is confirmed, a few frames after the start
        double minDuration = parameters().minDurationS();
        assertThat(t.latenciesS()[0]).isGreaterThanOrEqualTo(minDuration);
        assertThat(t.medianLatencyS()).isLessThanOrEqualTo(minDuration + 10);
        assertThat(t.latenciesS()[t.latenciesS().length - 1]).isLessThanOrEqualTo(60);
    }

    private static LowSlowFlyerParameters parameters() {
        return LowSlowFlyerParameters.from(CONFIG.detectors().of(LowSlowFlyerDetector.NAME));
    }

    private static Totals run() {
        BorderMap borders = BorderMap.load(CONFIG.borders());
        int events = 0;
        int alerts = 0;
        int matched = 0;
        int beforeCrossing = 0;
        Map<LowFlyer.Kind, Integer> onDecoys = new EnumMap<>(LowFlyer.Kind.class);
        List<Double> latencies = new ArrayList<>();
        for (long seed : SEEDS) {
            BorderSimulation sim =
                    SimulationRun.simulation(
                                    CONFIG, CONFIG.sensors(), EPOCH, seed, TARGETS, DURATION_S)
                            .withLowFlyers(EVENTS, DECOYS, DURATION_S);
            List<LowFlyer> flights = sim.lowFlyers();
            List<TruthEvent> truth =
                    flights.stream()
                            .filter(f -> f.kind().shouldAlert())
                            .map(f -> event(sim, f))
                            .toList();
            List<EntityTrack> updates =
                    SimulationRun.fuse(CONFIG, sim.observationsBetween(-1, DURATION_S));
            List<BenchDetection.Raised> raised =
                    SimulationRun.perTrack(
                            new LowSlowFlyerDetector(borders, parameters()), updates);
            EventScore.TypeScore s =
                    EventScore.score(EPOCH, raised, truth, Map.of(TYPE, GATE)).get(TYPE);
            System.out.println("seed " + seed + " low-slow flyer " + s.summary());
            events += s.events();
            alerts += s.alerts();
            matched += s.matched();
            for (double l : s.latenciesS()) {
                latencies.add(l);
            }
            for (LowFlyer f : flights) {
                List<BenchDetection.Raised> near = near(sim, f, raised);
                if (f.kind().shouldAlert()) {
                    double crossingS = f.crossingS();
                    if (near.stream()
                            .anyMatch(
                                    r -> Geodesy.secondsBetween(EPOCH, r.raisedAt()) < crossingS)) {
                        beforeCrossing++;
                    }
                } else if (!near.isEmpty()) {
                    onDecoys.merge(f.kind(), near.size(), Integer::sum);
                    System.out.println(
                            "seed " + seed + " alert near decoy " + f + ": " + near.size());
                }
                if (f.kind().shouldAlert() && near.size() > 1) {
                    for (BenchDetection.Raised r : near) {
                        System.out.printf(
                                Locale.ROOT,
                                "seed %d flyer %s alerted by %s, episode from %.1f s after its"
                                        + " start%n",
                                seed,
                                f.targetId(),
                                r.alert().trackIds(),
                                Geodesy.secondsBetween(EPOCH, r.alert().windowStart()) - f.bornS());
                    }
                }
            }
        }
        Totals t =
                new Totals(
                        events,
                        alerts,
                        matched,
                        beforeCrossing,
                        onDecoys,
                        latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray());
        System.out.println("low-slow flyer, seeds 1-8: " + t.summary());
        return t;
    }

    /**
     * The alerts whose place (the track's position when it alerted) is within 1 000 m of this
     * flight and nearer to it than to any other flight alive then.
     */
    private static List<BenchDetection.Raised> near(
            BorderSimulation sim, LowFlyer f, List<BenchDetection.Raised> raised) {
        List<BenchDetection.Raised> out = new ArrayList<>();
        for (BenchDetection.Raised r : raised) {
            double tS = Geodesy.secondsBetween(EPOCH, r.raisedAt());
            LowFlyer nearest = null;
            double best = 1_000;
            for (LowFlyer g : sim.lowFlyers()) {
                var target = sim.targets().get(g.targetIndex());
                if (target.aliveAt(tS)) {
                    double d = Geodesy.distanceM(placeAt(target, tS), r.alert().location());
                    if (d <= best) {
                        best = d;
                        nearest = g;
                    }
                }
            }
            if (nearest == f) {
                out.add(r);
            }
        }
        return out;
    }

    private static final LocalTangentPlane PLANE = new LocalTangentPlane(CONFIG.reference());

    /** Where a simulated target is at tS (on the surface). */
    private static GeoPoint placeAt(SimulatedTarget target, double tS) {
        return PLANE.surfacePoint(target.eastAt(tS), target.northAt(tS));
    }

    /** The truth event of a low-slow flyer: its start, placed {@value #PLACE_AFTER_S} s on. */
    static TruthEvent event(BorderSimulation sim, LowFlyer f) {
        GeoPoint at = placeAt(sim.targets().get(f.targetIndex()), f.bornS() + PLACE_AFTER_S);
        return new TruthEvent(
                TYPE + ":" + f.targetIndex() + ":" + Math.round(f.bornS()),
                TYPE,
                f.bornS(),
                f.crossingS(),
                at.latDeg(),
                at.lonDeg(),
                List.of(f.targetIndex()));
    }

    /** The configuration with an ADS-B receiver at the reference point (defaults of the kind). */
    static CordonConfig withAdsbReceiver(CordonConfig c) {
        List<SensorConfig> sensors = new ArrayList<>(c.sensors());
        sensors.add(SensorConfig.withDefaults("usa-adsb-1", "usa", SensorKind.ADSB, c.reference()));
        return new CordonConfig(
                c.kafka(),
                c.topics(),
                c.reference(),
                c.partners(),
                sensors,
                c.borders(),
                c.zones(),
                c.detectors(),
                c.simulation(),
                c.fusion());
    }
}
