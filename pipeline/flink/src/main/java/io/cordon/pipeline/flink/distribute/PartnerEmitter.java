package io.cordon.pipeline.flink.distribute;

import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.PartnerOutputs;
import io.cordon.pipeline.flink.record.KeyedPayload;
import io.cordon.pipeline.flink.record.PartnerDelivery;
import java.util.function.Consumer;
import org.apache.flink.util.Collector;

/**
 * Where one released alert or track update goes, the same for both routing functions: the partner's
 * Kafka topic when it has one, and the {@link DistributionOutputs#ENDPOINTS} output when one of its
 * other outputs takes this kind of record (alerts: any; tracks: those asking for them).
 */
final class PartnerEmitter {
    private PartnerEmitter() {}

    /**
     * Emits the release; returns the Kafka topic written, or "" when the partner has no Kafka
     * output.
     *
     * @param kind {@link PartnerDelivery#ALERT} or {@link PartnerDelivery#TRACK}
     * @param kafkaTopic the partner's topic for this kind
     * @param endpoints where endpoint deliveries go (the side output)
     */
    static String emit(
            PartnerConfig partner,
            String kind,
            String kafkaTopic,
            String key,
            long eventTimeMs,
            byte[] bytes,
            String policyVersion,
            long decidedAtMs,
            Collector<KeyedPayload> kafka,
            Consumer<PartnerDelivery> endpoints) {
        PartnerOutputs outputs = partner.outputs();
        String topic = "";
        if (outputs.kafka()) {
            topic = kafkaTopic;
            kafka.collect(new KeyedPayload(topic, key, eventTimeMs, bytes));
        }
        boolean toEndpoints =
                PartnerDelivery.ALERT.equals(kind)
                        ? outputs.hasEndpoints()
                        : outputs.endpointsWantTracks();
        if (toEndpoints) {
            endpoints.accept(
                    new PartnerDelivery(
                            partner.id(),
                            kind,
                            key,
                            eventTimeMs,
                            bytes,
                            policyVersion,
                            decidedAtMs));
        }
        return topic;
    }
}
