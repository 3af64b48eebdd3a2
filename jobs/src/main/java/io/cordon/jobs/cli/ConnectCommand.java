package io.cordon.jobs.cli;

import io.cordon.jobs.connect.ConnectorProcess;
import io.cordon.jobs.security.KafkaClientProperties;
import io.cordon.pipeline.config.ConfigException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "connect",
        mixinStandardHelpOptions = true,
        description = {
            "Runs one sensor connector: reads a feed in a real format from UDP, TCP or a file,",
            "publishes cordon.v1.Observation to the observations topic (key: sensor id) and every",
            "record that does not decode to the dead-letter topic with its bytes and the reason (so",
            "does an observation stamped in the future or refused by Kafka).",
            "Publishes the sensors: registry of the configuration to cordon.sensors.v1 on start and",
            "prints feed health every few seconds. See docs/connectors.md."
        })
public final class ConnectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
            names = "--format",
            required = true,
            description = "asterix, asterix-pcap, ais, cot, tak, sapient, misb, geojson or native.")
    String format;

    @Option(names = "--listen", description = "udp://HOST:PORT or tcp://HOST:PORT to listen on.")
    String listen;

    @Option(names = "--connect", description = "tcp://HOST:PORT of a server to read from.")
    String connect;

    @Option(names = "--file", description = "File to read (then the connector ends).")
    Path file;

    @Option(
            names = "--replay",
            defaultValue = "fast",
            description =
                    "fast (as fast as read) or realtime (paced by the records' event times); files only. Default: ${DEFAULT-VALUE}.")
    String replay;

    @Option(names = "--sensor", description = "Sensor id in the registry (sensors: of --config).")
    String sensor;

    @Option(
            names = "--config",
            defaultValue = "deploy/cordon.yaml",
            description = "Configuration file. Default: ${DEFAULT-VALUE}.")
    Path config;

    @Option(
            names = "--bootstrap",
            description =
                    "Kafka bootstrap servers HOST:PORT (default: kafka: of the configuration).")
    String bootstrap;

    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            description =
                    "Stop after this long (60s, 5m, 1h). Default: until the input ends or stopped.")
    Duration duration;

    @Option(
            names = "--metrics-port",
            defaultValue = "-1",
            description =
                    "Serve Prometheus metrics on http://0.0.0.0:PORT/metrics (0: any free port). Default: off.")
    int metricsPort;

    @Option(
            names = "--health-interval",
            converter = DurationConverter.class,
            defaultValue = "5s",
            description = "How often to print feed health. Default: ${DEFAULT-VALUE}.")
    Duration healthInterval;

    @Option(
            names = "--max-connections",
            defaultValue = "64",
            description = "TCP server: connections open at once. Default: ${DEFAULT-VALUE}.")
    int maxConnections;

    @Option(
            names = "--max-future-skew",
            converter = DurationConverter.class,
            defaultValue = "5m",
            description = {
                "An observation stamped further ahead of this machine's clock goes to the dead-letter",
                "topic with its reason (a sensor clock error) instead of being published. Default: ${DEFAULT-VALUE}."
            })
    Duration maxFutureSkew;

    @Option(
            names = "--kafka-properties",
            description =
                    "Kafka client properties file (security settings); default: $CORDON_KAFKA_PROPERTIES.")
    String kafkaProperties;

    @Override
    public Integer call() throws Exception {
        boolean realtime =
                switch (replay) {
                    case "fast" -> false;
                    case "realtime" -> true;
                    default -> throw new ConfigException("--replay", replay, "fast or realtime");
                };
        if (maxConnections < 1) {
            throw new ConfigException("--max-connections", maxConnections, "an integer >= 1");
        }
        if (metricsPort > 65535) {
            throw new ConfigException("--metrics-port", metricsPort, "0..65535, or -1 for none");
        }
        PrintWriter out = spec.commandLine().getOut();
        ConnectorProcess.run(
                new ConnectorProcess.Options(
                        format,
                        listen,
                        connect,
                        file,
                        realtime,
                        sensor,
                        config,
                        bootstrap,
                        duration,
                        metricsPort,
                        healthInterval,
                        KafkaClientProperties.load(kafkaProperties),
                        maxConnections,
                        maxFutureSkew),
                out);
        return 0;
    }
}
