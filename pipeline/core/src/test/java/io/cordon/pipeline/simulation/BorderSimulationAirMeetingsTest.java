package io.cordon.pipeline.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** Air meeting pairs added to the border simulation (opt-in), their truth and the drones' fixes. */
class BorderSimulationAirMeetingsTest {
    private static final CordonConfig CONFIG =
            CordonConfig.load(Path.of("../../deploy/cordon.yaml"));
    private static final Instant EPOCH = Instant.parse("2026-03-01T10:00:00Z");
    private static final double DURATION_S = 1200;
    private static final LocalTangentPlane PLANE = new LocalTangentPlane(CONFIG.reference());

    private static BorderSimulation base() {
        return new BorderSimulation(
                CONFIG.sensors(), CONFIG.reference(), EPOCH, 5, 60, 0.25, DURATION_S);
    }

    @Test
    void pairsAreAppended_theTargetsAndTruthBeforeStayAsTheyWere() {
        BorderSimulation before = base().withMmsiClones(2, 1, DURATION_S);
        BorderSimulation sim = before.withAirMeetings(3, 2, DURATION_S);
        assertThat(sim.targets().subList(0, before.targets().size())).isEqualTo(before.targets());
        assertThat(sim.targets()).hasSize(before.targets().size() + 2 * (3 + 4 * 2));
        assertThat(sim.switchOffs()).isEqualTo(before.switchOffs());
        assertThat(sim.mmsiClones()).isEqualTo(before.mmsiClones());
        assertThat(before.airMeetings()).isEmpty();
        // the same seed, the same pairs
        assertThat(before.withAirMeetings(3, 2, DURATION_S).airMeetings())
                .isEqualTo(sim.airMeetings());
    }

    @Test
    void truthLabelsEachPair_asItsKindSays_insideADroneFootprint() {
        BorderSimulation sim = base().withAirMeetings(4, 3, DURATION_S);
        double ground = CONFIG.reference().altM();
        List<SensorConfig> drones =
                CONFIG.sensors().stream().filter(s -> s.kind() == SensorKind.DRONE).toList();
        Map<AirMeeting.Kind, Integer> count = new EnumMap<>(AirMeeting.Kind.class);
        for (AirMeeting m : sim.airMeetings()) {
            count.merge(m.kind(), 1, Integer::sum);
            SimulatedTarget a = sim.targets().get(m.firstIndex());
            SimulatedTarget b = sim.targets().get(m.secondIndex());
            assertThat(a.id()).isEqualTo(m.id() + "-a");
            assertThat(b.id()).isEqualTo(m.id() + "-b");
            for (SimulatedTarget t : List.of(a, b)) {
                assertThat(t.targetClass()).isIn(TargetClass.DRONE, TargetClass.AIRCRAFT);
                assertThat(t.cooperative()).isFalse();
                assertThat(t.bornS()).isEqualTo(m.startS());
                assertThat(t.diesS()).isEqualTo(m.endS());
                assertThat(t.speedMps()).isCloseTo(m.speedMps(), Offset.offset(1e-9));
            }
            assertThat(m.endS()).isLessThanOrEqualTo(DURATION_S);
            for (double tS = m.startS(); tS <= m.endS(); tS += 10) {
                double apart =
                        Math.hypot(a.eastAt(tS) - b.eastAt(tS), a.northAt(tS) - b.northAt(tS));
                assertThat(apart).isCloseTo(m.separationM(), Offset.offset(1e-6));
                // both members inside one drone's footprint all the time
                final double at = tS;
                assertThat(drones)
                        .anyMatch(
                                d -> {
                                    EnuPoint c = PLANE.toEnu(d.position());
                                    return Math.hypot(
                                                            a.eastAt(at) - c.eastM(),
                                                            a.northAt(at) - c.northM())
                                                    < d.rangeM()
                                            && Math.hypot(
                                                            b.eastAt(at) - c.eastM(),
                                                            b.northAt(at) - c.northM())
                                                    < d.rangeM();
                                });
            }
            double low = Math.min(m.firstHeightM(), m.secondHeightM()) - ground;
            assertThat(low).isGreaterThanOrEqualTo(BorderSimulation.AIR_MEETING_MIN_HEIGHT_M);
            switch (m.kind()) {
                case MEETING -> {
                    assertThat(m.separationM()).isBetween(60.0, 250.0);
                    assertThat(m.heightDifferenceM()).isLessThanOrEqualTo(40);
                    assertThat(m.speedMps()).isLessThanOrEqualTo(3);
                    assertThat(m.endS() - m.startS()).isGreaterThanOrEqualTo(180);
                }
                case APART -> assertThat(m.separationM()).isGreaterThanOrEqualTo(650);
                case HEIGHT_APART -> assertThat(m.heightDifferenceM()).isGreaterThanOrEqualTo(200);
                case BRIEF -> assertThat(m.endS() - m.startS()).isLessThan(40.0 + 1e-9);
                case PASSING -> assertThat(m.speedMps()).isGreaterThanOrEqualTo(15);
            }
            assertThat(m.kind().shouldAlert()).isEqualTo(m.kind() == AirMeeting.Kind.MEETING);
        }
        assertThat(count)
                .containsEntry(AirMeeting.Kind.MEETING, 4)
                .containsEntry(AirMeeting.Kind.APART, 3)
                .containsEntry(AirMeeting.Kind.HEIGHT_APART, 3)
                .containsEntry(AirMeeting.Kind.BRIEF, 3)
                .containsEntry(AirMeeting.Kind.PASSING, 3);
        // pairs alive at about the same time are far apart: members of two pairs never meet
        List<AirMeeting> pairs = sim.airMeetings();
        for (int i = 0; i < pairs.size(); i++) {
            for (int j = i + 1; j < pairs.size(); j++) {
                for (int x : new int[] {pairs.get(i).firstIndex(), pairs.get(i).secondIndex()}) {
                    for (int y :
                            new int[] {pairs.get(j).firstIndex(), pairs.get(j).secondIndex()}) {
                        SimulatedTarget p = sim.targets().get(x);
                        SimulatedTarget q = sim.targets().get(y);
                        for (double tS = 0; tS <= DURATION_S; tS += 5) {
                            if (p.aliveAt(tS) && q.aliveAt(tS)) {
                                assertThat(
                                                Math.hypot(
                                                        p.eastAt(tS) - q.eastAt(tS),
                                                        p.northAt(tS) - q.northAt(tS)))
                                        .isGreaterThan(1_000);
                            }
                        }
                    }
                }
            }
        }
    }

    @Test
    void onlyDronesReportHeights_eachOfAMember_withItsClass() {
        BorderSimulation sim = base().withAirMeetings(2, 1, DURATION_S);
        List<Observation> all = sim.observationsBetween(-1, DURATION_S);
        int fixes = 0;
        for (Observation o : all) {
            if (!(o.measurement() instanceof PositionFix fix) || !fix.hasHeight()) {
                continue;
            }
            assertThat(o.sensorKind()).isEqualTo(SensorKind.DRONE);
            double tS = Duration.between(EPOCH, o.eventTime()).toNanos() * 1e-9;
            EnuPoint p = PLANE.toEnu(fix.position());
            // the nearest member alive: the one this fix is of
            SimulatedTarget nearest = null;
            double height = Double.NaN;
            double best = Double.MAX_VALUE;
            for (AirMeeting m : sim.airMeetings()) {
                for (int index : new int[] {m.firstIndex(), m.secondIndex()}) {
                    SimulatedTarget t = sim.targets().get(index);
                    double d = Math.hypot(p.eastM() - t.eastAt(tS), p.northM() - t.northAt(tS));
                    if (t.aliveAt(tS) && d < best) {
                        best = d;
                        nearest = t;
                        height = index == m.firstIndex() ? m.firstHeightM() : m.secondHeightM();
                    }
                }
            }
            assertThat(nearest).as(o.observationId()).isNotNull();
            assertThat(best).as(o.observationId()).isLessThan(6 * 10);
            assertThat(fix.position().altM()).isCloseTo(height, Offset.offset(6 * 25.0));
            assertThat(o.classification().targetClass()).isEqualTo(nearest.targetClass());
            assertThat(fix.sigmaAltM()).isEqualTo(BorderSimulation.DRONE_SIGMA_HEIGHT_M);
            assertThat(o.identity().isEmpty()).isTrue();
            fixes++;
        }
        // 12 members, a fix every 2 s at Pd 0.9 for 25 s or more each, most for minutes
        assertThat(fixes).isGreaterThan(12 * 20);
        assertThat(all).noneMatch(o -> o.sensorKind() == SensorKind.ADSB);
    }

    @Test
    void negativeCountsAndNoDroneAreRefused() {
        assertThatThrownBy(() -> base().withAirMeetings(-1, 0, DURATION_S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("air meeting counts must be >= 0, were -1 and 0");
        List<SensorConfig> noDrone =
                CONFIG.sensors().stream().filter(s -> s.kind() != SensorKind.DRONE).toList();
        BorderSimulation blind =
                new BorderSimulation(noDrone, CONFIG.reference(), EPOCH, 5, 10, 0.25, DURATION_S);
        assertThatThrownBy(() -> blind.withAirMeetings(1, 0, DURATION_S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no DRONE sensor");
        assertThat(blind.withAirMeetings(0, 0, DURATION_S).targets()).isEqualTo(blind.targets());
    }
}
