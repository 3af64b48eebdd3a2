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

    public static LocalFlink start(int slots) throws Exception {
        Configuration conf = new Configuration();
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, MemorySize.parse("128m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MIN, MemorySize.parse("64m"));
        conf.set(TaskManagerOptions.NETWORK_MEMORY_MAX, MemorySize.parse("64m"));
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
