package io.cordon.pipeline.config;

/**
 * How the jobs reach Kafka.
 *
 * @param bootstrapServers comma-separated {@code host:port} list, as Kafka's {@code
 *     bootstrap.servers}; default {@code localhost:9092}
 */
public record KafkaSettings(String bootstrapServers) {
    public static final KafkaSettings DEFAULT = new KafkaSettings("localhost:9092");

    public KafkaSettings {
        ConfigChecks.text("bootstrapServers", bootstrapServers);
    }
}
