package io.cordon.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SensorEventTimeConfigTest {
    private static final String BASE =
            "reference: {latDeg: 31.3333, lonDeg: -110.6}\n"
                    + "partners: [{id: usa, name: U.S., country: USA}]\n"
                    + "sensors:\n"
                    + "  - id: usa-drone-1\n"
                    + "    partnerId: usa\n"
                    + "    kind: DRONE\n"
                    + "    position: {latDeg: 31.3, lonDeg: -110.6}\n";

    @Test
    void outOfOrdernessAndIdlenessAreOptional() {
        SensorConfig s = CordonConfig.parse(BASE, Path.of(".")).sensors().get(0);
        assertThat(s.hasMaxOutOfOrderness()).isFalse();
        assertThat(s.hasIdleness()).isFalse();
    }

    @Test
    void outOfOrdernessAndIdlenessAreRead() {
        SensorConfig s =
                CordonConfig.parse(
                                BASE + "    maxOutOfOrdernessS: 0.05\n    idlenessS: 30\n",
                                Path.of("."))
                        .sensors()
                        .get(0);
        assertThat(s.maxOutOfOrdernessS()).isEqualTo(0.05);
        assertThat(s.idlenessS()).isEqualTo(30);
    }

    @Test
    void aNegativeOutOfOrdernessIsRefusedWithKeyValueAndWhatIsAllowed() {
        assertThatThrownBy(
                        () ->
                                CordonConfig.parse(
                                        BASE + "    maxOutOfOrdernessS: -1\n", Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("sensors[0].maxOutOfOrdernessS")
                .hasMessageContaining("-1")
                .hasMessageContaining(">= 0");
        assertThatThrownBy(() -> CordonConfig.parse(BASE + "    idlenessS: 0\n", Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("idlenessS")
                .hasMessageContaining("> 0");
        assertThatThrownBy(() -> CordonConfig.parse(BASE + "    idlenessS: soon\n", Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("idlenessS")
                .hasMessageContaining("a finite number");
    }
}
