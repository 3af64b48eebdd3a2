package io.cordon.pipeline.flink.record;

/**
 * A protobuf payload with its Kafka key, destination topic and event time: what the Kafka sinks
 * write. An empty topic means the sink's default topic.
 */
public class KeyedPayload {
    public String topic;
    public String key;

    /** Event time, epoch milliseconds; becomes the Kafka record timestamp. */
    public long eventTimeMs;

    public byte[] payload;

    public KeyedPayload() {}

    public KeyedPayload(String topic, String key, long eventTimeMs, byte[] payload) {
        this.topic = topic;
        this.key = key;
        this.eventTimeMs = eventTimeMs;
        this.payload = payload;
    }
}
