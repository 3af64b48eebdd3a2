package io.cordon.jobs.local;

import io.cordon.jobs.CordonJobs;
import io.cordon.jobs.JobRuntime;
import io.cordon.jobs.connect.SensorRegistryPublisher;
import io.cordon.jobs.kafka.KafkaIo;
import io.cordon.jobs.security.KafkaAcls;
import io.cordon.jobs.security.LocalBrokerSecurity;
import io.cordon.jobs.sim.InProcessConnectors;
import io.cordon.jobs.sim.SimulatorPublisher;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.SimulationConfig;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.kafka.clients.admin.Admin;

/**
 * {@code cordon local}: a broker, the three jobs in a mini cluster, the simulator, and live
 * progress until the duration is over or the user presses Ctrl-C; then a final count read back from
 * the topics.
 */
public final class LocalRun {
    /**
     * What to run and where.
     *
     * @param checkpointInterval the jobs' checkpoint interval ({@link LocalJobTiming})
     * @param maxOutOfOrderness the fusion job's out-of-orderness bound for sensors that declare
     *     none ({@link LocalJobTiming})
     */
    public record Options(
            Path configFile,
            Duration duration,
            Path dataDir,
            boolean reuseData,
            Path summaryJson,
            Double speedup,
            boolean secure,
            Duration checkpointInterval,
            Duration maxOutOfOrderness) {
        public Options {
            LocalJobTiming.check(LocalJobTiming.CHECKPOINT_INTERVAL, checkpointInterval);
            LocalJobTiming.check(LocalJobTiming.MAX_OUT_OF_ORDERNESS, maxOutOfOrderness);
        }

        /** With the default timing ({@link LocalJobTiming}). */
        public Options(
                Path configFile,
                Duration duration,
                Path dataDir,
                boolean reuseData,
                Path summaryJson,
                Double speedup,
                boolean secure) {
            this(
                    configFile,
                    duration,
                    dataDir,
                    reuseData,
                    summaryJson,
                    speedup,
                    secure,
                    LocalJobTiming.DEFAULT_CHECKPOINT_INTERVAL,
                    LocalJobTiming.DEFAULT_MAX_OUT_OF_ORDERNESS);
        }

        /** With the timing of the {@code cordon local} options. */
        public Options(
                Path configFile,
                Duration duration,
                Path dataDir,
                boolean reuseData,
                Path summaryJson,
                Double speedup,
                boolean secure,
                LocalJobTiming timing) {
            this(
                    configFile,
                    duration,
                    dataDir,
                    reuseData,
                    summaryJson,
                    speedup,
                    secure,
                    timing.checkpointInterval(),
                    timing.maxOutOfOrderness());
        }

        /** A plain-text broker, as before {@code --secure}. */
        public Options(
                Path configFile,
                Duration duration,
                Path dataDir,
                boolean reuseData,
                Path summaryJson,
                Double speedup) {
            this(configFile, duration, dataDir, reuseData, summaryJson, speedup, false);
        }
    }

    /** The SASL user the simulated sensors of every partner publish as (a sensor operator). */
    static String simulatorUser(CordonConfig config) {
        return KafkaAcls.sensorOperatorPrincipal(config.partners().get(0).id())
                .substring("User:".length());
    }

    /**
     * The Kafka client settings of each party of a local run: the administrator (topics, ACLs,
     * progress monitor), each job, the simulator; all empty on a plain-text broker.
     */
    record Clients(Properties admin, Map<String, Properties> jobs, Properties simulator) {
        static Clients plain() {
            return new Clients(new Properties(), Map.of(), new Properties());
        }

        Properties job(String name) {
            return jobs.getOrDefault(name, new Properties());
        }
    }

    /**
     * After the duration, run on until the detection job has committed its reading of the tracks up
     * to scenario second {@code scenarioS} (of the run's simulation), at most {@code atMost}
     * longer.
     */
    record Until(ToDoubleFunction<BorderSimulation> scenarioS, Duration atMost) {}

    private final Options options;
    private final PrintStream out;
    private final CountDownLatch stop = new CountDownLatch(1);
    private Until until;

    public LocalRun(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    /**
     * Makes the run last, past its duration, until the pipeline has processed the simulation up to
     * an event time (a test waits for what it checks on the simulation's clock, not the wall's).
     */
    LocalRun until(ToDoubleFunction<BorderSimulation> scenarioS, Duration atMost) {
        this.until = new Until(scenarioS, atMost);
        return this;
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

        if (options.secure() && config.partners().isEmpty()) {
            throw new ConfigException(
                    "partners",
                    "[]",
                    "at least one partner with --secure (its sensor operator"
                            + " publishes the simulated sensors)");
        }
        LocalBrokerSecurity security = null;
        if (options.secure()) {
            if (options.reuseData()) {
                out.println("--secure: a fresh broker log (--reuse-data does not apply)");
            }
            security = LocalBrokerSecurity.generate(options.dataDir().resolve("tls"));
        }
        out.println(
                "starting Kafka (KRaft, own JVM"
                        + (security != null ? ", TLS + SASL/SCRAM + ACLs" : "")
                        + ") in "
                        + options.dataDir()
                        + " ...");
        try (LocalKafkaBroker broker =
                LocalKafkaBroker.start(
                        options.dataDir().resolve("kafka"),
                        0,
                        options.reuseData(),
                        Duration.ofSeconds(90),
                        security)) {
            String bootstrap = broker.bootstrapServers();
            Clients clients =
                    security == null ? Clients.plain() : secure(bootstrap, security, config);
            // One partition per topic: the demo's few hundred observations a second need no more,
            // and in one partition the observations of all sensors arrive in the order the
            // simulator wrote them. With several, the source reads the partitions' backlog at
            // different speeds (the simulator starts before the fusion job reads), the 2 s
            // wall-clock partition idleness lets the watermark pass a partition not read for a
            // while, and its observations were dead-lettered as late (tens of seconds behind).
            TopicSetup.create(bootstrap, clients.admin(), config, 1);
            if (security != null) {
                Map<String, Object> admin = new HashMap<>();
                clients.admin().forEach((k, v) -> admin.put((String) k, v));
                admin.put("bootstrap.servers", bootstrap);
                try (Admin a = Admin.create(admin)) {
                    KafkaAcls.apply(a, config);
                }
                out.println(
                        "Kafka secured: principals "
                                + String.join(", ", principals(config))
                                + "; ACLs from KafkaAcls; trust store "
                                + security.trustStore());
            }
            int registered = SensorRegistryPublisher.publish(bootstrap, clients.admin(), config);
            out.println(
                    "sensor registry: " + registered + " sensors on " + config.topics().sensors());
            out.println("Kafka ready at " + bootstrap + "; starting Flink mini cluster ...");

            Path checkpoints = options.dataDir().resolve("checkpoints");
            Files.createDirectories(checkpoints);
            JobRuntime runtime = jobRuntime(options, checkpoints.toUri().toString());
            out.println(
                    "jobs: checkpoints every "
                            + runtime.checkpointInterval().toMillis()
                            + " ms, out-of-orderness bound "
                            + runtime.maxOutOfOrderness().toMillis()
                            + " ms");
            ConfigText configText = CordonJobs.readConfigText(options.configFile());
            List<StreamGraph> graphs =
                    List.of(
                            jobs(configText, bootstrap, clients, CordonJobs.FUSION, runtime)
                                    .fusion(),
                            jobs(configText, bootstrap, clients, CordonJobs.DETECTION, runtime)
                                    .detection(),
                            jobs(configText, bootstrap, clients, CordonJobs.DISTRIBUTION, runtime)
                                    .distribution());
            try (LocalFlink flink = LocalFlink.start(4)) {
                for (StreamGraph graph : graphs) {
                    flink.submit(graph);
                    out.println("  submitted " + graph.getJobName());
                }
                Instant epoch = Instant.now().truncatedTo(ChronoUnit.SECONDS);
                double scenarioS = Math.max(600, options.duration().toSeconds() * speedup);
                BorderSimulation simulation =
                        withFlights(
                                new BorderSimulation(
                                        config.sensors(),
                                        config.reference(),
                                        epoch,
                                        sim.seed(),
                                        sim.targets(),
                                        sim.crossingFraction(),
                                        scenarioS),
                                sim,
                                scenarioS);
                double untilS =
                        until == null ? Double.NaN : until.scenarioS().applyAsDouble(simulation);
                ProgressMonitor watching = new ProgressMonitor(bootstrap, clients.admin(), config);
                if (until != null) {
                    watching.watchTrackTime(epoch.plusMillis(Math.round(untilS * 1000)));
                }
                try (ProgressMonitor monitor = watching.start();
                        SimulatorPublisher publisher =
                                new SimulatorPublisher(
                                                bootstrap,
                                                clients.simulator(),
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
                        Duration elapsed = Duration.ofNanos(now - started);
                        if (elapsed.compareTo(options.duration()) >= 0) {
                            if (until == null) {
                                break;
                            }
                            if (monitor.committedPast(CordonJobs.DETECTION)) {
                                out.printf(
                                        "the detection job has committed the tracks up to scenario"
                                                + " second %.0f%n",
                                        untilS);
                                break;
                            }
                            if (elapsed.compareTo(options.duration().plus(until.atMost())) >= 0) {
                                out.printf(
                                        "the detection job has not committed the tracks up to"
                                                + " scenario second %.0f after %s more%n",
                                        untilS, until.atMost());
                                break;
                            }
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
                    out.println("alerts by detector: " + last.alertsByDetector());
                    out.println(
                            "tracks with a measured height (drones, ADS-B, 3-D radar): "
                                    + last.tracksWithHeight()
                                    + " of "
                                    + last.tracksSeen()
                                    + ", in "
                                    + last.trackUpdatesWithHeight()
                                    + " of "
                                    + last.trackUpdates()
                                    + " updates");
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

    /**
     * How the local run's jobs run: the options' checkpoint interval and out-of-orderness bound,
     * parallelism 1, and a source idleness of 2 s.
     */
    /**
     * The simulation with the configuration's flights: {@code simulation.lowFlyers} low-slow flyers
     * and {@code simulation.airMeetings} air meetings (no decoys: the demo shows findings; the
     * score tests count the decoys). Both start in a drone's footprint.
     *
     * @throws ConfigException naming the key when the sensors cannot hold them (no drone)
     */
    static BorderSimulation withFlights(
            BorderSimulation simulation, SimulationConfig sim, double scenarioS) {
        BorderSimulation out = simulation;
        if (sim.lowFlyers() > 0) {
            try {
                out = out.withLowFlyers(sim.lowFlyers(), 0, scenarioS);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        "simulation.lowFlyers",
                        sim.lowFlyers(),
                        "0 unless a drone sensor's footprint can hold the flights: "
                                + e.getMessage(),
                        e);
            }
        }
        if (sim.airMeetings() > 0) {
            try {
                out = out.withAirMeetings(sim.airMeetings(), 0, scenarioS);
            } catch (IllegalArgumentException e) {
                throw new ConfigException(
                        "simulation.airMeetings",
                        sim.airMeetings(),
                        "0 unless a drone sensor's footprint can hold the pairs: " + e.getMessage(),
                        e);
            }
        }
        return out;
    }

    static JobRuntime jobRuntime(Options options, String checkpointDir) {
        return new JobRuntime(
                options.checkpointInterval(),
                1,
                checkpointDir,
                options.maxOutOfOrderness(),
                Duration.ofSeconds(2));
    }

    /** Each job runs as its own principal ({@link KafkaAcls#jobPrincipal}). */
    private static CordonJobs jobs(
            ConfigText text, String bootstrap, Clients clients, String job, JobRuntime runtime) {
        return new CordonJobs(text, new KafkaIo(bootstrap, clients.job(job)), runtime);
    }

    /** The SASL users of a secured local run, job principals first. */
    static List<String> principals(CordonConfig config) {
        List<String> users =
                new ArrayList<>(
                        List.of(CordonJobs.FUSION, CordonJobs.DETECTION, CordonJobs.DISTRIBUTION));
        for (PartnerConfig p : config.partners()) {
            users.add(KafkaAcls.partnerPrincipal(p.id()).substring("User:".length()));
        }
        users.add(simulatorUser(config));
        return users;
    }

    /**
     * Creates a SCRAM user with a random password for every principal; partner passwords are
     * written to {@code partners.properties} beside the trust store, for a partner's client to try.
     */
    private Clients secure(String bootstrap, LocalBrokerSecurity security, CordonConfig config)
            throws Exception {
        SecureRandom random = new SecureRandom();
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String user : principals(config)) {
            byte[] secret = new byte[18];
            random.nextBytes(secret);
            passwords.put(user, Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
        }
        security.createUsers(bootstrap, passwords);
        Properties partners = new Properties();
        for (PartnerConfig p : config.partners()) {
            String user = KafkaAcls.partnerPrincipal(p.id()).substring("User:".length());
            partners.setProperty(user, passwords.get(user));
        }
        Path file = security.trustStore().resolveSibling("partners.properties");
        try (var w = Files.newBufferedWriter(file)) {
            partners.store(w, "SCRAM-SHA-512 passwords of the partner principals (this run only)");
        }
        Map<String, Properties> jobs = new HashMap<>();
        for (String job :
                List.of(CordonJobs.FUSION, CordonJobs.DETECTION, CordonJobs.DISTRIBUTION)) {
            jobs.put(job, properties(security.client(job, passwords.get(job))));
        }
        String sim = simulatorUser(config);
        return new Clients(
                properties(security.admin()),
                jobs,
                properties(security.client(sim, passwords.get(sim))));
    }

    private static Properties properties(Map<String, String> settings) {
        Properties p = new Properties();
        p.putAll(settings);
        return p;
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
