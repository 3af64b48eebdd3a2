package io.cordon.pipeline.flink.detect;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.record.KeyedPayload;

/** An alert as the detection operators emit it: keyed by its id, timed at its window's start. */
final class AlertPayloads {
    private AlertPayloads() {}

    static KeyedPayload of(Alert alert) {
        return new KeyedPayload(
                "",
                alert.alertId(),
                alert.windowStart().toEpochMilli(),
                AlertCodec.toProto(alert).toByteArray());
    }
}
