package io.cordon.jobs;

import io.cordon.pipeline.flink.ConfigText;
import io.cordon.pipeline.flink.distribute.AlertRoutingFunction;
import io.cordon.pipeline.flink.record.DeadLetterRecord;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.Outputs;
import io.cordon.pipeline.flink.record.RawRecord;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * alerts → sharing policy per partner → one topic per partner, plus one audit record per decision.
 * Both outputs are written by transactional sinks.
 */
public final class DistributionJob {
    private final Source<RawRecord, ?, ?> alerts;
    private final Sink<KeyedPayload> partnerOutputs;
    private final Sink<KeyedPayload> audit;
    private final Sink<DeadLetterRecord> deadLetters;
    private final ConfigText config;
    private final String policyVersion;

    public DistributionJob(
            Source<RawRecord, ?, ?> alerts,
            Sink<KeyedPayload> partnerOutputs,
            Sink<KeyedPayload> audit,
            Sink<DeadLetterRecord> deadLetters,
            ConfigText config,
            String policyVersion) {
        this.alerts = alerts;
        this.partnerOutputs = partnerOutputs;
        this.audit = audit;
        this.deadLetters = deadLetters;
        this.config = config;
        this.policyVersion = policyVersion;
    }

    public void addTo(StreamExecutionEnvironment env) {
        SingleOutputStreamOperator<KeyedPayload> routed =
                env.fromSource(alerts, WatermarkStrategy.noWatermarks(), "alerts")
                        .uid("distribution-alerts-source")
                        .name("alerts source")
                        .process(new AlertRoutingFunction(config, policyVersion))
                        .uid("distribution-route")
                        .name("route by sharing agreement");
        routed.sinkTo(partnerOutputs).uid("distribution-partner-sink").name("partner topics sink");
        routed.getSideOutput(Outputs.AUDIT)
                .sinkTo(audit)
                .uid("distribution-audit-sink")
                .name("audit sink");
        routed.getSideOutput(Outputs.DEAD_LETTERS)
                .sinkTo(deadLetters)
                .uid("distribution-dead-letter-sink")
                .name("dead-letter sink");
    }
}
