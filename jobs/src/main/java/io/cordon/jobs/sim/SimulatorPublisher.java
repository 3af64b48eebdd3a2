package io.cordon.jobs.sim;

import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Plays a {@link BorderSimulation} into the observations topic: every tick it publishes the
 * observations whose scan time has come, keyed by sensor id with the event time as Kafka timestamp,
 * and, at the configured rate, malformed records that the fusion job must dead-letter.
 */
public final class SimulatorPublisher implements AutoCloseable {
    private static final long TICK_MS = 100;

    private final BorderSimulation simulation;
    private final String topic;
    private final double speedup;
    private final double malformedPerMinute;
    private final KafkaProducer<byte[], byte[]> producer;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong malformed = new AtomicLong();
    private final Thread thread;
    private volatile Exception failure;

    public SimulatorPublisher(
            String bootstrapServers,
            String topic,
            BorderSimulation simulation,
            double speedup,
            double malformedPerMinute) {
        this.simulation = simulation;
        this.topic = topic;
        this.speedup = speedup;
        this.malformedPerMinute = malformedPerMinute;
        Map<String, Object> props = new HashMap<>();
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

    /** Publishes every observation in (fromS, toS] of simulation time; returns how many. */
    public int publishBetween(double fromS, double toS) {
        List<Observation> batch = simulation.observationsBetween(fromS, toS);
        for (Observation o : batch) {
            producer.send(
                    new ProducerRecord<>(
                            topic,
                            null,
                            o.eventTime().toEpochMilli(),
                            o.sensorId().getBytes(StandardCharsets.UTF_8),
                            ObservationCodec.toProto(o).toByteArray()));
        }
        published.addAndGet(batch.size());
        return batch.size();
    }

    /** Publishes a record that is not an observation at all, as a faulty feed would. */
    public void publishMalformed(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        byte[] garbage = new byte[8 + rnd.nextInt(40)];
        for (int i = 0; i < garbage.length; i++) {
            garbage[i] = (byte) rnd.nextInt(256);
        }
        producer.send(
                new ProducerRecord<>(
                        topic, "faulty-feed".getBytes(StandardCharsets.UTF_8), garbage));
        malformed.incrementAndGet();
    }

    private void run() {
        long startNanos = System.nanoTime();
        double simulatedS = 0;
        double malformedDue = 0;
        try {
            while (running.get()) {
                Thread.sleep(TICK_MS);
                double wallS = (System.nanoTime() - startNanos) / 1e9;
                double nowS = wallS * speedup;
                publishBetween(simulatedS, nowS);
                // the rate is per scenario minute
                malformedDue += malformedPerMinute * speedup * (TICK_MS / 60_000.0);
                while (malformedDue >= 1) {
                    publishMalformed(malformed.get());
                    malformedDue -= 1;
                }
                simulatedS = nowS;
                producer.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
        }
    }

    public long published() {
        return published.get();
    }

    public long malformed() {
        return malformed.get();
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
