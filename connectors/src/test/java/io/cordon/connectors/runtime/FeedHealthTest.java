package io.cordon.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.decode.DecodeError;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedHealthTest {
    private long now;

    private static FeedItem error(String reason) {
        return new FeedItem("", 0, -1, -1, List.of(), new DecodeError(reason, 0, null));
    }

    @Test
    void countsRecordsAndGroupsErrorsByReasonWithoutTheirNumbers() {
        FeedHealth health = new FeedHealth("sapient", "ugs-1", () -> now);
        health.count(
                List.of(
                        new FeedItem("Plot", 0, -1, -1, List.of(), null),
                        error("frame of 99999999 octets exceeds 16777216"),
                        error("frame of 12345678 octets exceeds 16777216"),
                        error("mandatory timestamp missing")));
        now += 2_000_000_000L;

        assertThat(health.records()).isEqualTo(1);
        assertThat(health.errorsByReason())
                .containsEntry("frame of N octets exceeds N", 2L)
                .containsEntry("mandatory timestamp missing", 1L);
        assertThat(health.lastRecordAgeSeconds()).isEqualTo(2.0);
        assertThat(health.summary())
                .contains("0.5 records/s", "1 records", "3 decode errors", "last record 2.0 s ago");
        assertThat(health.prometheus())
                .contains("cordon_connector_records_total{format=\"sapient\",sensor=\"ugs-1\"} 1\n")
                .contains(
                        "cordon_connector_decode_errors_total{format=\"sapient\",sensor=\"ugs-1\","
                                + "reason=\"frame of N octets exceeds N\"} 2\n")
                .contains(
                        "cordon_connector_last_record_age_seconds{format=\"sapient\",sensor=\"ugs-1\"} 2.000");
    }

    @Test
    void distinctReasonsAreCappedSoGarbageCannotGrowTheMetrics() {
        FeedHealth health = new FeedHealth("cot", "d", () -> now);
        List<FeedItem> items = new ArrayList<>();
        for (char c = 'a'; c <= 'z'; c++) {
            for (char d = 'a'; d <= 'c'; d++) {
                items.add(error("bad element <" + c + d + ">"));
            }
        }
        health.count(items);
        assertThat(health.errorsByReason()).hasSize(FeedHealth.MAX_REASONS + 1);
        assertThat(health.errors()).isEqualTo(items.size());
        assertThat(health.errorsByReason().get("other"))
                .isEqualTo(items.size() - FeedHealth.MAX_REASONS);
    }

    @Test
    void noRecordYetIsNaNNotZero() {
        FeedHealth health = new FeedHealth("ais", "a", () -> now);
        assertThat(health.lastRecordAgeSeconds()).isNaN();
        assertThat(health.summary()).contains("no record yet");
    }
}
