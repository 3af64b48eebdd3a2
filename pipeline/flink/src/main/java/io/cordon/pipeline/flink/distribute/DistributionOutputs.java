package io.cordon.pipeline.flink.distribute;

import io.cordon.pipeline.flink.record.PartnerDelivery;
import org.apache.flink.util.OutputTag;

/** Side outputs of the distribution job's routing functions. */
public final class DistributionOutputs {
    private DistributionOutputs() {}

    /**
     * Releases for partners with Cursor on Target, GeoJSON webhook or server-sent events outputs.
     */
    public static final OutputTag<PartnerDelivery> ENDPOINTS =
            new OutputTag<>("partner-endpoints") {};
}
