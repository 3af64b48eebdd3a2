package io.cordon.jobs.security;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Kafka client security settings for the jobs, kept out of {@code cordon.yaml}: a standard Kafka
 * client properties file ({@code security.protocol}, {@code sasl.mechanism}, {@code
 * sasl.jaas.config}, {@code ssl.truststore.*}, {@code ssl.keystore.*}) named by {@code
 * --kafka-properties} or the environment variable {@value #ENV}. Mount it from a secret: it holds
 * the principal's password or key. Without it the jobs connect in plain text (the local demo).
 */
public final class KafkaClientProperties {
    public static final String ENV = "CORDON_KAFKA_PROPERTIES";

    private KafkaClientProperties() {}

    /**
     * The file's properties, or empty ones when {@code file} is null or blank and {@value #ENV} is
     * unset.
     */
    public static Properties load(String file) {
        String path = file != null && !file.isBlank() ? file : System.getenv(ENV);
        Properties p = new Properties();
        if (path == null || path.isBlank()) {
            return p;
        }
        try (Reader r = Files.newBufferedReader(Path.of(path))) {
            p.load(r);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Kafka client properties " + path, e);
        }
        p.remove("bootstrap.servers"); // cordon.yaml or --bootstrap-servers say where Kafka is
        return p;
    }
}
