package io.cordon.jobs.local;

import io.cordon.jobs.CordonJobs;
import io.cordon.jobs.JobRuntime;
import io.cordon.jobs.kafka.KafkaIo;
import io.cordon.jobs.sim.InProcessConnectors;
import io.cordon.jobs.sim.SimulatorPublisher;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SimulationConfig;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.flink.streaming.api.graph.StreamGraph;

/**
 * {@code cordon local}: a broker, the three jobs in a mini cluster, the simulator, and live
 * progress until the duration is over or the user presses Ctrl-C; then a final count read back from
 * the topics.
 */
public final class LocalRun {
    /** What to run and where. */
    public record Options(
            Path configFile,
            Duration duration,
            Path dataDir,
            boolean reuseData,
            Path summaryJson,
            Double speedup) {}

    private final Options options;
    private final PrintStream out;
    private final CountDownLatch stop = new CountDownLatch(1);

    public LocalRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /** Asks a running {@link #run()} to stop (Ctrl-C). */
    public void requestStop() {
        stop.countDown();
    }

    public ProgressMonitor.Snapshot run() throws Exception {
        CordonConfig config = CordonConfig.load(options.configFile());
        SimulationConfig sim = config.simulation();
        double speedup = options.speedup() != null ? options.speedup() : sim.speedup();
        out.printf(
                "cordon local: %d partners, %d sensors, %d simulated targets, speed-up %.0fx%n",
                config.partners().size(), config.sensors().size(), sim.targets(), speedup);

        out.println("starting Kafka (KRaft, own JVM) in " + options.dataDir() + " ...");
        try (LocalKafkaBroker broker =
                LocalKafkaBroker.start(
                        options.dataDir().resolve("kafka"),
                        0,
                        options.reuseData(),
                        Duration.ofSeconds(90))) {
            String bootstrap = broker.bootstrapServers();
            TopicSetup.create(bootstrap, config, 4);
            out.println("Kafka ready at " + bootstrap + "; starting Flink mini cluster ...");

            Path checkpoints = options.dataDir().resolve("checkpoints");
            Files.createDirectories(checkpoints);
            JobRuntime runtime =
                    new JobRuntime(
                            Duration.ofSeconds(2),
                            1,
                            checkpoints.toUri().toString(),
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(2));
            CordonJobs jobs = new CordonJobs(options.configFile(), new KafkaIo(bootstrap), runtime);
            try (LocalFlink flink = LocalFlink.start(4)) {
                for (StreamGraph graph : jobs.all()) {
                    flink.submit(graph);
                    out.println("  submitted " + graph.getJobName());
                }
                Instant epoch = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                double scenarioS = Math.max(600, options.duration().toSeconds() * speedup);
                BorderSimulation simulation =
                        new BorderSimulation(
                                config.sensors(),
                                config.reference(),
                                epoch,
                                sim.seed(),
                                sim.targets(),
                                sim.crossingFraction(),
                                scenarioS);
                try (ProgressMonitor monitor = new ProgressMonitor(bootstrap, config).start();
                        SimulatorPublisher publisher =
                                new SimulatorPublisher(
                                                bootstrap,
                                                config.topics().observations(),
                                                config.topics().deadLetter(),
                                                simulation,
                                                config.sensors(),
                                                speedup,
                                                sim.malformedPerMinute())
                                        .start()) {
                    long started = System.nanoTime();
                    long lastObservations = 0;
                    long lastNanos = started;
                    while (!stop.await(1, TimeUnit.SECONDS)) {
                        long now = System.nanoTime();
                        ProgressMonitor.Snapshot s = monitor.snapshot();
                        double rate =
                                (s.observations() - lastObservations) / ((now - lastNanos) / 1e9);
                        lastObservations = s.observations();
                        lastNanos = now;
                        out.println(
                                progressLine(
                                        (now - started) / 1e9, rate, s, publisher.formatCounts()));
                        if (publisher.failure() != null) {
                            throw publisher.failure();
                        }
                        if (Duration.ofNanos(now - started).compareTo(options.duration()) >= 0) {
                            break;
                        }
                    }
                    publisher.close();
                    out.println("stopping: waiting for the last checkpoints to commit ...");
                    Thread.sleep(runtime.checkpointInterval().toMillis() * 3);
                    ProgressMonitor.Snapshot last = monitor.snapshot();
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    Map<String, InProcessConnectors.FormatCounts> formats =
                            publisher.formatCounts();
                    out.println(
                            progressLine(elapsed, last.observations() / elapsed, last, formats));
                    out.println(
                            "connectors: "
                                    + publisher.corrupted()
                                    + " units corrupted on purpose, "
                                    + publisher.deadLettered()
                                    + " dead letters written");
                    if (!last.deadLetterReasons().isEmpty()) {
                        out.println(
                                "dead letters (first reasons): "
                                        + last.deadLetterReasons()
                                                .subList(
                                                        0,
                                                        Math.min(
                                                                3,
                                                                last.deadLetterReasons().size())));
                    }
                    if (options.summaryJson() != null) {
                        Files.writeString(
                                options.summaryJson(), SummaryJson.of(last, formats, elapsed));
                        out.println("summary written to " + options.summaryJson());
                    }
                    return last;
                }
            }
        }
    }

    static String progressLine(
            double elapsedS,
            double observationsPerS,
            ProgressMonitor.Snapshot s,
            Map<String, InProcessConnectors.FormatCounts> formats) {
        StringBuilder partners = new StringBuilder();
        for (Map.Entry<String, Long> e : s.alertsByPartner().entrySet()) {
            partners.append(' ').append(e.getKey()).append('=').append(e.getValue());
        }
        StringBuilder decoded = new StringBuilder();
        for (Map.Entry<String, InProcessConnectors.FormatCounts> e : formats.entrySet()) {
            decoded.append(' ')
                    .append(e.getKey())
                    .append('=')
                    .append(e.getValue().records())
                    .append(" (")
                    .append(e.getValue().errors())
                    .append(" errors)");
        }
        return String.format(
                "[%5.0fs] obs/s %7.0f | obs %8d | live tracks %5d | track updates %7d | alerts %4d %s | per partner:%s | dead letters %d | decoded:%s",
                elapsedS,
                observationsPerS,
                s.observations(),
                s.liveTracks(),
                s.trackUpdates(),
                s.alerts(),
                s.alertsByType(),
                partners,
                s.deadLetters(),
                decoded);
    }
}
