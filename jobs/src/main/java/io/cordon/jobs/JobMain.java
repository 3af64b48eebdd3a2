package io.cordon.jobs;

import io.cordon.jobs.cli.DurationConverter;
import io.cordon.jobs.kafka.KafkaIo;
import io.cordon.jobs.security.KafkaClientProperties;
import io.cordon.pipeline.flink.ConfigText;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * Entry point of the job jar on a Flink cluster (REST {@code /jars/:id/run} or {@code flink run}):
 *
 * <pre>
 * --job cordon-fusion|cordon-detection|cordon-distribution  --config /path/cordon.yaml
 * [--bootstrap-servers host:port] [--checkpoint-interval 2s] [--parallelism N]
 * [--checkpoint-dir URI] [--max-out-of-orderness 2s] [--source-idleness 2s]
 * [--kafka-properties /path/client.properties]
 * </pre>
 *
 * Kafka security (TLS, SASL): see {@link KafkaClientProperties}.
 *
 * <p>The configuration file is read where the job is built (the JobManager for REST submission);
 * task managers receive its text with the job.
 */
public final class JobMain {
    private JobMain() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> options = parse(args);
        String job = required(options, "job");
        Path config = Path.of(required(options, "config"));
        JobRuntime local = JobRuntime.local();
        JobRuntime runtime =
                new JobRuntime(
                        duration(options, "checkpoint-interval", local.checkpointInterval()),
                        Integer.parseInt(options.getOrDefault("parallelism", "1")),
                        options.getOrDefault("checkpoint-dir", ""),
                        duration(options, "max-out-of-orderness", local.maxOutOfOrderness()),
                        duration(options, "source-idleness", local.sourceIdleness()));
        ConfigText text = CordonJobs.readConfigText(config);
        String bootstrap =
                options.getOrDefault("bootstrap-servers", text.parse().kafka().bootstrapServers());
        CordonJobs jobs =
                new CordonJobs(
                        text,
                        new KafkaIo(
                                bootstrap,
                                KafkaClientProperties.load(options.get("kafka-properties"))),
                        runtime);
        StreamExecutionEnvironment env = runtime.newEnvironment();
        jobs.add(job, env);
        env.execute(job);
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException(
                        "expected --name value pairs, got '" + args[i] + "' at position " + i);
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static Duration duration(Map<String, String> options, String name, Duration fallback) {
        String value = options.get(name);
        return value == null ? fallback : DurationConverter.parse(value);
    }
}
