package io.cordon.jobs.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.runtime.FeedHealth;
import io.cordon.connectors.runtime.FeedItem;
import io.cordon.jobs.testing.EmbeddedKafka;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.proto.v1.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The connector's sink against a real broker (Kafka's default timestamp bounds: at most an hour
 * ahead): a future-stamped observation lands on the dead-letter topic with its reason and its unit,
 * caught by the sink's own check or, with that check opened wide, refused by the broker; every
 * other observation of the same feed is on the observations topic exactly once.
 */
class KafkaFeedSinkITCase {
    @TempDir static Path tmp;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startKafka() throws Exception {
        kafka = EmbeddedKafka.start(tmp.resolve("kafka"));
        try (Admin admin =
                Admin.create(
                        Map.of(
                                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                                kafka.bootstrapServers()))) {
            List<NewTopic> topics = new ArrayList<>();
            for (String t :
                    List.of(
                            "check.obs",
                            "check.dlq",
                            "broker.obs",
                            "broker.dlq",
                            "close.obs",
                            "close.dlq")) {
                topics.add(new NewTopic(t, 1, (short) 1));
            }
            admin.createTopics(topics).all().get();
        }
    }

    @AfterAll
    static void stopKafka() throws Exception {
        kafka.close();
    }

    private static Observation observation(String id, Instant at) {
        return new Observation(
                id,
                "usa",
                "radar-9",
                SensorKind.GROUND_RADAR,
                at,
                PositionFix.isotropic(GeoPoint.of(31.3, -110.6), 20),
                null,
                null,
                null,
                null);
    }

    private static byte[] unit(String name) {
        return ("unit of " + name).getBytes(StandardCharsets.UTF_8);
    }

    /** Publishes four units, the third stamped two hours ahead; returns the health. */
    private static FeedHealth publish(String prefix, Duration skew) {
        return publish(prefix, skew, true);
    }

    /**
     * As {@link #publish(String, Duration)}; with {@code flush} false the sink is closed right
     * after the last unit, as a connector that shuts down.
     */
    private static FeedHealth publish(String prefix, Duration skew, boolean flush) {
        FeedHealth health = new FeedHealth("asterix", "radar-9");
        List<String> log = new ArrayList<>();
        Instant now = Instant.now();
        try (KafkaFeedSink sink =
                new KafkaFeedSink(
                        kafka.bootstrapServers(),
                        new Properties(),
                        prefix + ".obs",
                        prefix + ".dlq",
                        "radar-9",
                        "asterix:radar-9@test",
                        health,
                        log::add,
                        skew)) {
            String[] names = {"first", "second", "ahead", "fourth"};
            for (int i = 0; i < names.length; i++) {
                Instant at = i == 2 ? now.plus(Duration.ofHours(2)) : now.minusSeconds(10 - i);
                sink.accept(
                        new FeedItem(
                                "Cat048Plot",
                                100L * i,
                                -1,
                                i,
                                List.of(observation(names[i], at)),
                                null,
                                unit(names[i])));
            }
            if (flush) {
                sink.flush();
            }
        }
        assertThat(log).as("nothing failed").isEmpty();
        return health;
    }

    private static List<String> observationIds(String topic) throws Exception {
        List<String> ids = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(topic, Duration.ofSeconds(1))) {
            ids.add(io.cordon.proto.v1.Observation.parseFrom(r.value()).getObservationId());
        }
        return ids;
    }

    private static List<DeadLetter> deadLetters(String topic) throws Exception {
        List<DeadLetter> out = new ArrayList<>();
        for (ConsumerRecord<byte[], byte[]> r : kafka.readCommitted(topic, Duration.ofSeconds(1))) {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("radar-9");
            out.add(DeadLetter.parseFrom(r.value()));
        }
        return out;
    }

    @Test
    void theSinksCheckDeadLettersAnObservationStampedAheadAndPublishesTheRest() throws Exception {
        FeedHealth health = publish("check", KafkaFeedSink.DEFAULT_MAX_FUTURE_SKEW);

        assertThat(observationIds("check.obs")).containsExactly("first", "second", "fourth");
        List<DeadLetter> dlq = deadLetters("check.dlq");
        assertThat(dlq).hasSize(1);
        assertThat(dlq.get(0).getReason())
                .startsWith("packet 2, offset 200: observation ahead: event time ")
                .contains("s ahead of the connector's clock", "at most 300 s allowed");
        assertThat(dlq.get(0).getRaw().toStringUtf8()).isEqualTo("unit of ahead");
        assertThat(dlq.get(0).getSource()).isEqualTo("asterix:radar-9@test");
        assertThat(health.published()).isEqualTo(3);
        assertThat(health.rejected()).isEqualTo(1);
        assertThat(health.publishFailures()).isZero();
    }

    @Test
    void withTheCheckOpenTheBrokersRefusalIsDeadLetteredAndNothingElseIsLost() throws Exception {
        FeedHealth health = publish("broker", Duration.ofDays(3650));

        // the batch-mates of the refused record, failed with it, were sent once more
        assertThat(observationIds("broker.obs"))
                .containsExactlyInAnyOrder("first", "second", "fourth");
        List<DeadLetter> dlq = deadLetters("broker.dlq");
        assertThat(dlq).hasSize(1);
        assertThat(dlq.get(0).getReason())
                .startsWith(
                        "packet 2, offset 200: observation ahead: broker refused:"
                                + " InvalidTimestampException: ");
        assertThat(dlq.get(0).getErrorClass())
                .isEqualTo("org.apache.kafka.common.errors.InvalidTimestampException");
        assertThat(dlq.get(0).getRaw().toStringUtf8()).isEqualTo("unit of ahead");
        assertThat(health.published()).isEqualTo(3);
        assertThat(health.rejectedByReason())
                .containsExactly(Map.entry("broker refused: InvalidTimestampException", 1L));
        assertThat(health.publishFailures()).isZero();
    }

    @Test
    void closingWithoutFlushStillDeliversTheDeadLetterAndTheResendsItAskedFor() throws Exception {
        // closed while the four records are still in the producer's buffer: the broker's refusal
        // and the batch-mates' failures arrive during close, and their dead letter and resends
        // must still go out
        FeedHealth health = publish("close", Duration.ofDays(3650), false);

        assertThat(observationIds("close.obs"))
                .containsExactlyInAnyOrder("first", "second", "fourth");
        List<DeadLetter> dlq = deadLetters("close.dlq");
        assertThat(dlq).hasSize(1);
        assertThat(dlq.get(0).getReason()).contains("observation ahead: broker refused:");
        assertThat(health.published()).isEqualTo(3);
        assertThat(health.publishFailures()).isZero();
    }
}
