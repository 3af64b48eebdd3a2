package io.cordon.connectors.output.geojson;

import io.cordon.connectors.output.TlsContexts;
import io.cordon.pipeline.config.GeoJsonOutput;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * POSTs GeoJSON lines to a partner's webhook: one request per batch, body = one feature per line
 * ({@code application/x-ndjson}), header {@code X-Cordon-Partner}.
 *
 * <p>Retries: a batch is attempted up to {@code maxAttempts} times, with exponential back-off from
 * {@code backoffMs} (doubling, at most 10 s), on connection errors, timeouts, 408, 429 and 5xx;
 * other statuses are final (the receiver refuses the content; resending cannot help). {@link #post}
 * blocks until the batch is accepted or given up: called from a Flink operator, a slow or failing
 * partner back-pressures its input instead of piling up unbounded buffers. Features carry their
 * ids, so a receiver deduplicates a batch resent after a lost response.
 */
public final class WebhookClient {
    static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

    private final GeoJsonOutput endpoint;
    private final String partnerId;
    private final long backoffMs;
    private final HttpClient http;

    /** The outcome of one batch. */
    public record Result(boolean delivered, int attempts, int lastStatus, String problem) {}

    public WebhookClient(
            GeoJsonOutput endpoint,
            String partnerId,
            Function<String, String> secrets,
            long backoffMs)
            throws IOException {
        this.endpoint = endpoint;
        this.partnerId = partnerId;
        this.backoffMs = backoffMs;
        HttpClient.Builder b =
                HttpClient.newBuilder()
                        .connectTimeout(Duration.ofSeconds(5))
                        .followRedirects(HttpClient.Redirect.NEVER);
        if (endpoint.url().startsWith("https:")) {
            try {
                b.sslContext(TlsContexts.client(endpoint.tlsSettings(), secrets));
            } catch (GeneralSecurityException e) {
                throw new IOException(
                        "TLS set-up for " + endpoint.url() + ": " + e.getMessage(), e);
            }
        }
        this.http = b.build();
    }

    /** Posts one batch of feature lines, retrying as described; never throws on HTTP failures. */
    public Result post(List<byte[]> lines) throws InterruptedException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (byte[] l : lines) {
            body.writeBytes(l);
        }
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(endpoint.url()))
                        .timeout(REQUEST_TIMEOUT)
                        .header("Content-Type", "application/x-ndjson")
                        .header("X-Cordon-Partner", partnerId)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build();
        long wait = backoffMs;
        int status = 0;
        String problem = "";
        for (int attempt = 1; attempt <= endpoint.maxAttempts(); attempt++) {
            try {
                HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
                status = r.statusCode();
                if (status >= 200 && status < 300) {
                    return new Result(true, attempt, status, "");
                }
                problem = "HTTP " + status;
                if (!retriable(status)) {
                    return new Result(false, attempt, status, problem + " (not retried)");
                }
            } catch (IOException e) {
                status = 0;
                problem = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (attempt < endpoint.maxAttempts()) {
                Thread.sleep(wait);
                wait = Math.min(wait * 2, 10_000);
            }
        }
        return new Result(false, endpoint.maxAttempts(), status, problem);
    }

    static boolean retriable(int status) {
        return status == 408 || status == 429 || status >= 500;
    }
}
