package io.cordon.jobs.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.runtime.FeedHealth;
import io.cordon.connectors.runtime.FeedItem;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsServerTest {
    @Test
    void servesTheFeedCountersAsPrometheusText() throws Exception {
        FeedHealth health = new FeedHealth("ais", "ais-1");
        health.count(
                List.of(
                        new FeedItem("ClassAPositionReport", 0, 1, -1, List.of(), null),
                        new FeedItem(
                                "",
                                9,
                                2,
                                -1,
                                List.of(),
                                new DecodeError("bad checksum", 9, null))));
        try (MetricsServer server = new MetricsServer("127.0.0.1", 0, health)) {
            HttpResponse<String> r =
                    HttpClient.newHttpClient()
                            .send(
                                    HttpRequest.newBuilder(
                                                    URI.create(
                                                            "http://127.0.0.1:"
                                                                    + server.port()
                                                                    + "/metrics"))
                                            .build(),
                                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
            assertThat(r.body())
                    .contains("cordon_connector_records_total{format=\"ais\",sensor=\"ais-1\"} 1\n")
                    .contains(
                            "cordon_connector_decode_errors_total{format=\"ais\",sensor=\"ais-1\","
                                    + "reason=\"bad checksum\"} 1\n");
        }
    }
}
