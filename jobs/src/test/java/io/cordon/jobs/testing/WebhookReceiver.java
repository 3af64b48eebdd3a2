package io.cordon.jobs.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A partner's GeoJSON webhook for integration tests: keeps every line POSTed to {@code /hook} with
 * its arrival time. It can refuse the first requests with 503 to exercise retries.
 */
public final class WebhookReceiver implements AutoCloseable {
    /** A line as received. */
    public record Line(String json, String partner, long receivedAtMs) {}

    private final HttpServer server;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final AtomicInteger refusals;
    private final AtomicInteger requests = new AtomicInteger();

    private WebhookReceiver(int refuseFirst) throws IOException {
        refusals = new AtomicInteger(refuseFirst);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(
                "/hook",
                exchange -> {
                    requests.incrementAndGet();
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    if (refusals.getAndDecrement() > 0) {
                        exchange.sendResponseHeaders(503, -1);
                        exchange.close();
                        return;
                    }
                    String partner = exchange.getRequestHeaders().getFirst("X-Cordon-Partner");
                    long now = System.currentTimeMillis();
                    for (String l : new String(body, StandardCharsets.UTF_8).split("\n")) {
                        if (!l.isBlank()) {
                            lines.add(new Line(l, partner, now));
                        }
                    }
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        server.start();
    }

    /** A webhook that answers 503 to its first {@code refuseFirst} requests, then 204. */
    public static WebhookReceiver start(int refuseFirst) throws IOException {
        return new WebhookReceiver(refuseFirst);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    public List<Line> lines() {
        return List.copyOf(lines);
    }

    public int requests() {
        return requests.get();
    }

    public List<Line> awaitLine(Predicate<String> wanted, long timeoutMs)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + timeoutMs;
        while (System.currentTimeMillis() < deadline) {
            if (lines.stream().anyMatch(l -> wanted.test(l.json()))) {
                break;
            }
            Thread.sleep(50);
        }
        return lines();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
