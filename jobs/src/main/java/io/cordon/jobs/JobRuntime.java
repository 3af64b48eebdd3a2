package io.cordon.jobs;

import java.time.Duration;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * How a job runs: checkpointing (which is also when exactly-once output becomes visible),
 * parallelism, and the event-time tolerances of its sources.
 *
 * @param checkpointInterval time between checkpoints; bounds end-to-end latency of committed output
 * @param parallelism operator parallelism
 * @param checkpointDir where checkpoints go (a URI such as file:///tmp/cordon/checkpoints), or
 *     empty for the default
 * @param maxOutOfOrderness how far behind the newest event time an observation may arrive and still
 *     be fused in order
 * @param sourceIdleness after how long without data a source stops holding back the watermark
 */
public record JobRuntime(
        Duration checkpointInterval,
        int parallelism,
        String checkpointDir,
        Duration maxOutOfOrderness,
        Duration sourceIdleness) {
    public JobRuntime {
        if (checkpointInterval.toMillis() < 10) {
            throw new IllegalArgumentException(
                    "checkpointInterval must be at least 10 ms, was " + checkpointInterval);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be >= 1, was " + parallelism);
        }
    }

    public static JobRuntime local() {
        return new JobRuntime(
                Duration.ofSeconds(2), 1, "", Duration.ofSeconds(2), Duration.ofSeconds(2));
    }

    /**
     * A fresh environment for one job. Generic (Kryo) types are disabled, so a type that is not a
     * POJO fails at job build time instead of slowing down silently.
     */
    public StreamExecutionEnvironment newEnvironment() {
        Configuration conf = new Configuration();
        conf.setString("pipeline.generic-types", "false");
        conf.setString(
                "execution.checkpointing.externalized-checkpoint-retention",
                "RETAIN_ON_CANCELLATION");
        if (!checkpointDir.isEmpty()) {
            conf.setString("execution.checkpointing.dir", checkpointDir);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(conf);
        env.configure(conf);
        env.setParallelism(parallelism);
        env.enableCheckpointing(checkpointInterval.toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return env;
    }
}
