package io.cordon.jobs.sim;

import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.simulation.BorderSimulation;
import io.cordon.proto.v1.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plays a {@link BorderSimulation} through the connectors in (scaled) real time: every tick the
 * sensors' units whose scan time has come are encoded in their wire formats ({@link
 * SimulatedFeeds}, with a documented rate of corrupted units), decoded by the real decoders and
 * mappers ({@link InProcessConnectors}), and the resulting observations published to the
 * observations topic (key sensor id, Kafka timestamp = event time) and the decode errors to the
 * dead-letter topic (key = the source, {@code <format>:<sensor id>}).
 */
public final class SimulatorPublisher implements AutoCloseable {
    private static final long TICK_MS = 100;

    private final SimulatedFeeds feeds;
    private final InProcessConnectors connectors;
    private final String observationsTopic;
    private final String deadLetterTopic;
    private final double speedup;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong deadLettered = new AtomicLong();
    private final AtomicLong corrupted = new AtomicLong();
    private final Thread thread;
    private volatile Exception failure;

    /**
     * @param corruptionsPerMinute units broken on purpose per scenario minute (see {@link
     *     SimulatedFeeds})
     */
    public SimulatorPublisher(
            String bootstrapServers,
            String observationsTopic,
            String deadLetterTopic,
            BorderSimulation simulation,
            List<SensorConfig> sensors,
            double speedup,
            double corruptionsPerMinute) {
        this(
                bootstrapServers,
                new Properties(),
                observationsTopic,
                deadLetterTopic,
                simulation,
                sensors,
                speedup,
                corruptionsPerMinute);
    }

    /**
     * As the constructor without {@code extra}, with extra producer properties (security settings
     * of the principal the simulated sensors publish as).
     */
    public SimulatorPublisher(
            String bootstrapServers,
            Properties extra,
            String observationsTopic,
            String deadLetterTopic,
            BorderSimulation simulation,
            List<SensorConfig> sensors,
            double speedup,
            double corruptionsPerMinute) {
        this.feeds = new SimulatedFeeds(simulation, sensors, corruptionsPerMinute);
        this.connectors = new InProcessConnectors(sensors);
        this.observationsTopic = observationsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.speedup = speedup;
        Map<String, Object> props = new HashMap<>();
        extra.forEach((k, v) -> props.put((String) k, v));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(props, new ByteArraySerializer(), new ByteArraySerializer());
        thread = new Thread(this::run, "cordon-simulator");
        thread.setDaemon(true);
    }

    public SimulatorPublisher start() {
        thread.start();
        return this;
    }

    /**
     * Encodes, decodes and publishes every unit with scan time in (fromS, toS] of simulation time;
     * returns how many observations were published.
     */
    public int publishBetween(double fromS, double toS) {
        int count = 0;
        for (RawUnit unit : feeds.unitsBetween(fromS, toS)) {
            if (unit.corrupted()) {
                corrupted.incrementAndGet();
            }
            InProcessConnectors.Decoded d = connectors.decode(unit);
            for (Observation o : d.observations()) {
                producer.send(
                        new ProducerRecord<>(
                                observationsTopic,
                                null,
                                o.eventTime().toEpochMilli(),
                                o.sensorId().getBytes(StandardCharsets.UTF_8),
                                ObservationCodec.toProto(o).toByteArray()),
                        this::sent);
            }
            for (DeadLetter dl : d.deadLetters()) {
                producer.send(
                        new ProducerRecord<>(
                                deadLetterTopic,
                                null,
                                unit.receivedAt().toEpochMilli(),
                                dl.getSource().getBytes(StandardCharsets.UTF_8),
                                dl.toByteArray()),
                        this::sent);
            }
            count += d.observations().size();
            deadLettered.addAndGet(d.deadLetters().size());
        }
        published.addAndGet(count);
        return count;
    }

    /** A record Kafka did not take stops the run loudly (the local run checks {@link #failure}). */
    private void sent(org.apache.kafka.clients.producer.RecordMetadata meta, Exception e) {
        if (e != null && failure == null) {
            failure = new IllegalStateException("Kafka did not take a simulated record: " + e, e);
        }
    }

    private void run() {
        long startNanos = System.nanoTime();
        double simulatedS = 0;
        try {
            while (running.get()) {
                Thread.sleep(TICK_MS);
                double wallS = (System.nanoTime() - startNanos) / 1e9;
                double nowS = wallS * speedup;
                publishBetween(simulatedS, nowS);
                simulatedS = nowS;
                producer.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    /** Observations published so far. */
    public long published() {
        return published.get();
    }

    /** Dead letters published so far. */
    public long deadLettered() {
        return deadLettered.get();
    }

    /** Units the simulator broke on purpose so far. */
    public long corrupted() {
        return corrupted.get();
    }

    /** Per connector format: units, records decoded, observations, decode errors. */
    public Map<String, InProcessConnectors.FormatCounts> formatCounts() {
        return connectors.counts();
    }

    public Exception failure() {
        return failure;
    }

    public void flush() {
        producer.flush();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        if (thread.isAlive()) {
            thread.join(5_000);
        }
        producer.close();
    }
}
