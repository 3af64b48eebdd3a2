package io.cordon.pipeline.flink.record;

/** A Kafka record as read, before decoding: what goes to the dead-letter topic when it is bad. */
public class RawRecord {
    public String topic;
    public int partition;
    public long offset;

    /** Kafka record timestamp, epoch milliseconds (producers set it to the event time). */
    public long timestampMs;

    public byte[] key;
    public byte[] value;

    /**
     * The value decoded as an observation, once something has decoded it (the fusion source's
     * timestamp assigner, {@code ObservationEventTime}); null until then, and for records of other
     * topics. Later steps use it instead of parsing {@link #value} again.
     */
    public DecodedObservation decoded;

    public RawRecord() {}

    public RawRecord(
            String topic, int partition, long offset, long timestampMs, byte[] key, byte[] value) {
        this.topic = topic;
        this.partition = partition;
        this.offset = offset;
        this.timestampMs = timestampMs;
        this.key = key;
        this.value = value;
    }
}
