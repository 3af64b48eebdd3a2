package io.cordon.connectors.output.geojson;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.cordon.pipeline.config.GeoJsonOutput;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WebhookClientTest {
    HttpServer server;
    final List<String> bodies = new CopyOnWriteArrayList<>();
    final List<String> partners = new CopyOnWriteArrayList<>();

    /** A webhook answering the given statuses in turn (the last one forever). */
    String webhook(int... statuses) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/hook",
                exchange -> {
                    bodies.add(
                            new String(
                                    exchange.getRequestBody().readAllBytes(),
                                    StandardCharsets.UTF_8));
                    partners.add(exchange.getRequestHeaders().getFirst("X-Cordon-Partner"));
                    int i = Math.min(calls.getAndIncrement(), statuses.length - 1);
                    exchange.sendResponseHeaders(statuses[i], -1);
                    exchange.close();
                });
        server.start();
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    static List<byte[]> lines(String... texts) {
        return java.util.Arrays.stream(texts)
                .map(t -> (t + "\n").getBytes(StandardCharsets.UTF_8))
                .toList();
    }

    @Test
    void aBatchIsOneRequestWithOneFeaturePerLine() throws Exception {
        WebhookClient c =
                new WebhookClient(
                        new GeoJsonOutput(webhook(204), false, 10, 3, null), "mex", n -> null, 5);

        WebhookClient.Result r = c.post(lines("{\"id\":1}", "{\"id\":2}"));

        assertThat(r.delivered()).isTrue();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(bodies).containsExactly("{\"id\":1}\n{\"id\":2}\n");
        assertThat(partners).containsExactly("mex");
    }

    @Test
    void unavailableAndThrottledAreRetriedUntilAccepted() throws Exception {
        WebhookClient c =
                new WebhookClient(
                        new GeoJsonOutput(webhook(503, 429, 200), false, 10, 5, null),
                        "mex",
                        n -> null,
                        5);

        WebhookClient.Result r = c.post(lines("{}"));

        assertThat(r.delivered()).isTrue();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(bodies).hasSize(3).containsOnly("{}\n");
    }

    @Test
    void aRefusalIsNotRetried() throws Exception {
        WebhookClient c =
                new WebhookClient(
                        new GeoJsonOutput(webhook(400), false, 10, 5, null), "mex", n -> null, 5);

        WebhookClient.Result r = c.post(lines("{}"));

        assertThat(r.delivered()).isFalse();
        assertThat(r.attempts()).isEqualTo(1);
        assertThat(r.problem()).isEqualTo("HTTP 400 (not retried)");
    }

    @Test
    void anUnreachableWebhookIsGivenUpAfterMaxAttempts() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        WebhookClient c =
                new WebhookClient(
                        new GeoJsonOutput("http://127.0.0.1:" + port + "/hook", false, 10, 3, null),
                        "mex",
                        n -> null,
                        5);

        WebhookClient.Result r = c.post(lines("{}"));

        assertThat(r.delivered()).isFalse();
        assertThat(r.attempts()).isEqualTo(3);
        assertThat(r.problem()).contains("ConnectException");
    }
}
