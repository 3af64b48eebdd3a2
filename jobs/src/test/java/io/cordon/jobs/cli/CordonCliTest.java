package io.cordon.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CordonCliTest {
    @TempDir Path tmp;

    private record Run(int exitCode, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = CordonCli.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void everySubcommandExplainsItself() {
        Run top = run("--help");
        assertThat(top.exitCode()).isZero();
        assertThat(top.out()).contains("local");
        Run local = run("local", "--help");
        assertThat(local.exitCode()).isZero();
        assertThat(local.out())
                .contains("--duration", "--config", "--summary-json", "--reuse-data")
                .contains("--checkpoint-interval", "--max-out-of-orderness");
    }

    @Test
    void aBadConfigurationIsRefusedWithKeyValueAndWhatIsAllowed() throws Exception {
        String example = Files.readString(Path.of("..", "deploy", "cordon.yaml"));
        String broken = example.replaceFirst("minSeverity: LOW", "minSeverity: SEVERE");
        assertThat(broken).isNotEqualTo(example);
        Path config = tmp.resolve("cordon.yaml");
        Files.writeString(config, broken);
        Files.createDirectories(tmp.resolve("borders"));
        Files.copy(
                Path.of("..", "deploy", "borders", "us-mexico-sonora.geojson"),
                tmp.resolve("borders/us-mexico-sonora.geojson"));

        Run r =
                run(
                        "local",
                        "--config",
                        config.toString(),
                        "--duration",
                        "1s",
                        "--data-dir",
                        tmp.resolve("data").toString());

        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("partners[1].sharing.minSeverity", "SEVERE", "CRITICAL");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void aBadDurationSaysWhatADurationLooksLike() {
        Run r = run("local", "--duration", "soon");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("'soon' is not a duration", "60s");
    }

    @Test
    void aLocalTimingOutOfRangeNamesTheFlagTheValueAndTheRange() {
        Run r =
                run(
                        "local",
                        "--checkpoint-interval",
                        "5ms",
                        "--data-dir",
                        tmp.resolve("data").toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--checkpoint-interval", "5ms", "10ms to 60s");
        assertThat(tmp.resolve("data")).doesNotExist();
    }

    @Test
    void durationsParseInTheUsualUnits() {
        assertThat(DurationConverter.parse("60s")).isEqualTo(Duration.ofSeconds(60));
        assertThat(DurationConverter.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationConverter.parse("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(DurationConverter.parse("PT2H")).isEqualTo(Duration.ofHours(2));
    }

    @Test
    void benchFusionReadsUncommittedOnlyWhenAsked() {
        Run help = run("bench", "fusion", "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("--sent-latency", "--ramp", "--max-warmup");
        BenchCommand.Fusion off = new BenchCommand.Fusion();
        new picocli.CommandLine(off).parseArgs("--targets", "10");
        assertThat(off.sentLatency).isFalse();
        BenchCommand.Fusion on = new BenchCommand.Fusion();
        new picocli.CommandLine(on).parseArgs("--sent-latency");
        assertThat(on.sentLatency).isTrue();
    }
}
