package io.cordon.jobs.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.runtime.FeedHealth;
import io.cordon.connectors.transport.TcpServer;
import io.cordon.connectors.transport.Transport;
import io.cordon.connectors.transport.UdpListener;
import io.cordon.jobs.local.TopicSetup;
import io.cordon.jobs.testing.EmbeddedKafka;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.proto.v1.DeadLetter;
import io.cordon.proto.v1.Observation;
import io.cordon.proto.v1.SensorInfo;
import io.cordon.proto.v1.SensorKind;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Three connectors against a real broker at once: ASTERIX over UDP, CoT over a TCP server and an
 * NMEA file, with good and corrupted inputs from the public vectors in shared/peerdata.
 */
@Timeout(120)
class ConnectITCase {
    @TempDir static Path dir;
    static EmbeddedKafka kafka;
    static Path config;

    @BeforeAll
    static void start() throws Exception {
        kafka = EmbeddedKafka.start(dir.resolve("kafka"));
        config = dir.resolve("cordon.yaml");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "reference: {latDeg: 45, lonDeg: 15}",
                        "partners:",
                        "  - {id: usa, name: USA, country: USA}",
                        "  - {id: mex, name: Mexico, country: MEX}",
                        "sensors:",
                        "  - id: radar-1",
                        "    partnerId: usa",
                        "    kind: GROUND_RADAR",
                        "    position: {latDeg: 45.5, lonDeg: 16.25}",
                        "  - id: drone-1",
                        "    partnerId: mex",
                        "    kind: DRONE",
                        "    position: {latDeg: 31.3, lonDeg: -110.7}",
                        "    releasableTo: [mex]",
                        "  - id: ais-1",
                        "    partnerId: usa",
                        "    kind: AIS",
                        "    position: {latDeg: 31.3, lonDeg: -110.7}",
                        ""));
        TopicSetup.create(kafka.bootstrapServers(), CordonConfig.load(config), 2);
    }

    @AfterAll
    static void stop() throws Exception {
        kafka.close();
    }

    private static ConnectorProcess.Options options(
            String format, String listen, Path file, String sensor) {
        return new ConnectorProcess.Options(
                format,
                listen,
                null,
                file,
                false,
                sensor,
                config,
                kafka.bootstrapServers(),
                null,
                -1,
                Duration.ofSeconds(1),
                new Properties(),
                8,
                null);
    }

    @Test
    void udpAsterixTcpCotAndAnNmeaFileReachTheirTopics() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            CompletableFuture<Transport> udpStarted = new CompletableFuture<>();
            CompletableFuture<Transport> tcpStarted = new CompletableFuture<>();
            StringWriter log = new StringWriter();
            PrintWriter out = new PrintWriter(log, true);
            Future<FeedHealth> udp =
                    pool.submit(
                            () ->
                                    ConnectorProcess.run(
                                            options(
                                                    "asterix",
                                                    "udp://127.0.0.1:0",
                                                    null,
                                                    "radar-1"),
                                            out,
                                            udpStarted::complete));
            Future<FeedHealth> tcp =
                    pool.submit(
                            () ->
                                    ConnectorProcess.run(
                                            options("cot", "tcp://127.0.0.1:0", null, "drone-1"),
                                            out,
                                            tcpStarted::complete));
            Future<FeedHealth> file =
                    pool.submit(
                            () ->
                                    ConnectorProcess.run(
                                            options(
                                                    "ais",
                                                    null,
                                                    PeerData.path("ais-gpsd/sample.aivdm"),
                                                    "ais-1"),
                                            out));

            // UDP: the upstream CAT048 block three times, and a truncated one in between.
            UdpListener udpListener = (UdpListener) udpStarted.get(60, TimeUnit.SECONDS);
            int udpPort = udpListener.localPort();
            byte[] block = liveTimeOfDay(PeerData.bytes("asterix/input/cat048.raw"));
            byte[] truncated = Arrays.copyOf(block, 20);
            try (DatagramSocket s = new DatagramSocket()) {
                for (byte[] d : List.of(block, truncated, block, block)) {
                    s.send(
                            new DatagramPacket(
                                    d, d.length, InetAddress.getLoopbackAddress(), udpPort));
                }
            }

            // TCP: the TAK golden CoT event, a broken event, the event again, in 10-byte writes.
            TcpServer server = (TcpServer) tcpStarted.get(60, TimeUnit.SECONDS);
            byte[] event = PeerData.bytes("cot-tak/takproto-golden/event.cot.xml");
            byte[] broken =
                    "<event version='2.0' uid='b' type='a-h-G'><point lat='x'/></event>"
                            .getBytes(StandardCharsets.UTF_8);
            byte[] stream = concat(event, broken, event);
            try (Socket s = new Socket("127.0.0.1", server.localPort())) {
                OutputStream o = s.getOutputStream();
                for (int i = 0; i < stream.length; i += 10) {
                    o.write(stream, i, Math.min(10, stream.length - i));
                    o.flush();
                }
            }

            FeedHealth ais = file.get(60, TimeUnit.SECONDS); // the file connector ends by itself
            waitFor(() -> udpListenerDelivered(4), log); // 3 good datagrams + 1 bad
            udpListener.close();
            FeedHealth radar = udp.get(60, TimeUnit.SECONDS);
            waitFor(() -> countKey("cordon.deadletter.v1", "drone-1") >= 1);
            waitFor(() -> countKey("cordon.observations.v1", "drone-1") >= 2);
            server.close();
            FeedHealth drone = tcp.get(60, TimeUnit.SECONDS);

            // Observations: keyed by sensor, with the registry's provenance and marking.
            Map<String, List<Observation>> observations = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r :
                    kafka.readCommitted("cordon.observations.v1", Duration.ofSeconds(2))) {
                Observation o = Observation.parseFrom(r.value());
                String key = new String(r.key(), StandardCharsets.UTF_8);
                assertThat(o.getProvenance().getSensorId()).isEqualTo(key);
                observations.computeIfAbsent(key, k -> new ArrayList<>()).add(o);
            }
            assertThat(observations.get("radar-1"))
                    .hasSize(3)
                    .allSatisfy(
                            o -> {
                                assertThat(o.getRadarPlot().getAzimuthDeg())
                                        .isEqualTo(340.13671875);
                                assertThat(o.getRadarPlot().getSensorPosition().getLatDeg())
                                        .isEqualTo(45.5);
                                assertThat(o.getProvenance().getPartnerId()).isEqualTo("usa");
                            });
            assertThat(observations.get("drone-1"))
                    .hasSize(2)
                    .allSatisfy(
                            o -> {
                                assertThat(o.getPosition().getPosition().getLatDeg())
                                        .isEqualTo(43.97957317);
                                assertThat(o.getMarking().getReleasableToAll()).isFalse();
                                assertThat(o.getMarking().getPartnersList()).containsExactly("mex");
                            });
            // sample.aivdm.js.chk has 12 position reports (types 1, 2, 3, 18, 19, 27)
            assertThat(observations.get("ais-1")).hasSize(12);
            assertThat(ais.published()).isEqualTo(12);

            // Dead letters: raw bytes, source, reason.
            List<DeadLetter> dead = new ArrayList<>();
            Map<String, Integer> deadByKey = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r :
                    kafka.readCommitted("cordon.deadletter.v1", Duration.ofSeconds(1))) {
                dead.add(DeadLetter.parseFrom(r.value()));
                deadByKey.merge(new String(r.key(), StandardCharsets.UTF_8), 1, Integer::sum);
            }
            assertThat(deadByKey)
                    .containsEntry("radar-1", 1)
                    .containsEntry("drone-1", 1)
                    .containsEntry("ais-1", 1);
            assertThat(dead)
                    .anySatisfy(
                            d -> {
                                assertThat(d.getSource()).startsWith("asterix:radar-1@udp://");
                                assertThat(d.getRaw().toByteArray()).isEqualTo(truncated);
                                assertThat(d.getReason()).isNotBlank();
                                assertThat(d.getSourcePartition()).isEqualTo(-1);
                            });
            assertThat(dead)
                    .anySatisfy(
                            d -> {
                                assertThat(d.getSource()).startsWith("cot:drone-1@tcp://");
                                assertThat(d.getRaw().toStringUtf8()).contains("lat='x'");
                            });
            assertThat(dead)
                    .anySatisfy(
                            d -> {
                                assertThat(d.getSource()).startsWith("ais:ais-1@file://");
                                // the one sentence of sample.aivdm without its leading '!' (line
                                // 978)
                                assertThat(d.getReason()).startsWith("line 978");
                            });

            // Health counted the same.
            assertThat(radar.errors()).isEqualTo(1);
            assertThat(radar.published()).isEqualTo(3);
            assertThat(drone.errors()).isEqualTo(1);
            assertThat(log.toString()).contains("health: ").contains("final: ");

            // Registry: every sensor of the configuration, keyed by id.
            Map<String, SensorInfo> registry = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r :
                    kafka.readCommitted("cordon.sensors.v1", Duration.ofSeconds(1))) {
                registry.put(
                        new String(r.key(), StandardCharsets.UTF_8),
                        SensorInfo.parseFrom(r.value()));
            }
            assertThat(registry).containsOnlyKeys("radar-1", "drone-1", "ais-1");
            assertThat(registry.get("drone-1").getPartnerId()).isEqualTo("mex");
            assertThat(registry.get("drone-1").getKind()).isEqualTo(SensorKind.SENSOR_KIND_DRONE);
            assertThat(registry.get("radar-1").getPosition().getLonDeg()).isEqualTo(16.25);
            assertThat(registry.get("radar-1").getDefaultAccuracy().hasSigmaRangeM()).isTrue();
            assertThat(registry.get("radar-1").getExpectedUpdatePeriod().getSeconds()).isEqualTo(4);
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * The vector's one CAT048 record with its I140 (time of day, 1/128 s, octets 8-10 after CAT,
     * LEN, a 3-octet FSPEC and I010) set to now, as a live radar stamps it. The connector dates a
     * time of day by the receive time, so the recorded 07:35:54 would land up to 12 h ahead, and
     * the broker refuses record timestamps more than 1 h ahead (the test failed between about 19:35
     * and 07:35 UTC).
     */
    private static byte[] liveTimeOfDay(byte[] block) {
        assertThat(Arrays.copyOfRange(block, 8, 11))
                .as("I140 of the vector")
                .isEqualTo(new byte[] {0x35, 0x6d, 0x4d});
        long nowMs = System.currentTimeMillis() % 86_400_000L;
        int tod = (int) (nowMs * 128 / 1000);
        byte[] live = block.clone();
        live[8] = (byte) (tod >>> 16);
        live[9] = (byte) (tod >>> 8);
        live[10] = (byte) tod;
        return live;
    }

    private static boolean udpListenerDelivered(int datagrams) {
        return countKey("cordon.observations.v1", "radar-1")
                        + countKey("cordon.deadletter.v1", "radar-1")
                >= datagrams;
    }

    private static long countKey(String topic, String key) {
        return kafka.readCommitted(topic, Duration.ofMillis(300)).stream()
                .filter(r -> new String(r.key(), StandardCharsets.UTF_8).equals(key))
                .count();
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        waitFor(condition, new StringWriter());
    }

    /** Waits for the condition; on failure the message carries the connectors' log. */
    private static void waitFor(java.util.function.BooleanSupplier condition, StringWriter log)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 60 s; connectors said:\n" + log);
            }
            Thread.sleep(200);
        }
    }
}
