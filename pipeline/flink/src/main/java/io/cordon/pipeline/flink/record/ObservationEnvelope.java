package io.cordon.pipeline.flink.record;

/** A validated observation on its way to the tracker of its partition. */
public class ObservationEnvelope {
    /** The fusion partition (tile) this observation belongs to. */
    public String partitionKey;

    public String sensorId;
    public String observationId;

    /** Event time, epoch milliseconds. */
    public long eventTimeMs;

    /**
     * Wall-clock time the fusion job decoded it, epoch milliseconds (for the ingestion-to-track
     * latency metric; 0 if unknown).
     */
    public long ingestedAtMs;

    /** The {@code cordon.v1.Observation} protobuf bytes, already validated. */
    public byte[] payload;

    public ObservationEnvelope() {}
}
