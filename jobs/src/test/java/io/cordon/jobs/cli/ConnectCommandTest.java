package io.cordon.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.config.ConfigException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code cordon connect} refuses bad command lines before touching Kafka, naming what is wrong. */
class ConnectCommandTest {
    @TempDir Path dir;

    private Exception failure(String... args) throws Exception {
        Path config = dir.resolve("cordon.yaml");
        Files.writeString(
                config,
                "reference: {latDeg: 45, lonDeg: 15}\n"
                        + "kafka: {bootstrapServers: 127.0.0.1:1}\n");
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config.toString()));
        Exception[] failure = new Exception[1];
        CommandLine cli = new CommandLine(new ConnectCommand());
        cli.setOut(new PrintWriter(new StringWriter(), true));
        cli.setErr(new PrintWriter(new StringWriter(), true));
        cli.setExecutionExceptionHandler(
                (e, c, p) -> {
                    failure[0] = e;
                    return 2;
                });
        assertThat(cli.execute(all.toArray(String[]::new))).isEqualTo(2);
        return failure[0];
    }

    @Test
    void badCommandLinesNameKeyValueAndWhatIsAllowed() throws Exception {
        assertThat(failure("--format", "nmea", "--file", "x"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("--format")
                .hasMessageContaining("nmea")
                .hasMessageContaining("ais");
        assertThat(failure("--format", "ais", "--file", "x", "--replay", "slow"))
                .hasMessageContaining("--replay")
                .hasMessageContaining("slow")
                .hasMessageContaining("realtime");
        assertThat(failure("--format", "ais", "--listen", "udp://h:1", "--replay", "realtime"))
                .hasMessageContaining("--replay")
                .hasMessageContaining("only with --file");
        assertThat(failure("--format", "ais", "--listen", "serial:/dev/ttyS0"))
                .hasMessageContaining("--listen")
                .hasMessageContaining("serial:/dev/ttyS0")
                .hasMessageContaining("udp://HOST:PORT");
        assertThat(failure("--format", "ais")).hasMessageContaining("exactly one of --listen");
        assertThat(failure("--format", "ais", "--file", "a", "--listen", "udp://h:1"))
                .hasMessageContaining("2 given");
        assertThat(failure("--format", "misb", "--listen", "tcp://0.0.0.0:9000"))
                .hasMessageContaining("--format")
                .hasMessageContaining("over tcp")
                .hasMessageContaining("sapient");
        assertThat(failure("--format", "asterix-pcap", "--listen", "udp://0.0.0.0:9000"))
                .hasMessageContaining("over udp");
        assertThat(failure("--format", "ais", "--connect", "udp://h:1"))
                .hasMessageContaining("--connect")
                .hasMessageContaining("tcp://HOST:PORT");
        assertThat(failure("--format", "ais", "--file", "x", "--sensor", "ghost"))
                .hasMessageContaining("--sensor")
                .hasMessageContaining("ghost");
    }
}
