package io.cordon.pipeline.detect.crossing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.ParameterSection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BorderCrossingParametersTest {
    private static ParameterSection section(String yaml) {
        return CordonConfig.parse(
                        "reference: {latDeg: 31.3333, lonDeg: -110.6}\ndetectors:\n  borderCrossing: "
                                + yaml
                                + "\n",
                        Path.of("."))
                .detectors()
                .of("borderCrossing");
    }

    @Test
    void theExampleFileGivesTheDefaults() {
        CordonConfig example = CordonConfig.load(Path.of("../../deploy/cordon.yaml"));

        assertThat(BorderCrossingParameters.from(example.detectors().of("borderCrossing")))
                .isEqualTo(BorderCrossingParameters.DEFAULTS);
    }

    @Test
    void anAbsentSectionGivesTheDefaults() {
        assertThat(
                        BorderCrossingParameters.from(
                                ParameterSection.empty("detectors.borderCrossing")))
                .isEqualTo(BorderCrossingParameters.DEFAULTS);
    }

    @Test
    void overridesAreRead() {
        assertThat(
                        BorderCrossingParameters.from(
                                section("{hysteresisM: 80, alertAtPortsOfEntry: true}")))
                .isEqualTo(
                        new BorderCrossingParameters(
                                80,
                                io.cordon.pipeline.alert.Severity.HIGH,
                                true,
                                io.cordon.pipeline.alert.Severity.INFO));
    }

    @Test
    void aMisspeltParameterIsNamed() {
        assertThatThrownBy(() -> BorderCrossingParameters.from(section("{hysteresis: 80}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("detectors.borderCrossing.hysteresis")
                .hasMessageContaining("hysteresisM");
    }

    @Test
    void anInvalidValueIsNamedWithItsPath() {
        assertThatThrownBy(() -> BorderCrossingParameters.from(section("{hysteresisM: -5}")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "detectors.borderCrossing.hysteresisM: found -5.0; allowed: metres in [0, 10000]");
    }
}
