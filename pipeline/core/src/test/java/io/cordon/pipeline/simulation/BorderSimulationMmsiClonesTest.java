package io.cordon.pipeline.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.SensorKind;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** MMSI clones added to the border simulation (opt-in) and their truth. */
class BorderSimulationMmsiClonesTest {
    private static final CordonConfig CONFIG =
            CordonConfig.load(Path.of("../../deploy/cordon.yaml"));
    private static final Instant EPOCH = Instant.parse("2026-03-01T10:00:00Z");
    private static final double DURATION_S = 1200;

    private static BorderSimulation base() {
        return new BorderSimulation(
                CONFIG.sensors(), CONFIG.reference(), EPOCH, 3, 60, 0.25, DURATION_S);
    }

    @Test
    void clonesAreAppended_theTargetsAndTheirAisReportsStayAsTheyWere() {
        BorderSimulation base = base();
        BorderSimulation cloned = base.withMmsiClones(3, 2, DURATION_S);
        assertThat(cloned.targets()).hasSize(base.targets().size() + 5);
        assertThat(cloned.targets().subList(0, base.targets().size())).isEqualTo(base.targets());
        assertThat(cloned.switchOffs()).isEqualTo(base.switchOffs());
        List<Observation> before = ais(base);
        List<Observation> after = ais(cloned);
        assertThat(after).containsAll(before);
        assertThat(after.size()).isGreaterThan(before.size());
        Set<String> ids = new HashSet<>();
        for (Observation o : cloned.observationsBetween(-1, DURATION_S)) {
            assertThat(ids.add(o.observationId())).as("unique id " + o.observationId()).isTrue();
        }
        // the same seed, the same clones
        assertThat(base().withMmsiClones(3, 2, DURATION_S).targets()).isEqualTo(cloned.targets());
    }

    @Test
    void truthNamesEachCloneItsCarrierAndTheirSeparation() {
        BorderSimulation sim = base().withMmsiClones(3, 2, DURATION_S);
        List<MmsiClone> clones = sim.mmsiClones();
        assertThat(clones).hasSize(5);
        assertThat(clones.stream().filter(MmsiClone::near)).hasSize(2);
        assertThat(clones.stream().map(MmsiClone::mmsi).distinct()).hasSize(5);
        for (MmsiClone c : clones) {
            SimulatedTarget clone = sim.targets().get(c.cloneIndex());
            SimulatedTarget carrier = sim.targets().get(c.carrierIndex());
            assertThat(clone.ais().mmsiDigits()).isEqualTo(c.mmsi());
            assertThat(carrier.ais().mmsiDigits()).isEqualTo(c.mmsi());
            assertThat(carrier.ais().goesSilent()).isFalse();
            assertThat(c.firstTransmissionS()).isBetween(c.bornS(), c.bornS() + 31);
            if (c.near()) {
                assertThat(c.separationM()).isLessThanOrEqualTo(800);
            } else {
                assertThat(c.separationM()).isBetween(5_000.0, 15_000.0);
            }
            // both transmit at once: reports of the MMSI from both places
            List<Observation> reports =
                    ais(sim).stream().filter(o -> o.identity().mmsi().equals(c.mmsi())).toList();
            assertThat(reports).anyMatch(o -> o.observationId().endsWith(clone.id()));
            assertThat(reports).anyMatch(o -> o.observationId().endsWith(c.mmsi()));
        }
        assertThatThrownBy(() -> base().withMmsiClones(1000, 0, DURATION_S))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1000 asked for");
        assertThat(base().withMmsiClones(0, 0, DURATION_S).mmsiClones()).isEmpty();
    }

    private static List<Observation> ais(BorderSimulation sim) {
        return sim.observationsBetween(-1, DURATION_S).stream()
                .filter(o -> o.sensorKind() == SensorKind.AIS)
                .toList();
    }
}
