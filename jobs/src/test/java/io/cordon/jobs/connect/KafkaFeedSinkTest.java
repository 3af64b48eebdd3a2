package io.cordon.jobs.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.connectors.runtime.FeedHealth;
import io.cordon.connectors.runtime.FeedItem;
import io.cordon.pipeline.flink.codec.ObservationCodec;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.proto.v1.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTimestampException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

/** What the connector's sink publishes and what it dead-letters instead, on a mock producer. */
class KafkaFeedSinkTest {
    private static final Instant NOW = Instant.parse("2026-05-04T23:59:30Z");
    private static final byte[] UNIT =
            "!AIVDM,1,1,,A,raw unit,0*00".getBytes(StandardCharsets.UTF_8);

    private final FeedHealth health = new FeedHealth("ais", "ais-1");
    private final List<String> logged = new ArrayList<>();

    private MockProducer<byte[], byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(
                autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaFeedSink sink(MockProducer<byte[], byte[]> producer, Duration skew) {
        return new KafkaFeedSink(
                producer,
                "obs",
                "dlq",
                "ais-1",
                "ais:ais-1@udp://0.0.0.0:10110",
                health,
                logged::add,
                skew,
                Clock.fixed(NOW, ZoneOffset.UTC),
                KafkaFeedSink.CLOSE_TIMEOUT);
    }

    private static Observation observation(String id, Instant at) {
        return new Observation(
                id,
                "usa",
                "ais-1",
                SensorKind.AIS,
                at,
                PositionFix.isotropic(GeoPoint.of(31.3, -110.6), 10),
                null,
                null,
                null,
                null);
    }

    private static FeedItem item(Observation... observations) {
        return new FeedItem("PositionReport", 120, 7, -1, List.of(observations), null, UNIT);
    }

    private static List<ProducerRecord<byte[], byte[]>> on(
            MockProducer<byte[], byte[]> producer, String topic) {
        return producer.history().stream().filter(r -> r.topic().equals(topic)).toList();
    }

    private static DeadLetter deadLetter(ProducerRecord<byte[], byte[]> r) throws Exception {
        return DeadLetter.parseFrom(r.value());
    }

    @Test
    void anObservationStampedFurtherAheadThanTheSkewIsDeadLetteredWithItsUnit() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(true);
        try (KafkaFeedSink sink = sink(producer, Duration.ofMinutes(5))) {
            sink.accept(
                    item(
                            observation("in-time", NOW.minusSeconds(2)),
                            observation("at-the-limit", NOW.plusSeconds(300)),
                            observation("ahead", NOW.plusSeconds(3600).plusMillis(500))));
            sink.flush();
        }
        assertThat(on(producer, "obs"))
                .extracting(r -> ObservationCodec.parse(r.value()))
                .hasSize(2);
        assertThat(on(producer, "obs"))
                .extracting(ProducerRecord::timestamp)
                .containsExactly(
                        NOW.minusSeconds(2).toEpochMilli(), NOW.plusSeconds(300).toEpochMilli());
        List<ProducerRecord<byte[], byte[]>> dlq = on(producer, "dlq");
        assertThat(dlq).hasSize(1);
        DeadLetter d = deadLetter(dlq.get(0));
        assertThat(d.getReason())
                .startsWith("line 7, offset 120: observation ahead: event time ")
                .contains(
                        "2026-05-05T00:59:30.500Z is 3600.500 s ahead of the connector's clock",
                        "at most 300 s allowed (--max-future-skew)");
        assertThat(d.getRaw().toByteArray()).isEqualTo(UNIT);
        assertThat(d.getSource()).isEqualTo("ais:ais-1@udp://0.0.0.0:10110");
        assertThat(new String(dlq.get(0).key(), StandardCharsets.UTF_8)).isEqualTo("ais-1");
        assertThat(health.published()).isEqualTo(2);
        assertThat(health.rejected()).isEqualTo(1);
        assertThat(health.rejectedByReason())
                .containsEntry("event time ahead of the connector's clock", 1L);
        assertThat(health.prometheus())
                .contains(
                        "cordon_connector_rejected_total{format=\"ais\",sensor=\"ais-1\","
                                + "reason=\"event time ahead of the connector's clock\"} 1");
        assertThat(health.summary()).contains("1 rejected");
        assertThat(health.publishFailures()).isZero();
    }

    @Test
    void withoutTheUnitsBytesTheDeadLetterCarriesTheObservation() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(true);
        Observation ahead = observation("ahead", NOW.plusSeconds(90));
        try (KafkaFeedSink sink = sink(producer, Duration.ofMinutes(1))) {
            sink.accept(new FeedItem("CotEvent", -1, -1, 3, List.of(ahead), null));
            sink.flush();
        }
        DeadLetter d = deadLetter(on(producer, "dlq").get(0));
        assertThat(d.getReason()).startsWith("packet 3: observation ahead: event time");
        assertThat(d.getRaw().toByteArray()).isEqualTo(ObservationCodec.toBytes(ahead));
        assertThat(on(producer, "obs")).isEmpty();
    }

    @Test
    void aRecordTheBrokerRefusesIsDeadLetteredWithTheBrokersReason() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(false);
        try (KafkaFeedSink sink = sink(producer, Duration.ofDays(3650))) {
            sink.accept(item(observation("refused", NOW.plusSeconds(7200))));
            assertThat(
                            producer.errorNext(
                                    new InvalidTimestampException(
                                            "Timestamp 1778024370000 of message with offset 0 is"
                                                    + " out of range")))
                    .isTrue();
            sink.flush(); // the dead letter goes out, nothing is pending
            sink.accept(item(observation("too-big", NOW)));
            assertThat(producer.errorNext(new RecordTooLargeException("too large"))).isTrue();
            sink.flush();
        }
        List<ProducerRecord<byte[], byte[]>> dlq = on(producer, "dlq");
        assertThat(dlq).hasSize(2);
        DeadLetter first = deadLetter(dlq.get(0));
        assertThat(first.getReason())
                .isEqualTo(
                        "line 7, offset 120: observation refused: broker refused:"
                                + " InvalidTimestampException: Timestamp 1778024370000 of message"
                                + " with offset 0 is out of range");
        assertThat(first.getErrorClass()).isEqualTo(InvalidTimestampException.class.getName());
        assertThat(first.getRaw().toByteArray()).isEqualTo(UNIT);
        assertThat(deadLetter(dlq.get(1)).getReason())
                .endsWith(
                        "observation too-big: broker refused: RecordTooLargeException: too large");
        assertThat(health.rejectedByReason())
                .containsEntry("broker refused: InvalidTimestampException", 1L)
                .containsEntry("broker refused: RecordTooLargeException", 1L);
        assertThat(health.publishFailures()).isZero();
    }

    @Test
    void retriableAndOtherErrorsAreCountedAsPublishFailuresNotDeadLettered() {
        MockProducer<byte[], byte[]> producer = producer(false);
        try (KafkaFeedSink sink = sink(producer, Duration.ofMinutes(5))) {
            sink.accept(item(observation("a", NOW)));
            producer.errorNext(new TimeoutException("delivery timeout"));
            sink.accept(item(observation("b", NOW)));
            producer.errorNext(new NotLeaderOrFollowerException("moved"));
            sink.accept(item(observation("c", NOW)));
            producer.errorNext(new TopicAuthorizationException("no write"));
            sink.flush();
        }
        assertThat(on(producer, "dlq")).isEmpty();
        assertThat(health.publishFailures()).isEqualTo(3);
        assertThat(health.rejected()).isZero();
        assertThat(logged).hasSize(3).allSatisfy(l -> assertThat(l).startsWith("Kafka did not"));
    }

    @Test
    void aBatchMateOfARefusedRecordIsSentOnceMore() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(false);
        try (KafkaFeedSink sink = sink(producer, Duration.ofMinutes(5))) {
            sink.accept(item(observation("refused", NOW), observation("innocent", NOW)));
            producer.errorNext(new InvalidTimestampException("out of range"));
            producer.errorNext(
                    new KafkaException(
                            "Failed to append record because it was part of a batch which had one"
                                    + " more more invalid records"));
            sink.flush();
        }
        List<String> published =
                on(producer, "obs").stream()
                        .map(r -> ObservationCodec.parse(r.value()))
                        .map(
                                r ->
                                        ((io.cordon.pipeline.flink.codec.DecodeResult.Ok<
                                                                Observation>)
                                                        r)
                                                .value()
                                                .observationId())
                        .toList();
        // the two first sends, then the innocent one once more
        assertThat(published).containsExactly("refused", "innocent", "innocent");
        assertThat(on(producer, "dlq")).hasSize(1);
        assertThat(deadLetter(on(producer, "dlq").get(0)).getReason())
                .contains("observation refused: broker refused");
        assertThat(health.published()).isEqualTo(1);
        assertThat(health.publishFailures()).isZero();
    }

    @Test
    void aNegativeSkewIsRefused() {
        assertThatThrownBy(() -> sink(producer(true), Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFutureSkew");
    }

    /**
     * A producer whose flush never finishes until it is closed, as a real one with its broker gone
     * waits for the delivery timeout (2 minutes); closing it fails what it still holds.
     */
    private static final class StuckProducer extends MockProducer<byte[], byte[]> {
        final java.util.concurrent.CountDownLatch closed =
                new java.util.concurrent.CountDownLatch(1);
        final List<Duration> closeTimeouts = new java.util.concurrent.CopyOnWriteArrayList<>();

        /** Set as close begins: a real producer refuses sends from then on. */
        private volatile boolean closing;

        StuckProducer() {
            super(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        }

        @Override
        public synchronized java.util.concurrent.Future<
                        org.apache.kafka.clients.producer.RecordMetadata>
                send(
                        ProducerRecord<byte[], byte[]> record,
                        org.apache.kafka.clients.producer.Callback callback) {
            if (closing) {
                // as KafkaProducer after close: refused at once, never held (a resend queued by a
                // failed record's callback races the close; held, it would never complete)
                throw new IllegalStateException(
                        "Cannot perform operation after producer has been closed");
            }
            return super.send(record, callback);
        }

        @Override
        public void flush() {
            try {
                closed.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close(Duration timeout) {
            closeTimeouts.add(timeout);
            closing = true;
            // fail every record still held as KafkaProducer.close(0) aborts its batches: a plain
            // KafkaException, which the sink treats as a batch-mate's failure and resends (on the
            // closed producer, which refuses it)
            while (errorNext(new KafkaException("Producer is closed forcefully."))) {
                // next
            }
            closed.countDown();
            super.close(timeout);
        }
    }

    @Test
    @org.junit.jupiter.api.Timeout(60) // a hang guard: the unbounded close never returned here
    void closeIsBoundedWhenKafkaTakesNothingAndCountsWhatItHeld() {
        StuckProducer producer = new StuckProducer();
        KafkaFeedSink sink =
                new KafkaFeedSink(
                        producer,
                        "obs",
                        "dlq",
                        "ais-1",
                        "ais:ais-1@udp://0.0.0.0:10110",
                        health,
                        logged::add,
                        Duration.ofMinutes(5),
                        Clock.fixed(NOW, ZoneOffset.UTC),
                        Duration.ofMillis(300));
        sink.accept(
                item(observation("a", NOW.minusSeconds(2)), observation("b", NOW.minusSeconds(1))));
        sink.close();
        // not flushed within the bound: closed at once, not after the producer's own timeout
        assertThat(producer.closeTimeouts).containsExactly(Duration.ZERO);
        assertThat(health.published()).isZero();
        assertThat(health.publishFailures()).isEqualTo(2);
        assertThat(logged).anyMatch(l -> l.contains("closing the producer now"));
    }

    @Test
    void closeFlushesEverythingFirstWhenKafkaTakesIt() {
        MockProducer<byte[], byte[]> producer = producer(false);
        KafkaFeedSink sink = sink(producer, Duration.ofMinutes(5));
        sink.accept(item(observation("a", NOW.minusSeconds(2))));
        assertThat(health.published()).isZero();
        sink.close();
        assertThat(health.published()).isEqualTo(1);
        assertThat(health.publishFailures()).isZero();
        assertThat(logged).noneMatch(l -> l.contains("closing the producer now"));
    }
}
