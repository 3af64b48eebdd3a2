package io.cordon.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.flink.ConfigText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code cordon bench fusion --tile-size-m}: the configuration the tiled benchmark runs. */
class FusionBenchmarkConfigTest {
    static final Path EXAMPLE = Path.of("../deploy/cordon.yaml");

    static FusionBenchmark.Options options(Path config, double tileSizeM, double haloM) {
        return new FusionBenchmark.Options(
                config,
                1000,
                20000,
                Duration.ofSeconds(30),
                1,
                Duration.ofSeconds(1),
                Duration.ofMillis(200),
                Path.of("target/bench"),
                tileSizeM,
                haloM,
                null,
                Duration.ofSeconds(60),
                Duration.ZERO,
                false);
    }

    @Test
    void withoutTilesTheConfigurationIsUsedAsItIs() {
        ConfigText text = FusionBenchmark.configText(options(EXAMPLE, 0, 0));
        assertThat(text.parse().fusion().tiled()).isFalse();
    }

    @Test
    void tileSizeAddsAFusionSectionAndKeepsEverythingElse() {
        ConfigText text = FusionBenchmark.configText(options(EXAMPLE, 20_000, 3_000));
        CordonConfig tiled = text.parse();
        CordonConfig plain = FusionBenchmark.configText(options(EXAMPLE, 0, 0)).parse();

        assertThat(tiled.fusion().tiled()).isTrue();
        assertThat(tiled.fusion().tileSizeM()).isEqualTo(20_000);
        assertThat(tiled.fusion().haloM()).isEqualTo(3_000);
        assertThat(tiled.topics()).isEqualTo(plain.topics());
        assertThat(tiled.reference()).isEqualTo(plain.reference());
        // relative paths (the borders file) still resolve against the configuration's directory
        assertThat(tiled.borders().file()).isEqualTo(plain.borders().file());
    }

    @Test
    void aHaloOutOfRangeIsRefusedNamingTheKey() {
        assertThatThrownBy(() -> FusionBenchmark.configText(options(EXAMPLE, 9_000, 3_000)))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("haloM");
    }

    @Test
    void aConfigurationWithItsOwnFusionSectionIsNotOverridden(@TempDir Path dir) throws Exception {
        Path config = dir.resolve("cordon.yaml");
        Files.writeString(
                config,
                Files.readString(EXAMPLE) + "\nfusion:\n  tileSizeM: 30000\n  haloM: 4000\n");
        assertThatThrownBy(() -> FusionBenchmark.configText(options(config, 20_000, 3_000)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--tile-size-m")
                .hasMessageContaining("already has a fusion: section");
    }

    @Test
    void theRampRisesFromATenthToTheFullRateAndStaysThere() {
        long ramp = Duration.ofSeconds(30).toNanos();
        assertThat(FusionBenchmark.rampFactor(0, ramp)).isEqualTo(0.1);
        assertThat(FusionBenchmark.rampFactor(ramp / 2, ramp)).isCloseTo(0.55, within(1e-12));
        assertThat(FusionBenchmark.rampFactor(ramp, ramp)).isEqualTo(1.0);
        assertThat(FusionBenchmark.rampFactor(2 * ramp, ramp)).isEqualTo(1.0);
        assertThat(FusionBenchmark.rampFactor(-5, ramp)).isEqualTo(0.1);
        assertThat(FusionBenchmark.rampFactor(0, 0)).isEqualTo(1.0);
        double previous = 0;
        for (long t = 0; t <= ramp; t += ramp / 97) {
            double f = FusionBenchmark.rampFactor(t, ramp);
            assertThat(f).isGreaterThan(previous).isBetween(0.1, 1.0);
            previous = f;
        }
    }

    @Test
    void aRampLongerThanTheWarmUpOrNegativeIsRefusedNamingTheOptions() {
        assertThatThrownBy(() -> withWarmup(Duration.ofSeconds(20), Duration.ofSeconds(30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--max-warmup: PT20S")
                .hasMessageContaining("--ramp PT30S")
                .hasMessageContaining("at least the ramp");
        assertThatThrownBy(() -> withWarmup(Duration.ofSeconds(20), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--ramp: PT-1S");
        assertThat(withWarmup(Duration.ofSeconds(30), Duration.ofSeconds(30)).ramp())
                .isEqualTo(Duration.ofSeconds(30));
    }

    private static FusionBenchmark.Options withWarmup(Duration maxWarmup, Duration ramp) {
        return new FusionBenchmark.Options(
                EXAMPLE,
                1000,
                20000,
                Duration.ofSeconds(30),
                1,
                Duration.ofSeconds(1),
                Duration.ZERO,
                Path.of("target/bench"),
                0,
                0,
                null,
                maxWarmup,
                ramp,
                false);
    }
}
