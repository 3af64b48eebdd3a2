package io.cordon.pipeline.flink.record;

/**
 * An alert or track released to one partner, for its outputs outside Kafka (Cursor on Target,
 * GeoJSON): the redacted protobuf and what the endpoint writer needs to know about it.
 */
public class PartnerDelivery {
    public static final String ALERT = "alert";
    public static final String TRACK = "track";

    public String partnerId;

    /**
     * {@link #ALERT} ({@code cordon.v1.Alert}) or {@link #TRACK} ({@code cordon.v1.EntityTrack}).
     */
    public String kind;

    /** Alert or track id. */
    public String key;

    /** Event time, epoch milliseconds. */
    public long eventTimeMs;

    /** The redacted protobuf, as the partner's Kafka topic has it. */
    public byte[] payload;

    /** The sharing policy version that released it. */
    public String policyVersion;

    /** Processing time the release was decided, epoch milliseconds (for latency metrics). */
    public long decidedAtMs;

    public PartnerDelivery() {}

    public PartnerDelivery(
            String partnerId,
            String kind,
            String key,
            long eventTimeMs,
            byte[] payload,
            String policyVersion,
            long decidedAtMs) {
        this.partnerId = partnerId;
        this.kind = kind;
        this.key = key;
        this.eventTimeMs = eventTimeMs;
        this.payload = payload;
        this.policyVersion = policyVersion;
        this.decidedAtMs = decidedAtMs;
    }
}
