package io.cordon.pipeline.detect.dark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.ParameterSection;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CooperativeSilenceParametersTest {
    private static ParameterSection section(String yaml) {
        return CordonConfig.parse(
                        "reference: {latDeg: 31.3, lonDeg: -110.6}\ndetectors:\n"
                                + "  cooperativeSilence: "
                                + yaml
                                + "\n",
                        Path.of("."))
                .detectors()
                .of(CooperativeSilenceDetector.NAME);
    }

    @Test
    void theExampleConfigurationSpellsOutTheDefaults() {
        ParameterSection example =
                CordonConfig.load(Path.of("../../deploy/cordon.yaml"))
                        .detectors()
                        .of("cooperativeSilence");

        assertThat(example.path()).isEqualTo("detectors.cooperativeSilence");
        assertThat(CooperativeSilenceParameters.from(example))
                .isEqualTo(CooperativeSilenceParameters.DEFAULTS);
    }

    @Test
    void overridesAreRead() {
        CooperativeSilenceParameters p =
                CooperativeSilenceParameters.from(
                        section("{aisSilenceS: 600, neverCooperativeS: 900, severity: HIGH}"));

        assertThat(p.aisSilenceS()).isEqualTo(600);
        assertThat(p.neverCooperativeS()).isEqualTo(900);
        assertThat(p.adsbSilenceS())
                .isEqualTo(CooperativeSilenceParameters.DEFAULTS.adsbSilenceS());
        assertThat(p.severity().name()).isEqualTo("HIGH");
    }

    @Test
    void errorsNameTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> CooperativeSilenceParameters.from(section("{silenceS: 60}")))
                .hasMessageContaining("detectors.cooperativeSilence.silenceS");
        assertThatThrownBy(() -> CooperativeSilenceParameters.from(section("{aisSilenceS: 0}")))
                .hasMessage(
                        "detectors.cooperativeSilence.aisSilenceS: found 0.0; allowed: a finite"
                                + " number of seconds > 0");
        assertThatThrownBy(
                        () -> CooperativeSilenceParameters.from(section("{neverCooperativeS: -5}")))
                .hasMessage(
                        "detectors.cooperativeSilence.neverCooperativeS: found -5.0; allowed: a"
                                + " finite number of seconds >= 0 (0 = off)");
    }
}
