package io.cordon.pipeline.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Flights added to the border simulation (opt-in), their truth and what the sensors report. */
class BorderSimulationLowFlyersTest {
    private static final CordonConfig CONFIG =
            CordonConfig.load(Path.of("../../deploy/cordon.yaml"));
    private static final List<SensorConfig> SENSORS = withAdsb(CONFIG.sensors());
    private static final Instant EPOCH = Instant.parse("2026-03-01T10:00:00Z");
    private static final double DURATION_S = 1200;
    private static final LocalTangentPlane PLANE = new LocalTangentPlane(CONFIG.reference());

    private static BorderSimulation base() {
        return new BorderSimulation(SENSORS, CONFIG.reference(), EPOCH, 5, 60, 0.25, DURATION_S);
    }

    private static List<SensorConfig> withAdsb(List<SensorConfig> sensors) {
        List<SensorConfig> out = new ArrayList<>(sensors);
        out.add(
                SensorConfig.withDefaults(
                        "usa-adsb-1", "usa", SensorKind.ADSB, CONFIG.reference()));
        return out;
    }

    @Test
    void flightsAreAppended_theGroundTargetsAndWhatSensorsBlindToFlightsReportStayAsTheyWere() {
        BorderSimulation base = base();
        BorderSimulation flown = base.withLowFlyers(4, 2, DURATION_S);
        assertThat(flown.targets()).hasSize(base.targets().size() + 4 + 5 * 2);
        assertThat(flown.targets().subList(0, base.targets().size())).isEqualTo(base.targets());
        assertThat(flown.switchOffs()).isEqualTo(base.switchOffs());
        assertThat(flown.aisStaticReportsBetween(-1, DURATION_S))
                .isEqualTo(base.aisStaticReportsBetween(-1, DURATION_S));
        // satellites, ground sensors and AIS receivers do not see flights: the same reports
        for (SensorKind blind :
                List.of(SensorKind.SATELLITE, SensorKind.GROUND_SENSOR, SensorKind.AIS)) {
            assertThat(of(flown, blind)).as(blind.name()).isEqualTo(of(base, blind));
        }
        // without flights an ADS-B receiver hears nothing (the ground targets carry none)
        assertThat(of(base, SensorKind.ADSB)).isEmpty();
        assertThat(base.lowFlyers()).isEmpty();
        Set<String> ids = new HashSet<>();
        for (Observation o : flown.observationsBetween(-1, DURATION_S)) {
            assertThat(ids.add(o.observationId())).as("unique id " + o.observationId()).isTrue();
        }
        assertThat(base().withLowFlyers(4, 2, DURATION_S).targets()).isEqualTo(flown.targets());
        assertThat(base.withLowFlyers(0, 0, DURATION_S).targets()).isEqualTo(base.targets());
    }

    @Test
    void truthLabelsEachFlight_lowSlowFlyersCrossInTheRun_decoysAreWhatTheirKindSays() {
        BorderSimulation sim = base().withLowFlyers(6, 3, DURATION_S);
        List<LowFlyer> flights = sim.lowFlyers();
        assertThat(flights).hasSize(6 + 5 * 3);
        double ground = CONFIG.reference().altM();
        List<SensorConfig> drones =
                SENSORS.stream().filter(s -> s.kind() == SensorKind.DRONE).toList();
        for (LowFlyer f : flights) {
            SimulatedTarget t = sim.targets().get(f.targetIndex());
            assertThat(t.id()).isEqualTo(f.targetId());
            assertThat(t.targetClass()).isIn(TargetClass.AIRCRAFT, TargetClass.DRONE);
            assertThat(t.bornS()).isEqualTo(f.bornS()).isBetween(120.0, 720.0);
            // every flight starts inside a drone's footprint
            assertThat(drones)
                    .anyMatch(
                            d -> {
                                EnuPoint c = PLANE.toEnu(d.position());
                                return Math.hypot(
                                                t.startEastM() - c.eastM(),
                                                t.startNorthM() - c.northM())
                                        <= 0.7 * d.rangeM() + 1e-6;
                            });
            double speed = t.speedMps();
            double above = f.heightM() - ground;
            boolean towards = Math.signum(t.velocityNorthMps()) == -Math.signum(t.startNorthM());
            switch (f.kind()) {
                case LOW_SLOW_TOWARDS, COOPERATIVE -> {
                    assertThat(speed).isBetween(12.0, 55.0);
                    assertThat(above).isBetween(80.0, 700.0);
                    assertThat(towards).isTrue();
                    // crossing at least 60 s after the start and 60 s before the end
                    assertThat(f.crossingS())
                            .isBetween(f.bornS() + 60, DURATION_S - 60)
                            .isEqualTo(
                                    t.crossingTimeS(0),
                                    org.assertj.core.api.Assertions.within(1e-6));
                    assertThat(f.cooperative()).isEqualTo(f.kind() == LowFlyer.Kind.COOPERATIVE);
                }
                case ABOVE_CEILING -> {
                    assertThat(f.heightM()).isGreaterThan(ground + 1_700 - 1e-6);
                    assertThat(towards).isTrue();
                }
                case FAST -> {
                    assertThat(speed).isBetween(90.0, 140.0);
                    assertThat(towards).isTrue();
                }
                case ALONG -> {
                    assertThat(Math.abs(t.velocityNorthMps())).isLessThan(0.26 * speed);
                    assertThat(f.crossingS()).isNaN();
                }
                case AWAY -> {
                    assertThat(towards).isFalse();
                    assertThat(t.crossingTimeS(0)).isNaN();
                    assertThat(f.crossingS()).isNaN();
                }
            }
            assertThat(f.kind().shouldAlert())
                    .isEqualTo(f.kind() == LowFlyer.Kind.LOW_SLOW_TOWARDS);
        }
        assertThatThrownBy(() -> base().withLowFlyers(-1, 0, DURATION_S))
                .isInstanceOf(IllegalArgumentException.class);
        List<SensorConfig> noDrones =
                SENSORS.stream().filter(s -> s.kind() != SensorKind.DRONE).toList();
        assertThatThrownBy(
                        () ->
                                new BorderSimulation(
                                                noDrones,
                                                CONFIG.reference(),
                                                EPOCH,
                                                5,
                                                60,
                                                0.25,
                                                DURATION_S)
                                        .withLowFlyers(1, 0, DURATION_S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no DRONE sensor");
    }

    @Test
    void dronesAndAdsbReportTheHeight_radarsDoNot() {
        BorderSimulation sim = base().withLowFlyers(4, 2, DURATION_S);
        List<Observation> all = sim.observationsBetween(-1, DURATION_S);
        int droneFixes = 0, adsbFixes = 0, radarPlots = 0;
        for (LowFlyer f : sim.lowFlyers()) {
            SimulatedTarget t = sim.targets().get(f.targetIndex());
            for (Observation o : all) {
                double tS = Duration.between(EPOCH, o.eventTime()).toNanos() * 1e-9;
                if (!t.aliveAt(tS)) {
                    continue;
                }
                GeoPoint truth = PLANE.surfacePoint(t.eastAt(tS), t.northAt(tS));
                if (o.measurement() instanceof PositionFix fix) {
                    GeoPoint p = fix.position();
                    double d =
                            io.cordon.pipeline.detect.Geodesy.distanceM(
                                    truth, new GeoPoint(p.latDeg(), p.lonDeg(), 0));
                    boolean heightNear = Math.abs(p.altM() - f.heightM()) < 5 * 25;
                    if (d > 150 || !heightNear) {
                        continue;
                    }
                    assertThat(fix.hasHeight()).as(o.observationId()).isTrue();
                    if (o.sensorKind() == SensorKind.ADSB) {
                        adsbFixes++;
                        assertThat(o.identity().icao24()).isEqualTo(f.icao24());
                        assertThat(fix.sigmaAltM()).isEqualTo(BorderSimulation.ADSB_SIGMA_HEIGHT_M);
                    } else {
                        assertThat(o.sensorKind()).isEqualTo(SensorKind.DRONE);
                        droneFixes++;
                        assertThat(o.identity().isEmpty()).isTrue();
                        assertThat(o.classification().targetClass()).isEqualTo(t.targetClass());
                        assertThat(fix.sigmaAltM())
                                .isEqualTo(BorderSimulation.DRONE_SIGMA_HEIGHT_M);
                    }
                } else if (o.measurement() instanceof RadarPlot) {
                    radarPlots++;
                }
            }
        }
        assertThat(droneFixes).isGreaterThan(100);
        assertThat(adsbFixes).isGreaterThan(100);
        assertThat(radarPlots).isGreaterThan(100);
        // heights only on flights: every fix of a ground target or clutter has none
        long withHeight =
                all.stream()
                        .filter(o -> o.measurement() instanceof PositionFix fix && fix.hasHeight())
                        .count();
        assertThat(withHeight).isEqualTo(droneFixes + adsbFixes);
        // only the cooperative flights are heard by ADS-B
        assertThat(all.stream().filter(o -> o.sensorKind() == SensorKind.ADSB))
                .allMatch(
                        o ->
                                sim.lowFlyers().stream()
                                        .anyMatch(
                                                f ->
                                                        f.cooperative()
                                                                && f.icao24()
                                                                        .equals(
                                                                                o.identity()
                                                                                        .icao24())));
    }

    private static List<Observation> of(BorderSimulation sim, SensorKind kind) {
        return sim.observationsBetween(-1, DURATION_S).stream()
                .filter(o -> o.sensorKind() == kind)
                .toList();
    }
}
