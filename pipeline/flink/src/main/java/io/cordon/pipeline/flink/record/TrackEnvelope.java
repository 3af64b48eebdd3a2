package io.cordon.pipeline.flink.record;

/** A validated entity-track update on its way to the detectors. */
public class TrackEnvelope {
    public String trackId;

    /** Event time of the estimate, epoch milliseconds. */
    public long eventTimeMs;

    /** The {@code cordon.v1.EntityTrack} protobuf bytes, already validated. */
    public byte[] payload;

    public TrackEnvelope() {}
}
