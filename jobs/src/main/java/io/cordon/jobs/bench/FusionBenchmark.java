package io.cordon.jobs.bench;

import io.cordon.jobs.CordonJobs;
import io.cordon.jobs.JobRuntime;
import io.cordon.jobs.kafka.KafkaIo;
import io.cordon.jobs.local.LocalFlink;
import io.cordon.jobs.local.LocalKafkaBroker;
import io.cordon.jobs.local.TopicSetup;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.fusion.StageTimes;
import io.cordon.proto.v1.DeadLetter;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.record.TimestampType;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.ByteBufferDeserializer;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * {@code cordon bench fusion}: a generator publishes observations of {@code targets} targets at
 * {@code rate} observations/s (event time = wall-clock time of the frame) into a real broker
 * running in its own JVM, the fusion job runs on a mini cluster, and a read_committed consumer of
 * the tracks topic measures what a partner would see: how many observations per second the job
 * absorbed, how many tracks are live, and the latency from an observation's event time to the
 * moment the track update it produced is readable (watermark delay and the exactly-once commit at
 * each checkpoint included), and to the broker's append of it (the topic stamps append times). With
 * {@link Options#sentLatency}, a second, read_uncommitted consumer measures the latency to the
 * moment the job's sink sent the update (everything but the wait for the commit); it is off by
 * default, as it reads every update again on the cores the job runs on.
 */
public final class FusionBenchmark {
    /** What to run. */
    public record Options(
            Path configFile,
            int targets,
            double rate,
            Duration duration,
            int parallelism,
            Duration checkpointInterval,
            Duration maxOutOfOrderness,
            Path dataDir,
            double tileSizeM,
            double haloM,
            Path timeline,
            Duration maxWarmup,
            Duration ramp,
            boolean sentLatency) {
        public Options {
            if (ramp.isNegative()) {
                throw new IllegalArgumentException(
                        "--ramp: " + ramp + " is negative; allowed: 0 (no ramp) or more");
            }
            if (maxWarmup.compareTo(ramp) < 0) {
                throw new IllegalArgumentException(
                        "--max-warmup: "
                                + maxWarmup
                                + " is shorter than --ramp "
                                + ramp
                                + "; allowed: at least the ramp");
            }
        }

        /** Without tiles (unless the configuration has a fusion section) and without timeline. */
        public Options(
                Path configFile,
                int targets,
                double rate,
                Duration duration,
                int parallelism,
                Duration checkpointInterval,
                Duration maxOutOfOrderness,
                Path dataDir) {
            this(
                    configFile,
                    targets,
                    rate,
                    duration,
                    parallelism,
                    checkpointInterval,
                    maxOutOfOrderness,
                    dataDir,
                    0,
                    0,
                    null,
                    Duration.ofSeconds(60),
                    Duration.ZERO,
                    false);
        }
    }

    /** What was measured. */
    public record Result(
            Options options,
            long observationsPublished,
            double publishedPerS,
            long observationsAbsorbed,
            double observationsPerS,
            long trackUpdates,
            int liveTracks,
            int trackIds,
            long deletions,
            long latencyP50Ms,
            long latencyP95Ms,
            long latencyP99Ms,
            long latencyMaxMs,
            long sentP50Ms,
            long sentP95Ms,
            long sentP99Ms,
            long sentMaxMs,
            long appendedP50Ms,
            long appendedP95Ms,
            long appendedP99Ms,
            long appendedMaxMs,
            double lagAtEndS,
            double warmupS,
            long deadLetters,
            String firstDeadLetter) {
        public String toJson() {
            return String.format(
                    Locale.ROOT,
                    "{\n  \"targets\": %d,\n  \"rate_requested\": %.0f,\n  \"duration_s\": %d,\n  \"parallelism\": %d,\n"
                            + "  \"tile_size_m\": %.0f,\n  \"halo_m\": %.0f,\n"
                            + "  \"checkpoint_interval_ms\": %d,\n  \"max_out_of_orderness_ms\": %d,\n"
                            + "  \"observations_published\": %d,\n  \"published_per_s\": %.1f,\n"
                            + "  \"observations_absorbed\": %d,\n  \"observations_per_s\": %.1f,\n"
                            + "  \"track_updates\": %d,\n  \"live_tracks\": %d,\n"
                            + "  \"track_ids\": %d,\n  \"deletions\": %d,\n"
                            + "  \"latency_ms\": {\"p50\": %d, \"p95\": %d, \"p99\": %d, \"max\": %d},\n"
                            + "%s"
                            + "  \"latency_appended_ms\": {\"p50\": %d, \"p95\": %d, \"p99\": %d, \"max\": %d},\n"
                            + "  \"lag_at_end_s\": %.2f,\n  \"warmup_s\": %.1f,\n"
                            + "  \"dead_letters\": %d,\n  \"first_dead_letter\": \"%s\"\n}\n",
                    options.targets(),
                    options.rate(),
                    options.duration().toSeconds(),
                    options.parallelism(),
                    options.tileSizeM(),
                    options.haloM(),
                    options.checkpointInterval().toMillis(),
                    options.maxOutOfOrderness().toMillis(),
                    observationsPublished,
                    publishedPerS,
                    observationsAbsorbed,
                    observationsPerS,
                    trackUpdates,
                    liveTracks,
                    trackIds,
                    deletions,
                    latencyP50Ms,
                    latencyP95Ms,
                    latencyP99Ms,
                    latencyMaxMs,
                    // only with --sent-latency (its consumer did not run otherwise)
                    sentP50Ms < 0
                            ? ""
                            : String.format(
                                    Locale.ROOT,
                                    "  \"latency_sent_ms\": {\"p50\": %d, \"p95\": %d, \"p99\":"
                                            + " %d, \"max\": %d},\n",
                                    sentP50Ms,
                                    sentP95Ms,
                                    sentP99Ms,
                                    sentMaxMs),
                    appendedP50Ms,
                    appendedP95Ms,
                    appendedP99Ms,
                    appendedMaxMs,
                    lagAtEndS,
                    warmupS,
                    deadLetters,
                    firstDeadLetter.replace("\\", "\\\\").replace("\"", "\\\""));
        }
    }

    private final Options options;
    private final PrintStream out;

    /**
     * The configuration to run: the file as it is, or with {@code fusion: {tileSizeM, haloM}} added
     * when the options ask for tiles (relative paths in it still resolve against its directory).
     */
    static ConfigText configText(Options options) {
        ConfigText file = CordonJobs.readConfigText(options.configFile());
        if (options.tileSizeM() <= 0) {
            return file;
        }
        if (file.yaml().lines().anyMatch(l -> l.startsWith("fusion:"))) {
            throw new IllegalArgumentException(
                    "--tile-size-m: "
                            + options.configFile()
                            + " already has a fusion: section; leave out --tile-size-m or remove"
                            + " the section");
        }
        String yaml =
                file.yaml()
                        + String.format(
                                Locale.ROOT,
                                "%nfusion:%n  tileSizeM: %s%n  haloM: %s%n",
                                BigDecimal.valueOf(options.tileSizeM()).toPlainString(),
                                BigDecimal.valueOf(options.haloM()).toPlainString());
        ConfigText tiled = new ConfigText(yaml, file.baseDir());
        tiled.parse(); // refuses a tile size or halo out of range, naming the key
        return tiled;
    }

    public FusionBenchmark(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public Result run() throws Exception {
        ConfigText configText = configText(options);
        CordonConfig config = configText.parse();
        String observationsTopic = config.topics().observations();
        try (LocalKafkaBroker broker =
                LocalKafkaBroker.start(
                        options.dataDir().resolve("kafka"), 0, false, Duration.ofSeconds(90))) {
            String bootstrap = broker.bootstrapServers();
            TopicSetup.create(bootstrap, config, 4);
            // latency_appended_ms and the stage breakdown need the broker's append time
            appendTimeStamps(bootstrap, config.topics().tracks());
            JobRuntime runtime =
                    new JobRuntime(
                            options.checkpointInterval(),
                            options.parallelism(),
                            options.dataDir().resolve("checkpoints").toUri().toString(),
                            options.maxOutOfOrderness(),
                            Duration.ofSeconds(5));
            try (LocalFlink flink = LocalFlink.start(Math.max(2, options.parallelism() * 2))) {
                JobID job =
                        flink.submit(
                                new CordonJobs(configText, new KafkaIo(bootstrap), runtime)
                                        .fusion());
                SyntheticTargets targets =
                        new SyntheticTargets(config.reference(), options.targets(), 1);
                TracksReader reader = new TracksReader(bootstrap, config.topics().tracks(), true);
                TracksReader sent =
                        options.sentLatency()
                                ? new TracksReader(bootstrap, config.topics().tracks(), false)
                                : null;
                // the reader that sees an update first: progress, catch-up, the stage breakdown
                TracksReader first = sent != null ? sent : reader;
                DeadLetterCounter deadLetters =
                        new DeadLetterCounter(bootstrap, config.topics().deadLetter());
                reader.start();
                if (sent != null) {
                    sent.start();
                }
                deadLetters.start();
                out.printf(
                        Locale.ROOT,
                        "fusion benchmark: %d targets, %.0f obs/s requested, %ds, parallelism %d,"
                                + " %s%n",
                        options.targets(),
                        options.rate(),
                        options.duration().toSeconds(),
                        options.parallelism(),
                        config.fusion().tiled()
                                ? String.format(
                                        Locale.ROOT,
                                        "tiles %.0f m, halo %.0f m",
                                        config.fusion().tileSizeM(),
                                        config.fusion().haloM())
                                : "one fusion partition");
                // warm-up: the job and the JIT see the same load for a few seconds before measuring
                Generator warmup =
                        new Generator(bootstrap, observationsTopic, targets, options.rate());
                Generator generator =
                        new Generator(bootstrap, observationsTopic, targets, options.rate());
                Timeline timeline =
                        options.timeline() == null
                                ? null
                                : new Timeline(
                                        options.timeline(),
                                        flink.cluster(),
                                        job,
                                        () -> warmup.published() + generator.published(),
                                        () -> Math.max(warmup.behindMs(), generator.behindMs()),
                                        first,
                                        reader,
                                        deadLetters::total);
                // Until the job has caught up with its start (the first seconds' backlog: cold JIT,
                // first transactions), at least 5 s and the ramp, at most --max-warmup: the
                // measured run is the steady state; how long the catch-up took is reported as
                // warmup_s. With a ramp the rate rises from a tenth to the full rate, so that the
                // JIT compiles the job's code before the full rate has built a backlog.
                long warmupStart = System.nanoTime();
                Duration minWarmup =
                        options.ramp().compareTo(Duration.ofSeconds(5)) > 0
                                ? options.ramp()
                                : Duration.ofSeconds(5);
                warmup.runFor(
                        minWarmup,
                        options.maxWarmup(),
                        0,
                        options.ramp(),
                        new CaughtUp(
                                first,
                                options.maxOutOfOrderness().toMillis()
                                        + 800
                                        // committed updates wait for the checkpoint as well
                                        + (sent == null
                                                ? options.checkpointInterval().toMillis()
                                                : 0)));
                double warmupS = (System.nanoTime() - warmupStart) / 1e9;
                // Count only updates of the measured run's observations: updates of warm-up
                // frames still queued behind the job's start-up would otherwise be counted.
                long measuredFromMs = System.currentTimeMillis();
                reader.reset(measuredFromMs);
                if (sent != null) {
                    sent.reset(measuredFromMs);
                }
                if (timeline != null) {
                    StageTimes.enable();
                }
                deadLetters.reset();
                long startMs = System.currentTimeMillis();
                ThreadCpu cpu = ThreadCpu.supported() ? new ThreadCpu() : null;
                long processFromNs = ThreadCpu.processCpuNs();
                long brokerFromNs = broker.cpuTime().map(Duration::toNanos).orElse(-1L);
                long fusedFromMs = first.latestTrackTimeMs();
                generator.runFor(
                        options.duration(),
                        options.duration(),
                        warmup.frames(),
                        Duration.ZERO,
                        null);
                long endMs = System.currentTimeMillis();
                if (cpu != null) {
                    long fusedToMs = first.latestTrackTimeMs();
                    long processNs = ThreadCpu.processCpuNs();
                    long brokerNs = broker.cpuTime().map(Duration::toNanos).orElse(-1L);
                    printCpu(
                            cpu.since(),
                            processFromNs < 0 || processNs < 0 ? -1 : processNs - processFromNs,
                            brokerFromNs < 0 || brokerNs < 0 ? -1 : brokerNs - brokerFromNs,
                            (endMs - startMs) * 1_000_000L,
                            warmup.observationsUpTo(fusedToMs)
                                    + generator.observationsUpTo(fusedToMs)
                                    - warmup.observationsUpTo(fusedFromMs)
                                    - generator.observationsUpTo(fusedFromMs));
                }
                Thread.sleep(
                        options.checkpointInterval().toMillis() * 2
                                + options.maxOutOfOrderness().toMillis()
                                + 1000);
                reader.stop();
                if (sent != null) {
                    sent.stop();
                }
                deadLetters.stop();
                if (deadLetters.total() > 0) {
                    out.printf(
                            Locale.ROOT,
                            "dead letters: %d in all (warm-up included), the first: %s%n",
                            deadLetters.total(),
                            deadLetters.firstOfAll());
                }
                if (timeline != null) {
                    timeline.close();
                    StageBreakdown.write(
                            Path.of(options.timeline() + ".stages.csv"),
                            generator.frames,
                            first.lastReadByEventTime(),
                            first.lastAppendByEventTime(),
                            out);
                    first.writePolls(Path.of(options.timeline() + ".polls.csv"));
                }
                double seconds = (endMs - startMs) / 1000.0;
                long absorbed = generator.observationsUpTo(reader.latestTrackTimeMs());
                double lag = (endMs - reader.latestTrackTimeMs()) / 1000.0;
                Result r =
                        new Result(
                                options,
                                generator.published(),
                                generator.published() / seconds,
                                absorbed,
                                absorbed / seconds,
                                reader.updates(),
                                reader.liveTracks(),
                                reader.trackIds(),
                                reader.deletions(),
                                reader.histogram.percentileMs(0.50),
                                reader.histogram.percentileMs(0.95),
                                reader.histogram.percentileMs(0.99),
                                reader.histogram.maxMs(),
                                sent == null ? -1 : sent.histogram.percentileMs(0.50),
                                sent == null ? -1 : sent.histogram.percentileMs(0.95),
                                sent == null ? -1 : sent.histogram.percentileMs(0.99),
                                sent == null ? -1 : sent.histogram.maxMs(),
                                // the append times are on the records: either reader has them
                                reader.appended.percentileMs(0.50),
                                reader.appended.percentileMs(0.95),
                                reader.appended.percentileMs(0.99),
                                reader.appended.maxMs(),
                                lag,
                                warmupS,
                                deadLetters.count(),
                                deadLetters.first());
                generator.close();
                warmup.close();
                return r;
            }
        }
    }

    /**
     * Prints the CPU time each thread group of this JVM used while the measured run's observations
     * were published, and per observation fused meanwhile (those whose event time the newest track
     * update sent by the job passed during that time, the warm-up's backlog included); then the
     * whole process's (its Java threads and the JVM's own: garbage collection, JIT compilation) and
     * the broker JVM's, and what the two left of the machine's cores (-1: not reported).
     */
    private void printCpu(
            Map<String, Long> cpuNs, long processNs, long brokerNs, long wallNs, long fused) {
        long total = cpuNs.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder b = new StringBuilder();
        if (processNs >= 0 && brokerNs >= 0 && wallNs > 0) {
            int cores = Runtime.getRuntime().availableProcessors();
            b.append(
                    String.format(
                            Locale.ROOT,
                            "cpu while publishing the run (%.1f s, %d cores): this JVM %.1f s"
                                    + " (%.2f µs/obs; its JVM threads, GC and JIT, %.2f µs/obs),"
                                    + " broker JVM %.1f s (%.2f µs/obs), idle %.0f %%%n",
                            wallNs / 1e9,
                            cores,
                            processNs / 1e9,
                            fused > 0 ? processNs / 1e3 / fused : Double.NaN,
                            fused > 0 ? (processNs - total) / 1e3 / fused : Double.NaN,
                            brokerNs / 1e9,
                            fused > 0 ? brokerNs / 1e3 / fused : Double.NaN,
                            Math.max(
                                    0,
                                    100.0
                                            * (1
                                                    - (processNs + brokerNs)
                                                            / ((double) wallNs * cores)))));
        }
        b.append(
                String.format(
                        Locale.ROOT,
                        "cpu while publishing the run: %d observations fused; JVM %.1f s, %.2f µs"
                                + " per observation fused; by thread:",
                        fused,
                        total / 1e9,
                        fused > 0 ? total / 1e3 / fused : Double.NaN));
        cpuNs.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(12)
                .forEach(
                        e ->
                                b.append(
                                        String.format(
                                                Locale.ROOT,
                                                "%n  %6.1f s %7.2f µs/obs  %s",
                                                e.getValue() / 1e9,
                                                fused > 0 ? e.getValue() / 1e3 / fused : Double.NaN,
                                                e.getKey())));
        out.println(b);
    }

    /**
     * Has the broker stamp the tracks topic's records with their append time instead of the
     * producer's (the track's event time): latency_appended_ms and the stage breakdown.
     */
    private static void appendTimeStamps(String bootstrap, String topic) throws Exception {
        try (Admin admin =
                Admin.create(
                        Map.<String, Object>of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.incrementalAlterConfigs(
                            Map.of(
                                    new ConfigResource(ConfigResource.Type.TOPIC, topic),
                                    List.of(
                                            new AlterConfigOp(
                                                    new ConfigEntry(
                                                            "message.timestamp.type",
                                                            "LogAppendTime"),
                                                    AlterConfigOp.OpType.SET))))
                    .all()
                    .get();
        }
    }

    /** The ramp's rate at its start, as a fraction of the requested rate. */
    static final double RAMP_START = 0.1;

    /**
     * The fraction of the requested rate at {@code elapsedNs} into a ramp of {@code rampNs}: from
     * {@link #RAMP_START} linearly to 1 at the ramp's end, 1 from then on and without a ramp.
     */
    static double rampFactor(long elapsedNs, long rampNs) {
        if (rampNs <= 0 || elapsedNs >= rampNs) {
            return 1;
        }
        return RAMP_START + (1 - RAMP_START) * Math.max(0, elapsedNs) / (double) rampNs;
    }

    /**
     * Publishes frames at the requested rate in real time, event time = the frame's wall-clock
     * time.
     */
    private static final class Generator implements AutoCloseable {
        private final KafkaProducer<byte[], byte[]> producer;
        private final String topic;
        private final SyntheticTargets targets;
        private final double periodS;
        private final List<long[]> frames =
                new ArrayList<>(); // {eventTimeMs, cumulativeObservations, handedToProducerMs}
        private volatile long published;
        private volatile long behindMs;
        private long frameCount;

        Generator(String bootstrap, String topic, SyntheticTargets targets, double rate) {
            Map<String, Object> props = new HashMap<>();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
            props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            producer =
                    new KafkaProducer<>(
                            props, new ByteArraySerializer(), new ByteArraySerializer());
            this.topic = topic;
            this.targets = targets;
            this.periodS = targets.targets() / rate;
            // metadata now: the first frame would otherwise wait for it and start behind schedule
            producer.partitionsFor(topic);
        }

        /**
         * Publishes frames for at least {@code min}; then until {@code done} says so (null: never)
         * or {@code max} has passed.
         */
        void runFor(
                Duration min, Duration max, long firstFrame, Duration ramp, BooleanSupplier done)
                throws InterruptedException {
            frameCount = firstFrame;
            long start = System.nanoTime();
            long minEnd = start + min.toNanos();
            long end = start + max.toNanos();
            long next = start;
            long rampNs = ramp.toNanos();
            double dtS = periodS / rampFactor(0, rampNs); // targets' motion since the last frame
            while (next < end && (next < minEnd || done == null || !done.getAsBoolean())) {
                long now = System.nanoTime();
                if (now < next) {
                    Thread.sleep((next - now) / 1_000_000, (int) ((next - now) % 1_000_000));
                    behindMs = 0;
                } else {
                    behindMs = (now - next) / 1_000_000;
                }
                Instant eventTime = Instant.ofEpochMilli(System.currentTimeMillis());
                long timestampMs = eventTime.toEpochMilli();
                targets.frameRecords(
                        eventTime,
                        dtS,
                        frameCount++,
                        (key, value) ->
                                producer.send(
                                        new ProducerRecord<>(
                                                topic, null, timestampMs, key, value)));
                published += targets.targets();
                frames.add(new long[] {timestampMs, published, System.currentTimeMillis()});
                dtS = periodS / rampFactor(next - start, rampNs);
                next += (long) (dtS * 1e9);
            }
            producer.flush();
        }

        long frames() {
            return frameCount;
        }

        long published() {
            return published;
        }

        /** How far behind its schedule the last frame was published, ms. */
        long behindMs() {
            return behindMs;
        }

        /** Observations of this run with event time at or before {@code timeMs}. */
        long observationsUpTo(long timeMs) {
            long n = 0;
            for (long[] f : frames) {
                if (f[0] <= timeMs) {
                    n = f[1];
                }
            }
            return n;
        }

        @Override
        public void close() {
            producer.close();
        }
    }

    /**
     * True once the newest track update the reader has read is no older than {@code maxAgeMs} and
     * has stayed so for 2 s.
     */
    private static final class CaughtUp implements BooleanSupplier {
        private final TracksReader reader;
        private final long maxAgeMs;
        private long since = -1;

        CaughtUp(TracksReader reader, long maxAgeMs) {
            this.reader = reader;
            this.maxAgeMs = maxAgeMs;
        }

        @Override
        public boolean getAsBoolean() {
            long now = System.currentTimeMillis();
            long newest = reader.newestEventTimeMs();
            if (newest <= 0 || now - newest > maxAgeMs) {
                since = -1;
                return false;
            }
            if (since < 0) {
                since = now;
            }
            return now - since >= 2000;
        }
    }

    /** Counts what the job dead-letters (malformed or late observations) during the run. */
    /** A consumer without a group that reads a topic from its end (the bench's tailers). */
    private static <K, V> KafkaConsumer<K, V> tailConsumer(
            String bootstrap,
            boolean readCommitted,
            Map<String, Object> extra,
            Deserializer<K> keys,
            Deserializer<V> values) {
        Map<String, Object> props = new HashMap<>(extra);
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(
                ConsumerConfig.ISOLATION_LEVEL_CONFIG,
                readCommitted ? "read_committed" : "read_uncommitted");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props, keys, values);
    }

    /**
     * Reads no key: the tracks readers need only the value, and a key copied out of the fetch for
     * every update would be garbage made on the cores the job shares.
     */
    private static final class NoKey implements Deserializer<Void> {
        @Override
        public Void deserialize(String topic, byte[] data) {
            return null;
        }

        @Override
        public Void deserialize(String topic, Headers headers, ByteBuffer data) {
            return null;
        }
    }

    private static void assignAtEnd(KafkaConsumer<?, ?> consumer, String topic) {
        List<TopicPartition> partitions = new ArrayList<>();
        consumer.partitionsFor(topic)
                .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
    }

    private static final class DeadLetterCounter {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final String topic;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong total = new AtomicLong();
        private volatile String first = "";
        private volatile String firstOfAll = "";
        private Thread thread;

        DeadLetterCounter(String bootstrap, String topic) {
            consumer =
                    tailConsumer(
                            bootstrap,
                            false,
                            Map.of(),
                            new ByteArrayDeserializer(),
                            new ByteArrayDeserializer());
            this.topic = topic;
        }

        void start() {
            assignAtEnd(consumer, topic);
            thread = new Thread(this::run, "bench-dead-letters");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    count.incrementAndGet();
                    total.incrementAndGet();
                    if (first.isEmpty()) {
                        try {
                            first = DeadLetter.parseFrom(r.value()).getReason();
                        } catch (Exception e) {
                            first = "(not a cordon.v1.DeadLetter)";
                        }
                        if (firstOfAll.isEmpty()) {
                            firstOfAll = first;
                        }
                    }
                }
            }
            consumer.close();
        }

        void reset() {
            count.set(0);
            first = "";
        }

        long count() {
            return count.get();
        }

        long total() {
            return total.get();
        }

        String first() {
            return first;
        }

        String firstOfAll() {
            return firstOfAll;
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }
    }

    /**
     * Reads track updates and measures their latency: committed ones (what a partner sees), or,
     * with {@code readCommitted} false, every one as soon as the job's sink has sent it, before the
     * transaction commits at the next checkpoint (what the job itself adds).
     */
    private static final class TracksReader implements Timeline.Probe {
        private final KafkaConsumer<Void, ByteBuffer> consumer;
        private final String topic;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final AtomicLong latestTrackTimeMs = new AtomicLong();

        /** Every track id read: whether its last update was not a deletion, whether in the run. */
        private final TrackIdTable ids = new TrackIdTable();

        private int liveCount;

        /** Track ids of the measured run's updates, and how many of those said DELETED. */
        private int runIdCount;

        private long runDeletions;

        /** Event time of the run's updates → when the last update of that time was read. */
        private final Map<Long, Long> lastReadByEventTime = new HashMap<>();

        /** Event time → when the broker appended the last update of that time (if it stamps). */
        private final Map<Long, Long> lastAppendByEventTime = new HashMap<>();

        private volatile LatencyHistogram histogram = new LatencyHistogram();

        /** Event time to the broker's append (the tracks topic stamps append times). */
        private volatile LatencyHistogram appended = new LatencyHistogram();

        private long updates;
        private final AtomicLong total = new AtomicLong();
        private long fromTimeMs = Long.MIN_VALUE;
        private Thread thread;

        TracksReader(String bootstrap, String topic, boolean readCommitted) {
            // receive.buffer.bytes -1: the kernel's auto-tuned socket buffer. Kafka's default pins
            // it at 64 KiB; at 20 000 updates/s a fetch response overran it on loopback now and
            // then (TCPRcvQDrop), and the dropped segment came again after the 200 ms minimum
            // retransmission timeout: the 100-220 ms holds of latency_sent_ms.
            consumer =
                    tailConsumer(
                            bootstrap,
                            readCommitted,
                            Map.<String, Object>of(
                                    ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG,
                                    20,
                                    ConsumerConfig.RECEIVE_BUFFER_CONFIG,
                                    -1),
                            new NoKey(),
                            // the value as the fetch holds it, not copied (Kafka's
                            // ByteBufferDeserializer returns the buffer it is given)
                            new ByteBufferDeserializer());
            this.topic = topic;
        }

        void start() {
            assignAtEnd(consumer, topic);
            thread = new Thread(this::run, "bench-tracks-reader");
            thread.setDaemon(true);
            thread.start();
        }

        private void run() {
            while (running.get()) {
                long pollStart = System.currentTimeMillis();
                var records = consumer.poll(Duration.ofMillis(50));
                long pollEnd = System.currentTimeMillis();
                long appendMin = Long.MAX_VALUE;
                long appendMax = Long.MIN_VALUE;
                for (ConsumerRecord<Void, ByteBuffer> r : records) {
                    appendMin = Math.min(appendMin, r.timestamp());
                    appendMax = Math.max(appendMax, r.timestamp());
                }
                // One lock and one clock reading per poll: a poll's records became readable
                // together, when it returned (per record, both were most of this thread's time).
                long newest = Long.MIN_VALUE;
                long read = 0;
                long mergedTimeMs = Long.MIN_VALUE;
                long mergedAppendMs = Long.MIN_VALUE;
                synchronized (this) {
                    for (ConsumerRecord<Void, ByteBuffer> r : records) {
                        TrackHead t;
                        try {
                            t = TrackHead.parse(r.value());
                        } catch (Exception e) {
                            continue; // not a track: the benchmark counts only valid updates
                        }
                        long timeMs = t.timeMs();
                        int slot = ids.slot(TrackIdTable.hash(t.trackId()));
                        int flags = ids.flags(slot);
                        boolean live = (flags & TrackIdTable.LIVE) != 0;
                        if (live == t.deleted()) {
                            flags ^= TrackIdTable.LIVE;
                            liveCount += live ? -1 : 1;
                        }
                        if (timeMs >= fromTimeMs) { // not a warm-up frame's update
                            histogram.record(pollEnd - timeMs);
                            updates++;
                            if ((flags & TrackIdTable.IN_RUN) == 0) {
                                flags |= TrackIdTable.IN_RUN;
                                runIdCount++;
                            }
                            if (t.deleted()) {
                                runDeletions++;
                            }
                            // the maps keep maxima: merged once per time and value, not per
                            // update (a frame's updates come together)
                            if (timeMs != mergedTimeMs) {
                                lastReadByEventTime.merge(timeMs, pollEnd, Math::max);
                                mergedTimeMs = timeMs;
                                mergedAppendMs = Long.MIN_VALUE;
                            }
                            if (r.timestampType() == TimestampType.LOG_APPEND_TIME) {
                                appended.record(r.timestamp() - timeMs);
                                if (r.timestamp() > mergedAppendMs) {
                                    lastAppendByEventTime.merge(timeMs, r.timestamp(), Math::max);
                                    mergedAppendMs = r.timestamp();
                                }
                            }
                        }
                        ids.set(slot, flags);
                        newest = Math.max(newest, timeMs);
                        read++;
                    }
                }
                if (read > 0) {
                    latestTrackTimeMs.accumulateAndGet(newest, Math::max);
                    total.addAndGet(read);
                }
                if (!records.isEmpty()) {
                    synchronized (this) {
                        if (fromTimeMs == Long.MIN_VALUE) {
                            continue; // warm-up
                        }
                        polls.add(
                                new long[] {
                                    pollStart,
                                    pollEnd,
                                    records.count(),
                                    appendMin,
                                    appendMax,
                                    System.currentTimeMillis()
                                });
                    }
                }
            }
            consumer.close();
        }

        /**
         * Every poll of the measured run that returned records: when it started and returned, how
         * many records, their first and last broker append time, when they were processed (with
         * --timeline, FILE.polls.csv: a hold before the poll started is this thread's or its
         * socket's, one within it the fetch's).
         */
        private final List<long[]> polls = new ArrayList<>();

        synchronized void writePolls(Path file) throws java.io.IOException {
            StringBuilder b =
                    new StringBuilder(
                            "poll_start_ms,poll_end_ms,records,append_min_ms,append_max_ms,done_ms\n");
            for (long[] p : polls) {
                b.append(p[0]).append(',').append(p[1]).append(',').append(p[2]).append(',');
                b.append(p[3]).append(',').append(p[4]).append(',').append(p[5]).append('\n');
            }
            java.nio.file.Files.writeString(file, b);
        }

        synchronized void reset(long fromTimeMs) {
            this.fromTimeMs = fromTimeMs;
            histogram = new LatencyHistogram();
            appended = new LatencyHistogram();
            updates = 0;
            ids.clear(TrackIdTable.IN_RUN);
            runIdCount = 0;
            runDeletions = 0;
            lastReadByEventTime.clear();
            lastAppendByEventTime.clear();
            polls.clear();
        }

        synchronized Map<Long, Long> lastAppendByEventTime() {
            return new HashMap<>(lastAppendByEventTime);
        }

        synchronized Map<Long, Long> lastReadByEventTime() {
            return new HashMap<>(lastReadByEventTime);
        }

        synchronized long updates() {
            return updates;
        }

        synchronized int trackIds() {
            return runIdCount;
        }

        synchronized long deletions() {
            return runDeletions;
        }

        synchronized int liveTracks() {
            return liveCount;
        }

        long latestTrackTimeMs() {
            return latestTrackTimeMs.get();
        }

        @Override
        public long count() {
            return total.get();
        }

        @Override
        public long newestEventTimeMs() {
            return latestTrackTimeMs.get();
        }

        void stop() throws InterruptedException {
            running.set(false);
            thread.join(5000);
        }
    }
}
