package io.cordon.jobs.connect;

import io.cordon.connectors.runtime.Connector;
import io.cordon.connectors.runtime.FeedFormat;
import io.cordon.connectors.runtime.FeedHealth;
import io.cordon.connectors.transport.Endpoint;
import io.cordon.connectors.transport.FileSource;
import io.cordon.connectors.transport.TcpClient;
import io.cordon.connectors.transport.TcpServer;
import io.cordon.connectors.transport.Transport;
import io.cordon.connectors.transport.UdpListener;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * One connector as its own process: publishes the sensor registry, then reads the transport,
 * publishes observations and dead letters, prints feed health every {@code healthInterval} and
 * serves it on {@code /metrics}, until the input ends (files), {@code duration} passes or the
 * process is stopped.
 */
public final class ConnectorProcess {
    /** Formats a TCP byte stream can carry (the others need whole files or datagrams). */
    static final Set<FeedFormat> TCP_FORMATS =
            EnumSet.of(
                    FeedFormat.ASTERIX,
                    FeedFormat.AIS,
                    FeedFormat.COT,
                    FeedFormat.TAK,
                    FeedFormat.SAPIENT,
                    FeedFormat.NATIVE);

    /** Everything but a capture file can come as UDP datagrams. */
    static final Set<FeedFormat> UDP_FORMATS =
            EnumSet.complementOf(EnumSet.of(FeedFormat.ASTERIX_PCAP));

    /**
     * @param listen {@code udp://HOST:PORT} or {@code tcp://HOST:PORT} to listen on, or null
     * @param connect {@code tcp://HOST:PORT} to connect to, or null
     * @param file file to read, or null (exactly one of listen, connect, file)
     * @param realtime replay a file paced by event time
     * @param bootstrap Kafka bootstrap servers, or null for the configuration's
     * @param duration stop after this long, or null to run until the input ends or the process is
     *     stopped
     * @param metricsPort port for {@code /metrics}, 0 for any free port, negative for none
     * @param maxFutureSkew an observation whose event time is further ahead of the connector's
     *     clock is dead-lettered ({@link KafkaFeedSink})
     */
    public record Options(
            String format,
            String listen,
            String connect,
            Path file,
            boolean realtime,
            String sensor,
            Path config,
            String bootstrap,
            Duration duration,
            int metricsPort,
            Duration healthInterval,
            Properties kafka,
            int maxConnections,
            Duration maxFutureSkew) {
        public Options {
            maxFutureSkew =
                    maxFutureSkew == null ? KafkaFeedSink.DEFAULT_MAX_FUTURE_SKEW : maxFutureSkew;
            if (maxFutureSkew.isNegative()) {
                throw new ConfigException(
                        "--max-future-skew", maxFutureSkew, "a duration >= 0 (60s, 5m)");
            }
        }
    }

    private ConnectorProcess() {}

    /** Runs the connector; returns the health at the end. */
    public static FeedHealth run(Options o, PrintWriter out) throws Exception {
        return run(o, out, t -> {});
    }

    /**
     * Runs the connector, handing the transport to {@code started} just before it starts (tests
     * read the bound port from it and stop the connector by closing it).
     */
    public static FeedHealth run(Options o, PrintWriter out, Consumer<Transport> started)
            throws Exception {
        FeedFormat format = FeedSetup.format(o.format());
        CordonConfig config = CordonConfig.load(o.config());
        SensorConfig sensor = FeedSetup.sensor(format, o.sensor(), config);
        Consumer<String> log =
                line -> {
                    synchronized (out) {
                        out.println(Instant.now() + " " + line);
                        out.flush();
                    }
                };
        Transport transport = transport(o, format, log);
        String bootstrap =
                o.bootstrap() == null || o.bootstrap().isBlank()
                        ? config.kafka().bootstrapServers()
                        : o.bootstrap();
        checkTopics(bootstrap, o.kafka(), config);
        int registered = SensorRegistryPublisher.publish(bootstrap, o.kafka(), config);
        log.accept(
                "published "
                        + registered
                        + " sensors to "
                        + config.topics().sensors()
                        + "; connector "
                        + format.id()
                        + " for sensor "
                        + sensor.id()
                        + " ("
                        + sensor.partnerId()
                        + ", "
                        + sensor.kind()
                        + ") on "
                        + transport.describe());
        FeedHealth health = new FeedHealth(format.id(), sensor.id());
        String source = format.id() + ":" + sensor.id() + "@" + transport.describe();
        ScheduledExecutorService timers =
                Executors.newSingleThreadScheduledExecutor(
                        r -> {
                            Thread t = new Thread(r, "connector-timers");
                            t.setDaemon(true);
                            return t;
                        });
        MetricsServer metrics = null;
        try (KafkaFeedSink sink =
                new KafkaFeedSink(
                        bootstrap,
                        o.kafka(),
                        config.topics().observations(),
                        config.topics().deadLetter(),
                        sensor.id(),
                        source,
                        health,
                        log,
                        o.maxFutureSkew())) {
            Connector connector =
                    new Connector(
                            format,
                            sensor,
                            transport,
                            FeedSetup::parseNative,
                            sink,
                            health,
                            o.realtime());
            if (o.metricsPort() >= 0) {
                metrics = new MetricsServer("0.0.0.0", o.metricsPort(), health);
                log.accept("metrics on http://0.0.0.0:" + metrics.port() + "/metrics");
            }
            long every = Math.max(1, o.healthInterval().toMillis());
            timers.scheduleAtFixedRate(
                    () -> log.accept("health: " + health.summary()),
                    every,
                    every,
                    TimeUnit.MILLISECONDS);
            if (o.duration() != null) {
                timers.schedule(connector::close, o.duration().toMillis(), TimeUnit.MILLISECONDS);
            }
            // SIGTERM: stop reading, then give the main thread time to flush Kafka.
            Thread main = Thread.currentThread();
            Thread hook =
                    new Thread(
                            () -> {
                                connector.close();
                                try {
                                    main.join(15_000);
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                            },
                            "connector-shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            started.accept(transport);
            try {
                connector.run();
            } finally {
                try {
                    Runtime.getRuntime().removeShutdownHook(hook);
                } catch (IllegalStateException e) {
                    // shutting down already
                }
            }
        } finally {
            timers.shutdownNow();
            if (metrics != null) {
                metrics.close();
            }
        }
        log.accept("final: " + health.summary());
        return health;
    }

    static Transport transport(Options o, FeedFormat format, Consumer<String> log) {
        int given =
                (o.listen() != null ? 1 : 0)
                        + (o.connect() != null ? 1 : 0)
                        + (o.file() != null ? 1 : 0);
        if (given != 1) {
            throw new ConfigException(
                    "--listen/--connect/--file",
                    given + " given",
                    "exactly one of --listen udp://HOST:PORT, --listen tcp://HOST:PORT,"
                            + " --connect tcp://HOST:PORT, --file PATH");
        }
        if (o.realtime() && o.file() == null) {
            throw new ConfigException(
                    "--replay", "realtime", "fast or realtime, and realtime only with --file");
        }
        if (o.file() != null) {
            return new FileSource(o.file());
        }
        Endpoint e =
                endpoint(
                        o.listen() != null ? "--listen" : "--connect",
                        o.listen() != null ? o.listen() : o.connect());
        if (o.connect() != null && !e.scheme().equals("tcp")) {
            throw new ConfigException("--connect", o.connect(), "tcp://HOST:PORT");
        }
        Set<FeedFormat> allowed = e.scheme().equals("udp") ? UDP_FORMATS : TCP_FORMATS;
        if (!allowed.contains(format)) {
            throw new ConfigException(
                    "--format",
                    format.id(),
                    "over "
                            + e.scheme()
                            + ": one of "
                            + allowed.stream()
                                    .map(FeedFormat::id)
                                    .collect(Collectors.joining(", ")));
        }
        if (o.connect() != null) {
            return new TcpClient(
                    e.host(), e.port(), Duration.ofSeconds(1), Duration.ofSeconds(30), log);
        }
        return e.scheme().equals("udp")
                ? new UdpListener(e.host(), e.port())
                : new TcpServer(e.host(), e.port(), o.maxConnections(), log);
    }

    private static Endpoint endpoint(String option, String text) {
        try {
            return Endpoint.parse(option, text);
        } catch (IllegalArgumentException ex) {
            throw new ConfigException(option, text, "udp://HOST:PORT or tcp://HOST:PORT");
        }
    }

    /** Fails with the topic's name when the observations or dead-letter topic is missing. */
    static void checkTopics(String bootstrap, Properties extra, CordonConfig config)
            throws Exception {
        java.util.Map<String, Object> props = new java.util.HashMap<>();
        extra.forEach((k, v) -> props.put(String.valueOf(k), v));
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        try (Admin admin = Admin.create(props)) {
            Set<String> existing;
            try {
                existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException
                    | java.util.concurrent.TimeoutException e) {
                throw new IllegalStateException(
                        "Kafka at "
                                + bootstrap
                                + " did not answer within 30 s (set it with --bootstrap or"
                                + " kafka.bootstrapServers): "
                                + (e.getCause() != null ? e.getCause().getMessage() : e),
                        e);
            }
            for (String[] t :
                    new String[][] {
                        {"topics.observations", config.topics().observations()},
                        {"topics.deadLetter", config.topics().deadLetter()}
                    }) {
                if (!existing.contains(t[1])) {
                    throw new ConfigException(
                            t[0],
                            t[1],
                            "an existing topic on "
                                    + bootstrap
                                    + " (./cordon local creates them; in a deployment, the"
                                    + " platform team does)");
                }
            }
        }
    }
}
