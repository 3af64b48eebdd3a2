package io.cordon.connectors.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.connectors.runtime.Framing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class TransportTest {
    /** Collects one connection's bytes; signals its end. */
    static final class Collector implements ChunkHandler {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> chunkSizes = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch ended = new CountDownLatch(1);
        final BlockingQueue<byte[]> chunks = new LinkedBlockingQueue<>();

        @Override
        public synchronized void onChunk(byte[] b, Instant receivedAt) {
            bytes.write(b, 0, b.length);
            chunkSizes.add(b.length);
            chunks.add(b);
        }

        @Override
        public void onEnd() {
            ended.countDown();
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    private static Thread start(Transport t, java.util.function.Supplier<ChunkHandler> handlers) {
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                t.run(handlers);
                            } catch (IOException e) {
                                throw new RuntimeException(e);
                            }
                        });
        thread.start();
        return thread;
    }

    @Test
    void udpDeliversEachDatagramWholeToOneHandler() throws Exception {
        UdpListener udp = new UdpListener("127.0.0.1", 0);
        assertThat(udp.framing()).isEqualTo(Framing.DATAGRAM);
        Collector c = new Collector();
        Thread t = start(udp, () -> c);
        int port = udp.localPort();
        try (DatagramSocket s = new DatagramSocket()) {
            for (String d : List.of("first", "second datagram", "")) {
                byte[] b = d.getBytes(StandardCharsets.UTF_8);
                s.send(new DatagramPacket(b, b.length, InetAddress.getLoopbackAddress(), port));
            }
        }
        assertThat(new String(c.chunks.poll(10, TimeUnit.SECONDS), StandardCharsets.UTF_8))
                .isEqualTo("first");
        assertThat(new String(c.chunks.poll(10, TimeUnit.SECONDS), StandardCharsets.UTF_8))
                .isEqualTo("second datagram");
        assertThat(c.chunks.poll(10, TimeUnit.SECONDS)).isEmpty();
        udp.close();
        t.join(10_000);
        assertThat(c.ended.await(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void tcpServerGivesEveryConnectionItsOwnHandlerAndEndsItOnClose() throws Exception {
        List<Collector> handlers = Collections.synchronizedList(new ArrayList<>());
        TcpServer server = new TcpServer("127.0.0.1", 0, 4, line -> {});
        Thread t =
                start(
                        server,
                        () -> {
                            Collector c = new Collector();
                            handlers.add(c);
                            return c;
                        });
        int port = server.localPort();
        try (Socket a = new Socket("127.0.0.1", port);
                Socket b = new Socket("127.0.0.1", port)) {
            OutputStream oa = a.getOutputStream();
            OutputStream ob = b.getOutputStream();
            oa.write("from a, ".getBytes(StandardCharsets.UTF_8));
            ob.write("from b".getBytes(StandardCharsets.UTF_8));
            oa.flush();
            oa.write("part two".getBytes(StandardCharsets.UTF_8));
            oa.flush();
            ob.flush();
        }
        waitFor(
                () ->
                        handlers.size() == 2
                                && handlers.stream().allMatch(h -> h.ended.getCount() == 0));
        List<String> texts = handlers.stream().map(Collector::text).sorted().toList();
        assertThat(texts).containsExactly("from a, part two", "from b");
        server.close();
        t.join(10_000);
        assertThat(t.isAlive()).isFalse();
    }

    @Test
    void tcpServerRefusesConnectionsBeyondItsLimit() throws Exception {
        List<String> log = Collections.synchronizedList(new ArrayList<>());
        TcpServer server = new TcpServer("127.0.0.1", 0, 1, log::add);
        Collector c = new Collector();
        Thread t = start(server, () -> c);
        int port = server.localPort();
        try (Socket a = new Socket("127.0.0.1", port)) {
            a.getOutputStream().write(1);
            waitFor(() -> c.chunkSizes.size() == 1);
            try (Socket b = new Socket("127.0.0.1", port)) {
                assertThat(b.getInputStream().read()).isEqualTo(-1); // closed on accept
            }
        }
        // The server thread goes on logging (the first connection's end): read the log under its
        // lock, as a synchronized list must be iterated, and wait for the refusal's line.
        waitFor(() -> copy(log).stream().anyMatch(l -> l.contains("refusing")));
        assertThat(copy(log)).anyMatch(l -> l.contains("refusing"));
        server.close();
        t.join(10_000);
    }

    @Test
    void tcpClientReconnectsWithAFreshHandlerAfterTheServerClosesTheConnection() throws Exception {
        try (ServerSocket sensor = new ServerSocket(0)) {
            List<Collector> handlers = Collections.synchronizedList(new ArrayList<>());
            TcpClient client =
                    new TcpClient(
                            "127.0.0.1",
                            sensor.getLocalPort(),
                            Duration.ofMillis(50),
                            Duration.ofMillis(200),
                            line -> {});
            Thread t =
                    start(
                            client,
                            () -> {
                                Collector c = new Collector();
                                handlers.add(c);
                                return c;
                            });
            for (String msg : List.of("one", "two")) {
                try (Socket s = sensor.accept()) {
                    s.getOutputStream().write(msg.getBytes(StandardCharsets.UTF_8));
                }
            }
            waitFor(() -> handlers.size() >= 2 && handlers.get(1).text().equals("two"));
            assertThat(handlers.get(0).text()).isEqualTo("one");
            assertThat(handlers.get(0).ended.getCount()).isZero();
            client.close();
            t.join(10_000);
            assertThat(t.isAlive()).isFalse();
        }
    }

    @Test
    void fileSourceReadsTheWholeFileInChunksThenEnds(@TempDir Path dir) throws Exception {
        byte[] content = new byte[200_000];
        for (int i = 0; i < content.length; i++) {
            content[i] = (byte) i;
        }
        Path f = dir.resolve("feed.bin");
        Files.write(f, content);
        Collector c = new Collector();
        new FileSource(f).run(() -> c);
        assertThat(c.bytes.toByteArray()).isEqualTo(content);
        assertThat(c.chunkSizes.size()).isGreaterThan(1);
        assertThat(c.ended.getCount()).isZero();
        assertThatThrownBy(() -> new FileSource(dir.resolve("missing")).run(Collector::new))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void endpointsParseAndBadOnesNameOptionValueAndAllowed() {
        assertThat(Endpoint.parse("--listen", "udp://0.0.0.0:4000"))
                .isEqualTo(new Endpoint("udp", "0.0.0.0", 4000));
        assertThat(Endpoint.parse("--connect", "tcp://[::1]:8087"))
                .isEqualTo(new Endpoint("tcp", "::1", 8087));
        for (String bad : List.of("udp://host", "http://h:1", "tcp://h:70000", "h:1", "tcp://:5")) {
            assertThatThrownBy(() -> Endpoint.parse("--listen", bad))
                    .hasMessageContaining("--listen")
                    .hasMessageContaining(bad)
                    .hasMessageContaining("udp://HOST:PORT");
        }
    }

    private static List<String> copy(List<String> synchronizedList) {
        synchronized (synchronizedList) {
            return new ArrayList<>(synchronizedList);
        }
    }

    private static void waitFor(java.util.function.BooleanSupplier condition)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 20 s");
            }
            Thread.sleep(10);
        }
    }
}
