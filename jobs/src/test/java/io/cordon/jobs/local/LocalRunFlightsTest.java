package io.cordon.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.config.SimulationConfig;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The local demo's flights ({@code simulation.lowFlyers}, {@code simulation.airMeetings}). */
class LocalRunFlightsTest {
    private static final CordonConfig EXAMPLE =
            CordonConfig.load(Path.of("..", "deploy", "cordon.yaml"));
    private static final Instant EPOCH = Instant.parse("2026-11-28T00:00:00Z");

    private static BorderSimulation simulation(List<SensorConfig> sensors) {
        SimulationConfig sim = EXAMPLE.simulation();
        return new BorderSimulation(
                sensors,
                EXAMPLE.reference(),
                EPOCH,
                sim.seed(),
                sim.targets(),
                sim.crossingFraction(),
                600);
    }

    @Test
    void theExampleConfigurationSimulatesItsFlightsAndPairs() {
        SimulationConfig sim = EXAMPLE.simulation();

        BorderSimulation s = LocalRun.withFlights(simulation(EXAMPLE.sensors()), sim, 600);

        assertThat(s.lowFlyers()).hasSize(sim.lowFlyers());
        assertThat(s.airMeetings()).hasSize(sim.airMeetings());
        assertThat(s.targets()).hasSize(sim.targets() + sim.lowFlyers() + 2 * sim.airMeetings());
    }

    @Test
    void noFlightsLeaveTheSimulationAsItWas() {
        SimulationConfig none = SimulationConfig.DEFAULT;
        BorderSimulation plain = simulation(EXAMPLE.sensors());

        assertThat(LocalRun.withFlights(plain, none, 600)).isSameAs(plain);
    }

    @Test
    void flightsWithoutADroneAreAConfigurationErrorNamingTheKey() {
        List<SensorConfig> noDrone =
                EXAMPLE.sensors().stream().filter(c -> c.kind() != SensorKind.DRONE).toList();

        assertThatThrownBy(
                        () -> LocalRun.withFlights(simulation(noDrone), EXAMPLE.simulation(), 600))
                .isInstanceOfSatisfying(
                        ConfigException.class,
                        e -> {
                            assertThat(e.keyPath()).isEqualTo("simulation.lowFlyers");
                            assertThat(e.found()).isEqualTo("2");
                            assertThat(e.allowed()).startsWith("0 unless a drone sensor");
                        });
    }
}
