package io.cordon.connectors.output.geojson;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The partner's side of {@link SseFeedServer}: reads a {@code text/event-stream} with the JDK's
 * HTTP client on a thread of its own and queues the events (the reference client for partners and
 * what the tests read the feed with). Parses {@code id}, {@code event} and {@code data} fields as
 * the WHATWG specification says (several data lines joined by a line break, comments ignored).
 */
public final class SseSubscriber implements AutoCloseable {
    /** One event: its id (null if none), type ({@code message} unless named) and data. */
    public record Event(String id, String type, String data) {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final HttpResponse<Stream<String>> response;
    private volatile String lastEventId;

    private SseSubscriber(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread t = new Thread(this::read, "sse-subscriber");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Connects and starts reading.
     *
     * @param lastEventId the id to resume after, or null
     * @throws IOException when the connection fails or the answer is not a 200 event stream
     */
    public static SseSubscriber connect(HttpClient http, URI uri, String lastEventId)
            throws IOException, InterruptedException {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri)
                        .header("Accept", "text/event-stream")
                        .timeout(Duration.ofSeconds(30));
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> r = http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        String type = r.headers().firstValue("Content-Type").orElse("");
        if (r.statusCode() != 200 || !type.startsWith("text/event-stream")) {
            r.body().close();
            throw new IOException(uri + " answered " + r.statusCode() + " " + type);
        }
        return new SseSubscriber(r);
    }

    /** The next event, or null when none came within {@code timeout}. */
    public Event poll(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The next {@code n} events; fewer when {@code timeout} passes between two of them. */
    public List<Event> take(int n, Duration timeout) throws InterruptedException {
        List<Event> out = new ArrayList<>();
        while (out.size() < n) {
            Event e = poll(timeout);
            if (e == null) {
                break;
            }
            out.add(e);
        }
        return out;
    }

    /** The id of the last event read, to resume with; null before the first. */
    public String lastEventId() {
        return lastEventId;
    }

    private void read() {
        String id = null;
        String type = "message";
        StringBuilder data = null;
        try (Stream<String> lines = response.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(id, type, data.toString()));
                        if (id != null) {
                            lastEventId = id;
                        }
                    }
                    id = null;
                    type = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    continue; // a comment (heart beat)
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    if (value.startsWith(" ")) {
                        value = value.substring(1);
                    }
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> type = value;
                        case "data" ->
                                data =
                                        data == null
                                                ? new StringBuilder(value)
                                                : data.append('\n').append(value);
                        default -> {
                            // retry and unknown fields
                        }
                    }
                }
            }
        } catch (RuntimeException ended) {
            // the stream ended or was closed
        }
    }

    @Override
    public void close() {
        response.body().close();
    }
}
