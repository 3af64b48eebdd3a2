package io.cordon.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.jobs.CordonJobs;
import io.cordon.jobs.JobRuntime;
import io.cordon.jobs.kafka.KafkaIo;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * The {@code cordon local} timing options: parsed and checked on the command line, and carried
 * through {@link LocalRun.Options} into the jobs the local run builds.
 */
class LocalJobTimingTest {
    /** A command that takes the options as {@code cordon local} does. */
    @Command(name = "local")
    static final class Cmd implements Callable<Integer> {
        @Mixin LocalJobTiming timing;

        @Override
        public Integer call() {
            return 0;
        }
    }

    private record Parsed(int exitCode, String err, LocalJobTiming timing) {}

    private static Parsed parse(String... args) {
        Cmd cmd = new Cmd();
        CommandLine cli = new CommandLine(cmd);
        StringWriter err = new StringWriter();
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Parsed(code, err.toString(), cmd.timing);
    }

    private static LocalRun.Options options(LocalJobTiming timing) {
        return new LocalRun.Options(
                Path.of("..", "deploy", "cordon.yaml"),
                Duration.ofSeconds(60),
                Path.of("data"),
                false,
                null,
                null,
                false,
                timing);
    }

    @Test
    void withoutTheFlagsTheJobsKeepTheirTwoSeconds() {
        Parsed p = parse();
        assertThat(p.exitCode()).isZero();
        JobRuntime runtime = LocalRun.jobRuntime(options(p.timing()), "");
        assertThat(runtime.checkpointInterval()).isEqualTo(Duration.ofSeconds(2));
        assertThat(runtime.maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void theFlagsReachTheJobs() throws Exception {
        Parsed p = parse("--checkpoint-interval", "500ms", "--max-out-of-orderness", "0s");
        assertThat(p.exitCode()).as(p.err()).isZero();

        JobRuntime runtime = LocalRun.jobRuntime(options(p.timing()), "");
        assertThat(runtime.checkpointInterval()).isEqualTo(Duration.ofMillis(500));
        assertThat(runtime.maxOutOfOrderness()).isEqualTo(Duration.ZERO);
        // the fusion job built from it checkpoints at that interval
        StreamGraph fusion =
                new CordonJobs(
                                CordonJobs.readConfigText(Path.of("..", "deploy", "cordon.yaml")),
                                new KafkaIo("localhost:9"),
                                runtime)
                        .fusion();
        assertThat(fusion.getCheckpointConfig().getCheckpointInterval()).isEqualTo(500);
    }

    @Test
    void aCheckpointIntervalOutOfRangeIsRefusedWithFlagValueAndRange() {
        for (String bad : new String[] {"5ms", "2m"}) {
            Parsed p = parse("--checkpoint-interval", bad);
            assertThat(p.exitCode()).isEqualTo(2);
            assertThat(p.err()).contains("--checkpoint-interval", "'" + bad + "'", "10ms to 60s");
        }
    }

    @Test
    void anOutOfOrdernessOutOfRangeIsRefusedWithFlagValueAndRange() {
        Parsed p = parse("--max-out-of-orderness", "90s");
        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.err()).contains("--max-out-of-orderness", "'90s'", "0s to 60s");
        Parsed negative = parse("--max-out-of-orderness", "PT-1S");
        assertThat(negative.exitCode()).isEqualTo(2);
        assertThat(negative.err()).contains("--max-out-of-orderness", "'PT-1S'", "0s to 60s");
    }

    @Test
    void somethingThatIsNotADurationSaysWhatOneLooksLike() {
        Parsed p = parse("--checkpoint-interval", "often");
        assertThat(p.exitCode()).isEqualTo(2);
        assertThat(p.err()).contains("--checkpoint-interval", "'often' is not a duration", "60s");
    }

    @Test
    void optionsBuiltInCodeAreCheckedToo() {
        assertThatThrownBy(
                        () ->
                                new LocalRun.Options(
                                        Path.of("cordon.yaml"),
                                        Duration.ofSeconds(60),
                                        Path.of("data"),
                                        false,
                                        null,
                                        null,
                                        false,
                                        Duration.ofMillis(1),
                                        Duration.ofSeconds(2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--checkpoint-interval")
                .hasMessageContaining("PT0.001S")
                .hasMessageContaining("10ms to 60s");
    }
}
