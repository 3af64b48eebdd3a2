package io.cordon.jobs.connect;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.cordon.connectors.runtime.FeedHealth;
import io.cordon.connectors.runtime.FeedItem;
import io.cordon.connectors.runtime.FeedSink;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.observation.Observation;
import io.cordon.proto.v1.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Publishes a connector's output: every observation as {@code cordon.v1.Observation} to the
 * observations topic (key: the observation's sensor id, timestamp: event time), every decode error
 * as {@code cordon.v1.DeadLetter} to the dead-letter topic (key: sensor id) with the raw bytes, the
 * source ({@code <format>:<sensor>@<transport>}), the reason prefixed with where in the input it
 * was, and the time it was received. Idempotent producer, acks from all in-sync replicas. A send
 * Kafka does not acknowledge is counted in the health and logged, never thrown at the transport.
 *
 * <p>Observations that decode but must not be published are dead-lettered too, with the bytes of
 * the unit they came from ({@link FeedItem#raw()}; the observation as {@code cordon.v1.Observation}
 * where the decoder does not know the unit) and counted in {@link FeedHealth#rejected}:
 *
 * <ul>
 *   <li>an event time more than {@code maxFutureSkew} ahead of the connector's clock (reason {@code
 *       event time ... ahead of the connector's clock ...}): no sensor reports the future, so the
 *       sensor's clock (or its time of day's date) is wrong; published, it would hold back the
 *       fusion's event time for that long and Kafka would refuse it past an hour ({@code
 *       message.timestamp.after.max.ms}, Kafka 4 default 3 600 000);
 *   <li>a record Kafka refuses for what it is (reason {@code broker refused: <exception>:
 *       <message>}): {@link InvalidTimestampException} (outside the broker's timestamp bounds),
 *       {@link RecordTooLargeException}, {@link RecordBatchTooLargeException}, {@link
 *       InvalidRecordException}. Retriable errors are not: the producer retries them until its
 *       delivery timeout and then they count as publish failures, as does any other error. The
 *       records of the same batch that Kafka failed only because of the refused one (plain {@link
 *       KafkaException}) are sent once more.
 * </ul>
 *
 * The callback runs on the producer's I/O thread, which must not block on a full buffer: the dead
 * letters and resends it asks for are sent from a thread of the sink's own; {@link #flush()} waits
 * for them too.
 */
public final class KafkaFeedSink implements FeedSink {
    /**
     * Default of {@code maxFutureSkew}: 5 minutes. Far above the error of any clock a sensor uses
     * (GNSS, NTP: below a second; AIS carries the second only) plus the connector's own, so nothing
     * a working sensor reports is refused; well below the broker's hour, so a wrong clock is caught
     * with its reason here instead of as a bare broker error; and at 5 minutes ahead an observation
     * would already be past most fusion windows when the other sensors catch up.
     */
    public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofMinutes(5);

    /**
     * How long {@link #close()} waits for Kafka to take what the sink still holds: 30 s, the bound
     * the producer's own close had before the sink flushed first; a connector stopping with its
     * broker gone must not hang for the producer's 2-minute delivery timeout.
     */
    public static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(30);

    private final Producer<byte[], byte[]> producer;
    private final String observationsTopic;
    private final String deadLetterTopic;
    private final String source;
    private final byte[] key;
    private final FeedHealth health;
    private final Consumer<String> log;
    private final Duration maxFutureSkew;
    private final Clock clock;
    private final Duration closeTimeout;
    private final ExecutorService resender =
            Executors.newSingleThreadExecutor(
                    r -> {
                        Thread t = new Thread(r, "cordon-feed-sink-dead-letters");
                        t.setDaemon(true);
                        return t;
                    });

    /**
     * @param maxFutureSkew an observation whose event time is further ahead of the connector's
     *     clock is dead-lettered, not published (>= 0)
     */
    public KafkaFeedSink(
            String bootstrapServers,
            Properties extra,
            String observationsTopic,
            String deadLetterTopic,
            String sensorId,
            String source,
            FeedHealth health,
            Consumer<String> log,
            Duration maxFutureSkew) {
        this(
                new KafkaProducer<>(
                        producerProps(bootstrapServers, extra),
                        new ByteArraySerializer(),
                        new ByteArraySerializer()),
                observationsTopic,
                deadLetterTopic,
                sensorId,
                source,
                health,
                log,
                maxFutureSkew,
                Clock.systemUTC(),
                CLOSE_TIMEOUT);
    }

    KafkaFeedSink(
            Producer<byte[], byte[]> producer,
            String observationsTopic,
            String deadLetterTopic,
            String sensorId,
            String source,
            FeedHealth health,
            Consumer<String> log,
            Duration maxFutureSkew,
            Clock clock,
            Duration closeTimeout) {
        if (maxFutureSkew == null || maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException(
                    "maxFutureSkew must be a duration >= 0, was " + maxFutureSkew);
        }
        this.maxFutureSkew = maxFutureSkew;
        if (closeTimeout == null || closeTimeout.isNegative()) {
            throw new IllegalArgumentException(
                    "closeTimeout must be a duration >= 0, was " + closeTimeout);
        }
        this.clock = clock;
        this.closeTimeout = closeTimeout;
        this.producer = producer;
        this.observationsTopic = observationsTopic;
        this.deadLetterTopic = deadLetterTopic;
        this.key = sensorId.getBytes(StandardCharsets.UTF_8);
        this.source = source;
        this.health = health;
        this.log = log;
    }

    static Map<String, Object> producerProps(String bootstrapServers, Properties extra) {
        Map<String, Object> props = new HashMap<>();
        extra.forEach((k, v) -> props.put(String.valueOf(k), v));
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 60_000);
        return props;
    }

    @Override
    public void accept(FeedItem item) {
        if (item.isError()) {
            deadLetter(item, item.error().raw(), where(item) + item.error().reason(), "");
            return;
        }
        Instant now = clock.instant();
        for (Observation o : item.observations()) {
            byte[] value;
            try {
                value = ObservationCodec.toBytes(o);
            } catch (RuntimeException e) {
                health.error("observation could not be encoded");
                deadLetter(
                        item,
                        new byte[0],
                        where(item) + "observation could not be encoded: " + e.getMessage(),
                        e.getClass().getName());
                continue;
            }
            Duration ahead = Duration.between(now, o.eventTime());
            if (ahead.compareTo(maxFutureSkew) > 0) {
                health.rejected("event time ahead of the connector's clock");
                deadLetter(
                        item,
                        payload(item, value),
                        where(item)
                                + String.format(
                                        Locale.ROOT,
                                        "observation %s: event time %s is %.3f s ahead of the"
                                                + " connector's clock (%s); at most %d s allowed"
                                                + " (--max-future-skew): the sensor's clock or"
                                                + " date is wrong",
                                        o.observationId(),
                                        o.eventTime(),
                                        ahead.toNanos() / 1e9,
                                        now,
                                        maxFutureSkew.toSeconds()),
                        "");
                continue;
            }
            send(item, o, value, true);
        }
    }

    private void send(FeedItem item, Observation o, byte[] value, boolean mayResend) {
        producer.send(
                new ProducerRecord<>(
                        observationsTopic,
                        null,
                        o.eventTime().toEpochMilli(),
                        o.sensorId().getBytes(StandardCharsets.UTF_8),
                        value),
                (meta, e) -> {
                    if (e == null) {
                        health.published(1);
                    } else if (refusedForWhatItIs(e)) {
                        later(() -> refused(item, o, value, e));
                    } else if (mayResend && e.getClass() == KafkaException.class) {
                        // a batch-mate was refused, not this record: once more on its own
                        later(() -> send(item, o, value, false));
                    } else {
                        failed(e);
                    }
                });
    }

    /** Errors by which Kafka refuses one record for what it is; retrying cannot help. */
    static boolean refusedForWhatItIs(Exception e) {
        return !(e instanceof RetriableException)
                && (e instanceof InvalidTimestampException
                        || e instanceof RecordTooLargeException
                        || e instanceof RecordBatchTooLargeException
                        || e instanceof InvalidRecordException);
    }

    private void refused(FeedItem item, Observation o, byte[] value, Exception e) {
        health.rejected("broker refused: " + e.getClass().getSimpleName());
        deadLetter(
                item,
                payload(item, value),
                where(item)
                        + "observation "
                        + o.observationId()
                        + ": broker refused: "
                        + e.getClass().getSimpleName()
                        + ": "
                        + e.getMessage(),
                e.getClass().getName());
    }

    /** The unit the observation came from, else the observation as it would have been published. */
    private static byte[] payload(FeedItem item, byte[] observation) {
        return item.raw().length > 0 ? item.raw() : observation;
    }

    /** Runs {@code task} on the sink's own thread (never on the producer's I/O thread). */
    private void later(Runnable task) {
        try {
            resender.execute(
                    () -> {
                        try {
                            task.run();
                        } catch (RuntimeException e) {
                            failed(e);
                        }
                    });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            failed(closed);
        }
    }

    private void deadLetter(FeedItem item, byte[] raw, String reason, String errorClass) {
        Instant now = clock.instant();
        DeadLetter d =
                DeadLetter.newBuilder()
                        .setRaw(ByteString.copyFrom(raw))
                        .setSourceTopic("")
                        .setSourcePartition(-1)
                        .setSourceOffset(-1)
                        .setSource(source)
                        .setReason(reason)
                        .setErrorClass(errorClass)
                        .setReceivedAt(
                                Timestamp.newBuilder()
                                        .setSeconds(now.getEpochSecond())
                                        .setNanos(now.getNano()))
                        .build();
        producer.send(
                new ProducerRecord<>(
                        deadLetterTopic, null, now.toEpochMilli(), key, d.toByteArray()),
                (meta, e) -> {
                    if (e != null) {
                        failed(e);
                    }
                });
    }

    /** Where in the input the record was, as a reason prefix: {@code "line 12: "}. */
    static String where(FeedItem item) {
        StringBuilder b = new StringBuilder();
        if (item.packet() >= 0) {
            b.append("packet ").append(item.packet()).append(", ");
        }
        if (item.line() >= 0) {
            b.append("line ").append(item.line()).append(", ");
        }
        long offset = item.isError() ? item.error().offset() : item.offset();
        if (offset >= 0) {
            b.append("offset ").append(offset).append(", ");
        }
        if (b.length() == 0) {
            return "";
        }
        b.setLength(b.length() - 2);
        return b.append(": ").toString();
    }

    private void failed(Exception e) {
        health.publishFailed(1);
        log.accept("Kafka did not accept a record: " + e);
    }

    /**
     * Waits until everything accepted is delivered or failed, the dead letters and resends that
     * failures asked for included.
     */
    @Override
    public void flush() {
        producer.flush();
        // Twice: the callbacks have run and queued their tasks (dead letters, resends), done when
        // a marker is; then a resend can itself have failed as a batch-mate's victim and asked
        // for a dead letter.
        for (int round = 0; round < 2; round++) {
            try {
                resender.submit(() -> {}).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (ExecutionException | java.util.concurrent.RejectedExecutionException e) {
                return;
            }
            producer.flush();
        }
    }

    /**
     * Flushes first ({@link #flush()}): the callbacks of records still in the producer ask for dead
     * letters and resends on the sink's own thread, which must still take them; then stops that
     * thread and closes the producer. The whole close takes at most {@link #CLOSE_TIMEOUT}: with
     * the broker gone a flush would wait for the producer's delivery timeout (2 minutes by
     * default), so after the bound the producer is closed at once, which fails what it still holds;
     * each of those records is counted as a publish failure ({@code
     * cordon_connector_publish_failures_total}) and logged, not silently dropped.
     */
    @Override
    public void close() {
        long deadline = System.nanoTime() + closeTimeout.toNanos();
        Thread flusher = new Thread(this::flush, "cordon-feed-sink-close");
        flusher.setDaemon(true);
        flusher.start();
        boolean flushed = awaitUntil(flusher, deadline);
        if (!flushed) {
            log.accept(
                    "Kafka did not take everything within "
                            + closeTimeout.toSeconds()
                            + " s of closing; closing the producer now: what it still holds is"
                            + " counted as publish failures");
            producer.close(Duration.ZERO);
            awaitUntil(flusher, System.nanoTime() + TimeUnit.SECONDS.toNanos(5));
        }
        resender.shutdown();
        try {
            // after a forced close the failed records' resends and dead letters still run (and
            // fail, counted) on the sink's thread: give them a moment even past the deadline
            long left = Math.max(deadline - System.nanoTime(), TimeUnit.SECONDS.toNanos(2));
            resender.awaitTermination(left, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int dropped = resender.shutdownNow().size();
        if (dropped > 0) {
            health.publishFailed(dropped);
            log.accept(dropped + " resends or dead letters not sent before the sink closed");
        }
        if (flushed) {
            producer.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        }
    }

    private static boolean awaitUntil(Thread thread, long deadlineNanos) {
        try {
            long left = deadlineNanos - System.nanoTime();
            if (left > 0) {
                thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return !thread.isAlive();
    }
}
