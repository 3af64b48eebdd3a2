package io.cordon.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.fusion.SensorRegistryPriors;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.tracker.ProcessNoise;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.nio.file.Path;
import java.util.Map;
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

    @Test
    void processNoiseByClassIsReadAndOverridesTheTrackersDefaults() {
        CordonConfig c =
                CordonConfig.parse(
                        REFERENCE
                                + "fusion:\n"
                                + "  processNoise:\n"
                                + "    DRONE: {straightM2PerS3: 0.8, turnM2PerS3: 5}\n"
                                + "    LAND_VEHICLE: {straightM2PerS3: 0.02, turnM2PerS3: 0.7}\n",
                        Path.of("."));
        assertThat(c.fusion().processNoise())
                .containsOnlyKeys(TargetClass.DRONE, TargetClass.LAND_VEHICLE)
                .containsEntry(TargetClass.DRONE, new ProcessNoise(0.8, 5));
        assertThat(c.fusion().tiled()).isFalse();

        TrackerParameters p = SensorRegistryPriors.trackerParameters(c);
        Map<TargetClass, ProcessNoise> expected =
                new java.util.EnumMap<>(TrackerParameters.DEFAULT_CLASS_NOISE);
        expected.put(TargetClass.DRONE, new ProcessNoise(0.8, 5));
        expected.put(TargetClass.LAND_VEHICLE, new ProcessNoise(0.02, 0.7));
        assertThat(p.classNoise()).isEqualTo(expected);
        assertThat(
                        SensorRegistryPriors.trackerParameters(
                                        CordonConfig.parse(REFERENCE, Path.of(".")))
                                .classNoise())
                .isEqualTo(TrackerParameters.DEFAULT_CLASS_NOISE);
    }

    @Test
    void badProcessNoiseIsRefusedWithTheKeyPathTheValueAndWhatIsAllowed() {
        assertRefused(
                "    SUBMARINE: {straightM2PerS3: 1, turnM2PerS3: 1}\n",
                "fusion.processNoise.SUBMARINE",
                "PERSON, LAND_VEHICLE, VESSEL, AIRCRAFT, DRONE, ANIMAL");
        assertRefused(
                "    UNKNOWN: {straightM2PerS3: 1, turnM2PerS3: 1}\n",
                "fusion.processNoise.UNKNOWN",
                "only the keys PERSON");
        assertRefused(
                "    DRONE: {straightM2PerS3: 0, turnM2PerS3: 1}\n",
                "fusion.processNoise.DRONE.straightM2PerS3: found 0.0",
                "a finite number > 0");
        assertRefused(
                "    DRONE: {straightM2PerS3: 1}\n",
                "fusion.processNoise.DRONE.turnM2PerS3",
                "a finite number > 0");
        assertRefused(
                "    DRONE: {straightM2PerS3: 1, turnM2PerS3: fast}\n",
                "fusion.processNoise.DRONE.turnM2PerS3: found",
                "a finite number");
        assertRefused(
                "    DRONE: {straight: 1, turnM2PerS3: 1}\n",
                "fusion.processNoise.DRONE.straight",
                "only the keys straightM2PerS3, turnM2PerS3");
    }

    private static void assertRefused(String entry, String where, String allowed) {
        assertThatThrownBy(
                        () ->
                                CordonConfig.parse(
                                        REFERENCE + "fusion:\n  processNoise:\n" + entry,
                                        Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(where)
                .hasMessageContaining(allowed);
    }
}
