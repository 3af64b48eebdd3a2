package io.cordon.jobs.bench;

import io.cordon.connectors.output.geojson.SseFeedServer;
import io.cordon.connectors.output.geojson.SseSubscriber;
import io.cordon.jobs.testing.CotListener;
import io.cordon.jobs.testing.DistributionHarness;
import io.cordon.jobs.testing.WebhookReceiver;
import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * Delivery latency alert → partner output, measured (never asserted): the distribution job alone on
 * an in-process broker and mini cluster; alerts are published to {@code cordon.alerts.v1} at a
 * fixed rate, and for every alert the wall-clock time from publishing to its arrival is taken at a
 * read_committed consumer of the Kafka partner's topic, at a plain-TCP TAK listener, at a webhook
 * and at a client of the same partner's server-sent events. Run (see docs/benchmarks.md):
 *
 * <pre>
 * java -cp ... io.cordon.jobs.bench.DistributionLatencyBenchmark [alerts] [alerts/s] [checkpoint ms]
 * </pre>
 */
public final class DistributionLatencyBenchmark {
    private DistributionLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int alerts = args.length > 0 ? Integer.parseInt(args[0]) : 600;
        double rate = args.length > 1 ? Double.parseDouble(args[1]) : 20;
        long checkpointMs = args.length > 2 ? Long.parseLong(args[2]) : 1000;
        Path dir = Files.createTempDirectory("cordon-distribution-bench");
        int ssePort;
        try (ServerSocket free = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ssePort = free.getLocalPort();
        }
        try (CotListener tak = CotListener.plain();
                WebhookReceiver web = WebhookReceiver.start(0)) {
            String yaml =
                    """
                    reference: {latDeg: 31.3333, lonDeg: -110.6}
                    partners:
                      - id: kfk
                        name: Kafka partner
                        country: USA
                      - id: tak
                        name: TAK partner
                        country: MEX
                        sharing: {language: es, fields: {positions: GRID, gridM: 1000}}
                        outputs: {kafka: false, cot: {host: 127.0.0.1, port: %d}}
                      - id: web
                        name: Webhook partner
                        country: CAN
                        sharing: {language: fr}
                        outputs:
                          kafka: false
                          geojson: {url: "%s"}
                          sse: {bindHost: 127.0.0.1, port: %d}
                    """
                            .formatted(tak.port(), web.url(), ssePort);
            try (DistributionHarness h =
                    new DistributionHarness(dir, yaml, Duration.ofMillis(checkpointMs))) {
                Map<String, Long> published = new ConcurrentHashMap<>();
                List<Long> kafka = Collections.synchronizedList(new ArrayList<>());
                AtomicBoolean running = new AtomicBoolean(true);
                Thread consumer =
                        new Thread(() -> consume(h, published, kafka, running), "bench-consumer");
                consumer.start();
                Thread.sleep(3000); // job running, consumer assigned
                // a first alert opens the SSE endpoint; the subscriber then waits for the live ones
                h.publishAlert(alert("warm-up"));
                SseSubscriber sse = subscribe(ssePort);
                while (!sse.poll(Duration.ofSeconds(30)).data().contains("\"warm-up\"")) {
                    // older retained events
                }
                List<Long> streamed = Collections.synchronizedList(new ArrayList<>());
                Thread sseReader =
                        new Thread(
                                () -> readEvents(sse, published, streamed, running), "bench-sse");
                sseReader.start();
                long start = System.nanoTime();
                for (int i = 0; i < alerts; i++) {
                    long due = start + (long) (i * 1e9 / rate);
                    while (System.nanoTime() < due) {
                        Thread.sleep(1);
                    }
                    Alert a = alert("bench-" + i);
                    published.put(a.alertId(), System.currentTimeMillis());
                    h.publishAlert(a);
                }
                long deadline = System.currentTimeMillis() + 30_000;
                while ((kafka.size() < alerts
                                || tak.events().size() < alerts
                                || web.lines().size() < alerts
                                || streamed.size() < alerts)
                        && System.currentTimeMillis() < deadline) {
                    Thread.sleep(100);
                }
                running.set(false);
                consumer.join();
                sseReader.join();
                sse.close();
                List<Long> cot = new ArrayList<>();
                for (CotListener.Received r : tak.events()) {
                    Long sent = published.get(between(r.xml(), "uid=\"cordon.alert.", "\""));
                    if (sent != null) {
                        cot.add(r.receivedAtMs() - sent);
                    }
                }
                List<Long> geo = new ArrayList<>();
                for (WebhookReceiver.Line l : web.lines()) {
                    Long sent = published.get(between(l.json(), "\"id\":\"", "\""));
                    if (sent != null) {
                        geo.add(l.receivedAtMs() - sent);
                    }
                }
                System.out.printf(
                        Locale.ROOT,
                        "alerts %d at %.0f/s, checkpoint interval %d ms, 3 partners%n",
                        alerts,
                        rate,
                        checkpointMs);
                report("kafka (read_committed)", kafka, alerts);
                report("cot (tcp)", cot, alerts);
                report("geojson (webhook)", geo, alerts);
                report("geojson (sse)", streamed, alerts);
            }
        }
    }

    static void consume(
            DistributionHarness h,
            Map<String, Long> published,
            List<Long> out,
            AtomicBoolean running) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, h.kafka.bootstrapServers());
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        String topic = h.config.topics().partnerAlerts("kfk");
        try (KafkaConsumer<byte[], byte[]> c =
                new KafkaConsumer<>(p, new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> parts =
                    c.partitionsFor(topic).stream()
                            .map(i -> new TopicPartition(topic, i.partition()))
                            .toList();
            c.assign(parts);
            c.seekToBeginning(parts);
            while (running.get()) {
                for (var r : c.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    Long sent = published.get(new String(r.key(), StandardCharsets.UTF_8));
                    if (sent != null) {
                        out.add(now - sent);
                    }
                }
            }
        }
    }

    static SseSubscriber subscribe(int port) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + port + SseFeedServer.PATH);
        for (int attempt = 0; ; attempt++) {
            try {
                return SseSubscriber.connect(HttpClient.newHttpClient(), uri, null);
            } catch (java.net.ConnectException e) {
                if (attempt > 300) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }

    static void readEvents(
            SseSubscriber sse, Map<String, Long> published, List<Long> out, AtomicBoolean running) {
        try {
            while (running.get()) {
                SseSubscriber.Event e = sse.poll(Duration.ofMillis(50));
                if (e != null) {
                    long now = System.currentTimeMillis();
                    Long sent = published.get(between(e.data(), "\"id\":\"", "\""));
                    if (sent != null) {
                        out.add(now - sent);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void report(String output, List<Long> latencies, int expected) {
        List<Long> s = new ArrayList<>(latencies);
        Collections.sort(s);
        if (s.isEmpty()) {
            System.out.printf("%-24s nothing received%n", output);
            return;
        }
        System.out.printf(
                Locale.ROOT,
                "%-24s received %d/%d  p50 %d ms  p95 %d ms  p99 %d ms  max %d ms%n",
                output,
                s.size(),
                expected,
                s.get(s.size() / 2),
                s.get((int) (s.size() * 0.95)),
                s.get((int) (s.size() * 0.99)),
                s.get(s.size() - 1));
    }

    static Alert alert(String id) {
        Instant now = Instant.now();
        return new Alert(
                id,
                AlertType.BORDER_CROSSING,
                Severity.HIGH,
                AlertState.NEW,
                now,
                now,
                GeoPoint.of(31.3333, -110.6),
                List.of("T1"),
                "bench",
                "1",
                Alert.evidence(Map.of(Evidence.SOURCE_PARTNERS, "kfk")),
                Marking.UNRESTRICTED,
                "");
    }

    private static String between(String s, String from, String to) {
        int i = s.indexOf(from) + from.length();
        return s.substring(i, s.indexOf(to, i));
    }
}
