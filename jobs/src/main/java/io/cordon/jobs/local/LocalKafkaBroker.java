package io.cordon.jobs.local;

import io.cordon.jobs.security.LocalBrokerSecurity;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka broker (combined broker and controller) in a child JVM, started from
 * the Maven-resolved jars on this JVM's class path: {@code kafka.tools.StorageTool format}, then
 * {@code kafka.Kafka}. Data lives under {@code dataDir}; it is wiped on start unless {@code reuse}
 * is set and the directory already holds a formatted log. With {@link LocalBrokerSecurity} the
 * broker takes TLS clients with SASL/SCRAM only and authorises with ACLs (always a fresh log: the
 * super users' credentials are written at format time).
 */
public final class LocalKafkaBroker implements AutoCloseable {
    private final Path dataDir;
    private final int port;
    private final int controllerPort;
    private final LocalBrokerSecurity security;
    private Process process;

    private LocalKafkaBroker(
            Path dataDir, int port, int controllerPort, LocalBrokerSecurity security) {
        this.dataDir = dataDir;
        this.port = port;
        this.controllerPort = controllerPort;
        this.security = security;
    }

    /** Formats (unless reused) and starts the broker, waiting until it answers. */
    public static LocalKafkaBroker start(Path dataDir, int port, boolean reuse, Duration timeout)
            throws IOException, InterruptedException {
        return start(dataDir, port, reuse, timeout, null);
    }

    /** As {@link #start(Path, int, boolean, Duration)}, secured when {@code security} is set. */
    public static LocalKafkaBroker start(
            Path dataDir, int port, boolean reuse, Duration timeout, LocalBrokerSecurity security)
            throws IOException, InterruptedException {
        reuse = reuse && security == null;
        dataDir = dataDir.toAbsolutePath().normalize();
        if (!reuse) {
            deleteRecursively(dataDir);
        }
        Files.createDirectories(dataDir);
        Path portsFile = dataDir.resolve("ports.properties");
        int brokerPort = port;
        int controllerPort;
        Properties remembered = new Properties();
        if (reuse && Files.exists(portsFile)) {
            try (var in = Files.newInputStream(portsFile)) {
                remembered.load(in);
            }
            controllerPort = Integer.parseInt(remembered.getProperty("controller"));
            if (brokerPort == 0) {
                brokerPort = Integer.parseInt(remembered.getProperty("broker"));
            }
        } else {
            controllerPort = freePort();
            if (brokerPort == 0) {
                brokerPort = freePort();
            }
        }
        LocalKafkaBroker broker =
                new LocalKafkaBroker(dataDir, brokerPort, controllerPort, security);
        broker.launch(reuse && Files.exists(dataDir.resolve("logs/meta.properties")), timeout);
        remembered.setProperty("broker", Integer.toString(brokerPort));
        remembered.setProperty("controller", Integer.toString(controllerPort));
        try (var out = Files.newOutputStream(portsFile)) {
            remembered.store(out, "ports of the local broker");
        }
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    public Path logFile() {
        return dataDir.resolve("broker.log");
    }

    private void launch(boolean formatted, Duration timeout)
            throws IOException, InterruptedException {
        Path config = dataDir.resolve("server.properties");
        Files.writeString(config, serverProperties());
        if (!formatted) {
            List<String> args =
                    new ArrayList<>(
                            List.of(
                                    "format",
                                    "-t",
                                    Uuid.randomUuid().toString(),
                                    "-c",
                                    config.toString()));
            if (security != null) {
                args.addAll(security.formatArguments());
            }
            Process format =
                    java("kafka.tools.StorageTool", args.toArray(String[]::new))
                            .redirectOutput(dataDir.resolve("format.log").toFile())
                            .redirectErrorStream(true)
                            .start();
            if (!format.waitFor(60, TimeUnit.SECONDS) || format.exitValue() != 0) {
                throw new IOException(
                        "formatting the Kafka log failed; see " + dataDir.resolve("format.log"));
            }
        }
        process =
                java("kafka.Kafka", config.toString())
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                        .redirectErrorStream(true)
                        .start();
        awaitReady(timeout);
    }

    private String serverProperties() {
        String logs = dataDir.resolve("logs").toString().replace('\\', '/');
        return String.join(
                        "\n",
                        "process.roles=broker,controller",
                        "node.id=1",
                        "controller.quorum.voters=1@localhost:" + controllerPort,
                        "listeners=PLAINTEXT://localhost:"
                                + port
                                + ",CONTROLLER://localhost:"
                                + controllerPort,
                        "advertised.listeners=PLAINTEXT://localhost:" + port,
                        "controller.listener.names=CONTROLLER",
                        "inter.broker.listener.name=PLAINTEXT",
                        "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                        "log.dirs=" + logs,
                        "num.partitions=4",
                        "offsets.topic.replication.factor=1",
                        "transaction.state.log.replication.factor=1",
                        "transaction.state.log.min.isr=1",
                        "share.coordinator.state.topic.replication.factor=1",
                        "share.coordinator.state.topic.min.isr=1",
                        "group.initial.rebalance.delay.ms=0",
                        "auto.create.topics.enable=false",
                        // The simulated scenario runs speed-up times faster than the wall clock,
                        // so its event times (the records' timestamps) run ahead of the broker's
                        // clock: 54 min after 6 min at 10x. Kafka 4 refuses a timestamp more than
                        // an hour ahead by default; the local broker takes any.
                        "log.message.timestamp.after.max.ms=" + Long.MAX_VALUE,
                        "")
                + "\n"
                + securityOverrides();
    }

    /** Later keys win when Kafka reads the file: the secured listeners replace the plain ones. */
    private String securityOverrides() {
        StringBuilder sb = new StringBuilder();
        if (security != null) {
            security.serverProperties(port, controllerPort)
                    .forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        }
        return sb.toString();
    }

    private ProcessBuilder java(String mainClass, String... args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xms256m");
        command.add("-Xmx1g");
        command.add("-XX:+UseG1GC");
        // diagnostics, e.g. -Dcordon.broker.java.options=-Xlog:gc,safepoint:file=broker-gc.log
        String extra = System.getProperty("cordon.broker.java.options", "").trim();
        if (!extra.isEmpty()) {
            command.addAll(List.of(extra.split("\\s+")));
        }
        command.add("-Dlog4j2.level=WARN");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command).directory(dataDir.toFile());
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(
                        "the Kafka broker exited with "
                                + process.exitValue()
                                + "; see "
                                + logFile());
            }
            Map<String, Object> props =
                    new HashMap<>(
                            Map.of(
                                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000));
            if (security != null) {
                props.putAll(security.admin());
            }
            try (Admin admin = Admin.create(props)) {
                admin.describeCluster().nodes().get(3, TimeUnit.SECONDS);
                return;
            } catch (Exception e) {
                last = e;
                Thread.sleep(250);
            }
        }
        close();
        throw new IOException(
                "the Kafka broker did not become ready within " + timeout + "; see " + logFile(),
                last);
    }

    /**
     * CPU time the broker's JVM has used so far (all its threads, user and system), if the platform
     * reports it; empty before the start.
     */
    public Optional<Duration> cpuTime() {
        return process == null ? Optional.empty() : process.toHandle().info().totalCpuDuration();
    }

    @Override
    public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + dir, e);
        }
    }
}
