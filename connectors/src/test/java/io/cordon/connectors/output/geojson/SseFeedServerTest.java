package io.cordon.connectors.output.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.connectors.output.TestTakServer;
import io.cordon.connectors.output.TlsContexts;
import io.cordon.connectors.output.geojson.SseSubscriber.Event;
import io.cordon.pipeline.config.TlsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The server-sent events feed, read with the JDK's HTTP client. */
class SseFeedServerTest {
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    SseFeedServer server(int capacity, int maxClients, long maxBlockMs) throws IOException {
        SseFeedServer s =
                SseFeedServer.start("127.0.0.1", 0, capacity, maxClients, maxBlockMs, null, false);
        open.add(s);
        return s;
    }

    /** A subscriber that fails the test when fewer than {@code n} events come. */
    record Reader(SseSubscriber subscriber) implements AutoCloseable {
        List<Event> take(int n) throws InterruptedException {
            List<Event> out = subscriber.take(n, Duration.ofSeconds(20));
            assertThat(out).as("events received").hasSize(n);
            return out;
        }

        Event poll(Duration timeout) throws InterruptedException {
            return subscriber.poll(timeout);
        }

        @Override
        public void close() {
            subscriber.close();
        }
    }

    Reader connect(SseFeedServer s, String lastEventId) throws Exception {
        return connect(http, "http", s, lastEventId);
    }

    Reader connect(HttpClient client, String scheme, SseFeedServer s, String lastEventId)
            throws Exception {
        Reader reader =
                new Reader(
                        SseSubscriber.connect(
                                client, uri(scheme, s, SseFeedServer.PATH), lastEventId));
        open.add(reader);
        return reader;
    }

    static URI uri(String scheme, SseFeedServer s, String path) {
        return URI.create(scheme + "://localhost:" + s.port() + path);
    }

    static List<byte[]> features(int from, int to) {
        List<byte[]> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add(feature(i));
        }
        return out;
    }

    static byte[] feature(int i) {
        return ("{\"type\":\"Feature\",\"id\":\"alert-" + i + "\"}\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    static List<String> data(List<Event> events) {
        return events.stream().map(Event::data).toList();
    }

    static List<String> expected(int from, int to) {
        List<String> out = new ArrayList<>();
        for (int i = from; i < to; i++) {
            out.add("{\"type\":\"Feature\",\"id\":\"alert-" + i + "\"}");
        }
        return out;
    }

    @Test
    void aClientGetsTheRetainedFeaturesThenTheLiveOnesEachAnEventWithItsOwnId() throws Exception {
        SseFeedServer s = server(100, 4, 1000);
        s.publish(features(0, 3));
        Reader r = connect(s, null);
        assertThat(data(r.take(3))).isEqualTo(expected(0, 3));
        s.publish(features(3, 5));
        List<Event> live = r.take(2);
        assertThat(data(live)).isEqualTo(expected(3, 5));
        assertThat(live).extracting(Event::type).containsOnly("message");
        assertThat(live.get(0).id()).isNotEqualTo(live.get(1).id());
        assertThat(s.clients()).isEqualTo(1);
    }

    @Test
    void aClientThatReconnectsWithLastEventIdResumesRightAfterIt() throws Exception {
        SseFeedServer s = server(100, 4, 1000);
        s.publish(features(0, 5));
        Reader first = connect(s, null);
        List<Event> seen = first.take(3);
        first.close();
        s.publish(features(5, 8));

        Reader again = connect(s, seen.get(2).id());
        List<Event> rest = again.take(5);
        assertThat(data(rest)).isEqualTo(expected(3, 8));
        // nothing twice: the event after them is the next one published, not a repeat (a marker
        // instead of a pause that would only guess how long a repeat takes to come)
        s.publish(features(8, 9));
        assertThat(data(again.take(1))).as("nothing twice").isEqualTo(expected(8, 9));
    }

    @Test
    void aResumeFromAnEventNoLongerRetainedIsToldOfTheGapThenGetsWhatIsRetained() throws Exception {
        SseFeedServer s = server(4, 4, 1000);
        String idOfFirst = s.nextEventId();
        s.publish(features(0, 10));
        assertThat(s.retained()).isEqualTo(4);

        Reader late = connect(s, idOfFirst);
        List<Event> events = late.take(5);
        assertThat(events.get(0).type()).isEqualTo("gap");
        assertThat(events.get(0).data())
                .contains(idOfFirst)
                .contains("5 events after it are no longer retained");
        assertThat(data(events.subList(1, 5))).isEqualTo(expected(6, 10));

        Reader stranger = connect(s, "an-id-from-another-run");
        List<Event> fromScratch = stranger.take(5);
        assertThat(fromScratch.get(0).type()).isEqualTo("gap");
        assertThat(fromScratch.get(0).data()).contains("not an event of this run");
        assertThat(data(fromScratch.subList(1, 5))).isEqualTo(expected(6, 10));
    }

    @Test
    void aClientThatStopsReadingHoldsTheFeedBackThenIsDroppedWhileOthersGetEverything()
            throws Exception {
        int capacity = 16;
        SseFeedServer s = server(capacity, 4, 2000);
        Reader good = connect(s, null);
        Socket stalled = new Socket();
        stalled.setReceiveBufferSize(8192);
        stalled.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), s.port()));
        open.add(stalled);
        OutputStream request = stalled.getOutputStream();
        request.write(
                "GET /events HTTP/1.1\r\nHost: localhost\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        request.flush();
        awaitClients(s, 2);

        // 20 MB: far more than the socket buffers between the server and the stalled client
        byte[] padding = new byte[32 * 1024];
        Arrays.fill(padding, (byte) 'x');
        int n = 640;
        java.util.concurrent.atomic.AtomicInteger mostRetained =
                new java.util.concurrent.atomic.AtomicInteger();
        Thread publisher =
                new Thread(
                        () -> {
                            try {
                                for (int i = 0; i < n; i++) {
                                    s.publish(
                                            List.of(
                                                    ("{\"id\":\"f-"
                                                                    + i
                                                                    + "\",\"pad\":\""
                                                                    + new String(
                                                                            padding,
                                                                            StandardCharsets
                                                                                    .US_ASCII)
                                                                    + "\"}")
                                                            .getBytes(StandardCharsets.UTF_8)));
                                    mostRetained.accumulateAndGet(s.retained(), Math::max);
                                }
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        });
        publisher.start();
        List<Event> received = good.take(n);
        publisher.join(60_000);

        for (int i = 0; i < n; i++) {
            assertThat(received.get(i).data()).startsWith("{\"id\":\"f-" + i + "\"");
        }
        assertThat(s.publishWaits()).as("the stalled client held the feed back").isPositive();
        assertThat(s.droppedClients()).isEqualTo(1);
        assertThat(s.clients()).isEqualTo(1);
        assertThat(s.retained()).isEqualTo(capacity);
        assertThat(mostRetained.get()).as("the buffer is bounded").isEqualTo(capacity);
        // the stalled client finds its connection closed once it reads what was buffered
        InputStream in = stalled.getInputStream();
        byte[] sink = new byte[1 << 16];
        assertThat(drainUntilClosed(in, sink)).isTrue();
    }

    static boolean drainUntilClosed(InputStream in, byte[] sink) {
        try {
            while (in.read(sink) >= 0) {
                // discard
            }
            return true;
        } catch (IOException reset) {
            return true; // closed by the server with data unread: a reset
        }
    }

    static void awaitClients(SseFeedServer s, int n) throws InterruptedException {
        for (int i = 0; i < 200 && s.clients() < n; i++) {
            Thread.sleep(25);
        }
        assertThat(s.clients()).isEqualTo(n);
    }

    @Test
    void otherPathsMethodsAndClientsBeyondTheLimitAreRefused() throws Exception {
        SseFeedServer s = server(10, 1, 1000);
        HttpResponse<String> notFound =
                http.send(
                        HttpRequest.newBuilder(uri("http", s, "/other")).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(notFound.statusCode()).isEqualTo(404);
        HttpResponse<String> post =
                http.send(
                        HttpRequest.newBuilder(uri("http", s, SseFeedServer.PATH))
                                .POST(HttpRequest.BodyPublishers.ofString("x"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(post.statusCode()).isEqualTo(405);
        connect(s, null);
        HttpResponse<String> full =
                http.send(
                        HttpRequest.newBuilder(uri("http", s, SseFeedServer.PATH)).build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(full.statusCode()).isEqualTo(503);
    }

    @Test
    void overMutualTlsOnlyAClientWithATrustedCertificateReadsTheFeed() throws Exception {
        String dir = TestTakServer.SECURITY.toAbsolutePath().toString();
        String pw = "CORDON_TEST_SSE_PASSWORD";
        java.util.function.Function<String, String> secrets =
                name -> name.equals(pw) ? new String(TestTakServer.PASSWORD) : null;
        // the test server certificate (CN=localhost) and the CA file that trusts Cordon's test
        // client certificate
        SSLContext serverTls =
                TlsContexts.server(
                        new TlsSettings(
                                dir + "/tak-server-trust.p12", pw, dir + "/tak-server.p12", pw),
                        secrets);
        SseFeedServer s = SseFeedServer.start("127.0.0.1", 0, 10, 4, 1000, serverTls, true);
        open.add(s);
        s.publish(features(0, 2));

        HttpClient trusted =
                HttpClient.newBuilder()
                        .sslContext(
                                TlsContexts.client(
                                        new TlsSettings(
                                                dir + "/cordon-trust.p12",
                                                pw,
                                                dir + "/cordon-client.p12",
                                                pw),
                                        secrets))
                        .build();
        assertThat(data(connect(trusted, "https", s, null).take(2))).isEqualTo(expected(0, 2));

        HttpClient stranger =
                HttpClient.newBuilder()
                        .sslContext(
                                TlsContexts.client(
                                        new TlsSettings(
                                                dir + "/cordon-trust.p12",
                                                pw,
                                                dir + "/stranger-client.p12",
                                                pw),
                                        secrets))
                        .build();
        assertThatThrownBy(
                        () ->
                                stranger.send(
                                        HttpRequest.newBuilder(uri("https", s, SseFeedServer.PATH))
                                                .build(),
                                        HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }
}
