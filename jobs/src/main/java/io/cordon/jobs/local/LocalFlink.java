package io.cordon.jobs.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.runtime.minicluster.MiniClusterConfiguration;
import org.apache.flink.streaming.api.graph.StreamGraph;

/** A Flink mini cluster in this JVM that runs several jobs side by side. */
public final class LocalFlink implements AutoCloseable {
    private final MiniCluster cluster;
    private final List<JobID> jobs = new ArrayList<>();

    private LocalFlink(MiniCluster cluster) {
        this.cluster = cluster;
    }

    /**
     * Size of a network buffer (Flink's default is 32 KiB). An input gate holds about ten of them,
     * and a task sends into a gate only while it has room: with 32 KiB buffers the observations
     * source could run about 2 500 observations ahead of the tracker, a quarter of a frame at 10
     * 000 targets, so while the tracker stepped a frame the source stopped, and while the source
     * read the next frame the tracker waited for its watermark. The two alternated instead of
     * overlapping: 113 000-129 000 obs/s with the cores 10-14 % idle. With 256 KiB buffers a gate
     * holds more than a frame: 150 000 obs/s kept up with, 6 % idle (docs/benchmarks.md, "Steady
     * state"). The output flusher still sends a partly filled buffer after the job's buffer
     * timeout, so latency at low rates is unchanged. 64 MiB of network memory are 256 such buffers,
     * enough for the local run's jobs.
     */
    public static final MemorySize NETWORK_BUFFER_SIZE = MemorySize.parse("256kb");

    public static LocalFlink start(int slots) throws Exception {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("128m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
        conf.set(TaskManagerOptions.MEMORY_SEGMENT_SIZE, NETWORK_BUFFER_SIZE);
        MiniCluster cluster =
                new MiniCluster(
                        new MiniClusterConfiguration.Builder()
                                .setConfiguration(conf)
                                .setNumTaskManagers(1)
                                .setNumSlotsPerTaskManager(slots)
                                .build());
        cluster.start();
        return new LocalFlink(cluster);
    }

    public MiniCluster cluster() {
        return cluster;
    }

    public JobID submit(StreamGraph graph) throws Exception {
        JobID id = cluster.submitJob(graph).get(60, TimeUnit.SECONDS).getJobID();
        jobs.add(id);
        return id;
    }

    @Override
    public void close() throws Exception {
        for (JobID id : jobs) {
            try {
                cluster.cancelJob(id).get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // already finished or failed: nothing to cancel
            }
        }
        cluster.close();
    }
}
