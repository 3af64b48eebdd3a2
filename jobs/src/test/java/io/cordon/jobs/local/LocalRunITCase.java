package io.cordon.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code ./cordon local} does, end to end: a broker in its own JVM, the jobs on a mini
 * cluster, the simulator, progress lines, and a summary with observations, tracks and alerts for
 * every partner of the example configuration.
 */
class LocalRunITCase {
    @TempDir Path tmp;

    @Test
    void theLocalRunProducesObservationsTracksAndAlertsForEveryPartner() throws Exception {
        Path summary = tmp.resolve("summary.json");
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LocalRun run =
                new LocalRun(
                        new LocalRun.Options(
                                Path.of("..", "deploy", "cordon.yaml"),
                                Duration.ofSeconds(40),
                                tmp.resolve("data"),
                                false,
                                summary,
                                20.0),
                        new PrintStream(console, true, StandardCharsets.UTF_8));

        ProgressMonitor.Snapshot last = run.run();

        String printed = console.toString(StandardCharsets.UTF_8);
        assertThat(printed)
                .contains(
                        "Kafka ready at",
                        "submitted cordon-fusion",
                        "obs/s",
                        "live tracks",
                        "per partner:");
        assertThat(last.observations()).isPositive();
        assertThat(last.trackUpdates()).isPositive();
        assertThat(last.alertsByPartner()).containsOnlyKeys("usa", "mex", "can");
        assertThat(last.alertsByPartner().values()).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(last.deadLetters()).as("the simulator's malformed records").isPositive();
        assertThat(Files.readString(summary))
                .contains("\"observations\": " + last.observations(), "\"alerts_by_partner\"");
        assertThat(tmp.resolve("data/kafka/broker.log")).exists();
    }
}
