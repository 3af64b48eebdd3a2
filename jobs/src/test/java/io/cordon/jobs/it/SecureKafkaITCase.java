package io.cordon.jobs.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.jobs.CordonJobs;
import io.cordon.jobs.JobRuntime;
import io.cordon.jobs.kafka.KafkaIo;
import io.cordon.jobs.local.LocalFlink;
import io.cordon.jobs.local.LocalKafkaBroker;
import io.cordon.jobs.local.TopicSetup;
import io.cordon.jobs.security.KafkaAcls;
import io.cordon.jobs.security.LocalBrokerSecurity;
import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A secured broker, the local one in its own JVM ({@link LocalKafkaBroker} with {@link
 * LocalBrokerSecurity}: TLS with a certificate generated for this test, SASL/SCRAM-SHA-512, ACLs
 * from {@link KafkaAcls}, nothing allowed without an ACL): the distribution job runs as {@code
 * cordon-distribution}; partner usa, with its own credentials, receives its alerts; partner mex can
 * read neither usa's topic nor write observations; a sensor operator can write observations but
 * read no partner topic; a wrong password is refused, and so is a client that does not trust the
 * broker's certificate.
 */
class SecureKafkaITCase {
    static final Instant T0 = Instant.parse("2026-01-01T00:05:00Z");
    static final Map<String, String> PASSWORDS =
            Map.of(
                    "cordon-distribution", "dist-secret",
                    "cordon-detection", "det-secret",
                    "partner-usa", "usa-secret",
                    "partner-mex", "mex-secret",
                    "sensors-usa", "sensors-secret");

    @TempDir Path tmp;

    @Test
    void eachPrincipalCanDoOnlyWhatItsAclsAllow() throws Exception {
        Path file = tmp.resolve("cordon.yaml");
        Files.writeString(
                file,
                """
                reference: {latDeg: 31.3333, lonDeg: -110.6}
                partners:
                  - {id: usa, name: US, country: USA}
                  - {id: mex, name: Mexico, country: MEX, sharing: {alertTypes: [LOITERING]}}
                """);
        ConfigText text = CordonJobs.readConfigText(file);
        CordonConfig config = text.parse();
        LocalBrokerSecurity security = LocalBrokerSecurity.generate(tmp.resolve("tls"));
        try (LocalKafkaBroker broker =
                LocalKafkaBroker.start(
                        tmp.resolve("kafka"), 0, false, Duration.ofSeconds(120), security)) {
            Secured kafka = new Secured(broker.bootstrapServers(), security);
            security.createUsers(kafka.bootstrapServers(), PASSWORDS);
            try (Admin admin = Admin.create(kafka.admin())) {
                List<NewTopic> topics = new ArrayList<>();
                for (String name : TopicSetup.all(config)) {
                    topics.add(new NewTopic(name, 1, (short) 1));
                }
                admin.createTopics(topics).all().get(30, TimeUnit.SECONDS);
                KafkaAcls.apply(admin, config);
            }
            Properties dist = new Properties();
            dist.putAll(security.client("cordon-distribution", "dist-secret"));
            try (LocalFlink flink = LocalFlink.start(4)) {
                JobRuntime runtime =
                        new JobRuntime(
                                Duration.ofMillis(500),
                                1,
                                tmp.resolve("cp").toUri().toString(),
                                Duration.ofSeconds(2),
                                Duration.ofSeconds(3));
                flink.submit(
                        new CordonJobs(text, new KafkaIo(kafka.bootstrapServers(), dist), runtime)
                                .distribution());

                Alert crossing = crossing();
                try (KafkaProducer<byte[], byte[]> detection =
                        producer(kafka.scram("cordon-detection", "det-secret"))) {
                    detection
                            .send(
                                    record(
                                            config.topics().alerts(),
                                            crossing.alertId(),
                                            AlertCodec.toBytes(crossing)))
                            .get(30, TimeUnit.SECONDS);
                }

                List<ConsumerRecord<byte[], byte[]>> usa =
                        poll(
                                kafka.scram("partner-usa", "usa-secret"),
                                "partner-usa-c2",
                                config.topics().partnerAlerts("usa"),
                                1,
                                Duration.ofSeconds(60));
                assertThat(usa)
                        .extracting(r -> new String(r.key(), StandardCharsets.UTF_8))
                        .containsExactly(crossing.alertId());

                Properties mex = kafka.scram("partner-mex", "mex-secret");
                assertThatThrownBy(
                                () ->
                                        poll(
                                                mex,
                                                "partner-mex-c2",
                                                config.topics().partnerAlerts("usa"),
                                                1,
                                                Duration.ofSeconds(10)))
                        .isInstanceOf(TopicAuthorizationException.class);
                assertThat(
                                poll(
                                        mex,
                                        "partner-mex-c2",
                                        config.topics().partnerAlerts("mex"),
                                        0,
                                        Duration.ofSeconds(2)))
                        .as("its own topic: allowed, and empty (mex takes LOITERING only)")
                        .isEmpty();
                try (KafkaProducer<byte[], byte[]> p = producer(mex)) {
                    assertThatThrownBy(
                                    () ->
                                            p.send(
                                                            record(
                                                                    config.topics().observations(),
                                                                    "x",
                                                                    new byte[] {1}))
                                                    .get(30, TimeUnit.SECONDS))
                            .isInstanceOf(ExecutionException.class)
                            .hasCauseInstanceOf(TopicAuthorizationException.class);
                }
                Properties sensors = kafka.scram("sensors-usa", "sensors-secret");
                try (KafkaProducer<byte[], byte[]> p = producer(sensors)) {
                    assertThat(
                                    p.send(
                                                    record(
                                                            config.topics().observations(),
                                                            "usa-radar-1",
                                                            new byte[] {1}))
                                            .get(30, TimeUnit.SECONDS)
                                            .offset())
                            .isGreaterThanOrEqualTo(0);
                }
                assertThatThrownBy(
                                () ->
                                        poll(
                                                sensors,
                                                "sensors-usa",
                                                config.topics().partnerAlerts("usa"),
                                                1,
                                                Duration.ofSeconds(10)))
                        .as("no group and no topic read for a sensor operator")
                        .isInstanceOf(AuthorizationException.class);
                assertThatThrownBy(
                                () ->
                                        poll(
                                                kafka.scram("partner-usa", "wrong"),
                                                "partner-usa-c2",
                                                config.topics().partnerAlerts("usa"),
                                                1,
                                                Duration.ofSeconds(10)))
                        .isInstanceOf(SaslAuthenticationException.class);
                Properties untrusting = kafka.scram("partner-usa", "usa-secret");
                untrusting.remove("ssl.truststore.location");
                untrusting.remove("ssl.truststore.password");
                untrusting.remove("ssl.truststore.type");
                assertThatThrownBy(
                                () ->
                                        poll(
                                                untrusting,
                                                "partner-usa-c2",
                                                config.topics().partnerAlerts("usa"),
                                                1,
                                                Duration.ofSeconds(10)))
                        .as("TLS: the broker's certificate is not in the JVM's trust store")
                        .isInstanceOf(SslAuthenticationException.class);
            }
        }
    }

    /** Client properties of the secured broker. */
    record Secured(String bootstrapServers, LocalBrokerSecurity security) {
        Properties admin() {
            Properties p = new Properties();
            p.put("bootstrap.servers", bootstrapServers);
            p.putAll(security.admin());
            return p;
        }

        Properties scram(String user, String password) {
            Properties p = new Properties();
            p.put("bootstrap.servers", bootstrapServers);
            p.putAll(security.client(user, password));
            return p;
        }
    }

    static Alert crossing() {
        return new Alert(
                "border-crossing-secure",
                AlertType.BORDER_CROSSING,
                Severity.HIGH,
                AlertState.NEW,
                T0,
                T0,
                GeoPoint.of(31.3333, -110.6),
                List.of("T1"),
                "test",
                "1",
                Alert.evidence(Map.of(Evidence.SOURCE_PARTNERS, "usa")),
                Marking.UNRESTRICTED,
                "");
    }

    static ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value);
    }

    static KafkaProducer<byte[], byte[]> producer(Properties props) {
        Properties p = new Properties();
        p.putAll(props);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "20000");
        return new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** Subscribes with a group and polls until {@code n} committed records or the timeout. */
    static List<ConsumerRecord<byte[], byte[]>> poll(
            Properties props, String group, String topic, int n, Duration timeout) {
        Properties p = new Properties();
        p.putAll(props);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> out = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (System.nanoTime() < deadline && (n == 0 || out.size() < n)) {
                c.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }
}
