package io.cordon.pipeline.flink.distribute;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.flink.codec.AlertCodec;
import io.cordon.pipeline.flink.codec.DecodeResult;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Validates {@code cordon.v1.Alert} records before they are keyed by alert id; bad ones go to the
 * dead-letter output (stage {@value AlertRoutingFunction#STAGE}).
 */
public class AlertDecodeFunction extends ProcessFunction<RawRecord, KeyedPayload> {
    private transient Counter refused;

    @Override
    public void open(OpenContext openContext) {
        refused = getRuntimeContext().getMetricGroup().counter("alertsDeadLettered");
    }

    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<KeyedPayload> out) {
        DecodeResult<Alert> result = AlertCodec.parse(raw.value);
        if (result instanceof DecodeResult.Ok<Alert> ok) {
            Alert a = ok.value();
            out.collect(
                    new KeyedPayload("", a.alertId(), a.windowStart().toEpochMilli(), raw.value));
        } else if (result instanceof DecodeResult.Failed<Alert> failed) {
            refused.inc();
            ctx.output(
                    Outputs.DEAD_LETTERS,
                    DeadLetterRecord.of(
                            raw,
                            AlertRoutingFunction.STAGE,
                            failed.reason(),
                            "",
                            System.currentTimeMillis()));
        }
    }
}
