package io.cordon.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.detect.crossing.BorderCrossingDetector;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DetectorSettingsNamesTest {
    @Test
    void aDetectorFindsItsSectionByItsAlertNameAsWellAsByItsYamlKey() {
        CordonConfig example = CordonConfig.load(Path.of("..", "..", "deploy", "cordon.yaml"));
        ParameterSection byName = example.detectors().of(BorderCrossingDetector.NAME);
        ParameterSection byKey = example.detectors().of("borderCrossing");
        assertThat(byName.path()).isEqualTo(byKey.path()).isEqualTo("detectors.borderCrossing");
        // the example overrides hysteresisM: the section found by name must carry it
        assertThat(byName.number("hysteresisM", -1))
                .isEqualTo(byKey.number("hysteresisM", -1))
                .isNotEqualTo(-1);
    }

    @Test
    void kebabNamesBecomeCamelCaseKeys() {
        assertThat(DetectorSettings.camelCase("border-crossing")).isEqualTo("borderCrossing");
        assertThat(DetectorSettings.camelCase("dark-target")).isEqualTo("darkTarget");
        assertThat(DetectorSettings.camelCase("loitering")).isEqualTo("loitering");
    }
}
