package io.cordon.jobs.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.config.CordonConfig;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code cordon local --secure}: the broker takes TLS + SASL/SCRAM clients only and authorises with
 * ACLs; the jobs, the simulated sensors and the monitor each connect as their own principal and the
 * run still produces observations, dead letters and track updates; while it runs, partner mex (with
 * the password the run generated) may read its own topic but not usa's.
 */
class SecureLocalRunITCase {
    @TempDir Path tmp;

    @Test
    void aSecuredLocalRunTracksAndAPartnerCannotReadAnotherPartnersTopic() throws Exception {
        Path configFile = Path.of("..", "deploy", "cordon.yaml");
        CordonConfig config = CordonConfig.load(configFile);
        ByteArrayOutputStream console = new ByteArrayOutputStream();
        LocalRun run =
                new LocalRun(
                        new LocalRun.Options(
                                configFile,
                                Duration.ofSeconds(20),
                                tmp.resolve("data"),
                                false,
                                null,
                                20.0,
                                true),
                        new PrintStream(console, true, StandardCharsets.UTF_8));
        CompletableFuture<ProgressMonitor.Snapshot> result = new CompletableFuture<>();
        Thread runner =
                new Thread(
                        () -> {
                            try {
                                result.complete(run.run());
                            } catch (Throwable e) {
                                result.completeExceptionally(e);
                            }
                        },
                        "secure-local-run");
        runner.setDaemon(true);
        runner.start();

        Pattern ready = Pattern.compile("Kafka ready at (\\S+);");
        Matcher m = ready.matcher("");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(50);
        while (!m.find() && !result.isDone() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            m = ready.matcher(console.toString(StandardCharsets.UTF_8));
        }
        assertThat(result)
                .as(console.toString(StandardCharsets.UTF_8))
                .isNotCompletedExceptionally();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Kafka secured: principals");
        Path tls = tmp.resolve("data/tls");
        Properties partners = load(tls.resolve("partners.properties"));
        Properties stores = load(tls.resolve("passwords.properties"));
        Properties mex = new Properties();
        mex.put("bootstrap.servers", m.group(1));
        mex.put("security.protocol", "SASL_SSL");
        mex.put("sasl.mechanism", "SCRAM-SHA-512");
        mex.put(
                "sasl.jaas.config",
                "org.apache.kafka.common.security.scram.ScramLoginModule required"
                        + " username=\"partner-mex\" password=\""
                        + partners.getProperty("partner-mex")
                        + "\";");
        mex.put("ssl.truststore.type", "PKCS12");
        mex.put("ssl.truststore.location", tls.resolve("trust.p12").toString());
        mex.put("ssl.truststore.password", stores.getProperty("store"));
        mex.put(ConsumerConfig.GROUP_ID_CONFIG, "partner-mex-test");
        mex.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");

        assertThat(pollOwnTopic(mex, config.topics().partnerAlerts("mex")))
                .as("its own topic: allowed")
                .isGreaterThanOrEqualTo(0);
        assertThat(refusal(mex, config.topics().partnerAlerts("usa")))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThat(refusal(mex, config.topics().tracks()))
                .isInstanceOf(TopicAuthorizationException.class);

        ProgressMonitor.Snapshot last = result.get(45, TimeUnit.SECONDS);
        String printed = console.toString(StandardCharsets.UTF_8);
        System.out.println(printed);
        assertThat(printed).contains("TLS + SASL/SCRAM + ACLs", "submitted cordon-distribution");
        assertThat(last.observations()).isPositive();
        assertThat(last.trackUpdates()).isPositive();
        assertThat(last.deadLetters())
                .as("the simulated connectors' dead letters, written as the sensor operator")
                .isPositive();
    }

    private static Properties load(Path file) throws Exception {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        return p;
    }

    /**
     * Polls a topic the principal is allowed to read. The ACLs were created through the admin API
     * just before; the broker applies them when it has replayed the metadata record, a moment
     * later, so a refusal within the first 30 s is retried (a refusal after that fails the test).
     */
    private static int pollOwnTopic(Properties props, String topic) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                return pollOnce(props, topic);
            } catch (TopicAuthorizationException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                Thread.sleep(500);
            }
        }
    }

    /**
     * Polls a topic the principal must not read until the broker refuses it, and fails at once if a
     * record comes. The refusal arrives with the first metadata answer, whose latency depends on
     * the machine's load (the secured run's jobs share its cores): the 60 s are only a hang guard,
     * not a window the refusal has to fit in.
     */
    private static Throwable refusal(Properties props, String topic) {
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                try {
                    assertThat(c.poll(Duration.ofMillis(200)).count())
                            .as("records read from " + topic)
                            .isZero();
                } catch (TopicAuthorizationException e) {
                    return e;
                }
            }
        }
        throw new AssertionError(topic + " was neither refused nor read within 60 s");
    }

    /** Polls {@code topic} for up to 5 s as a group member; returns how many records came. */
    private static int pollOnce(Properties props, String topic) {
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(
                        props, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            c.subscribe(List.of(topic));
            int n = 0;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() < deadline) {
                n += c.poll(Duration.ofMillis(200)).count();
            }
            return n;
        }
    }
}
