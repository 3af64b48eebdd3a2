package io.cordon.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class FusionConfigTest {
    private static final String REFERENCE = "reference: {latDeg: 31.3333, lonDeg: -110.6}\n";

    @Test
    void withoutAFusionSectionFusionRunsInOnePartition() {
        CordonConfig c = CordonConfig.parse(REFERENCE, Path.of("."));
        assertThat(c.fusion()).isEqualTo(FusionConfig.SINGLE);
        assertThat(c.fusion().tiled()).isFalse();
    }

    @Test
    void tilesAndHalosAreRead() {
        CordonConfig c =
                CordonConfig.parse(
                        REFERENCE + "fusion: {tileSizeM: 20000, haloM: 3000}\n", Path.of("."));
        assertThat(c.fusion()).isEqualTo(new FusionConfig(20000, 3000));
        assertThat(c.fusion().tiled()).isTrue();
    }

    @Test
    void aHaloTooWideForItsTilesIsRefusedWithTheKeyPath() {
        assertThatThrownBy(
                        () ->
                                CordonConfig.parse(
                                        REFERENCE + "fusion: {tileSizeM: 6000, haloM: 3000}\n",
                                        Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fusion.haloM")
                .hasMessageContaining("(0, tileSizeM / 3)");
        assertThatThrownBy(
                        () ->
                                CordonConfig.parse(
                                        REFERENCE + "fusion: {tileSizeM: 20000, halo: 3000}\n",
                                        Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("fusion.halo");
    }
}
