package io.cordon.jobs.bench;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.LongSupplier;
import org.apache.flink.api.common.JobID;
import org.apache.flink.runtime.checkpoint.AbstractCheckpointStats;
import org.apache.flink.runtime.checkpoint.CheckpointStatsStatus;
import org.apache.flink.runtime.checkpoint.TaskStateStats;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;

/**
 * What happened during a benchmark run, every 100 ms: what the generator published and how far it
 * ran behind its schedule, how many track updates each consumer read and how old the newest one
 * was, how many records were dead-lettered, CPU use of this JVM and of the machine, and garbage
 * collection time; and every checkpoint of the job with its duration and, per task, the barrier
 * alignment, synchronous and asynchronous parts. Written as two CSV files so that output gaps can
 * be put next to their cause.
 */
final class Timeline implements AutoCloseable {
    /** One reading source: cumulative count and newest event time, epoch ms. */
    interface Probe {
        long count();

        long newestEventTimeMs();
    }

    private final Path file;
    private final MiniCluster cluster;
    private final JobID job;
    private final LongSupplier published;
    private final LongSupplier generatorBehindMs;
    private final Probe sent;
    private final Probe committed;
    private final LongSupplier deadLetters;
    private final long originMs = System.currentTimeMillis();
    private final List<String> rows = new ArrayList<>();
    private final Map<Long, String> checkpoints = new TreeMap<>();
    private final Thread thread;
    private volatile boolean running = true;

    Timeline(
            Path file,
            MiniCluster cluster,
            JobID job,
            LongSupplier published,
            LongSupplier generatorBehindMs,
            Probe sent,
            Probe committed,
            LongSupplier deadLetters) {
        this.file = file;
        this.cluster = cluster;
        this.job = job;
        this.published = published;
        this.generatorBehindMs = generatorBehindMs;
        this.sent = sent;
        this.committed = committed;
        this.deadLetters = deadLetters;
        rows.add(
                "t_s,epoch_ms,published,generator_behind_ms,sent_updates,sent_age_ms,committed_updates,"
                        + "committed_age_ms,dead_letters,jvm_cpu,machine_cpu,gc_ms,gc_count");
        thread = new Thread(this::run, "bench-timeline");
        thread.setDaemon(true);
        thread.start();
    }

    private void run() {
        OperatingSystemMXBean os =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
        long nextCheckpointPoll = 0;
        while (running) {
            long now = System.currentTimeMillis();
            long gcMs = 0;
            long gcCount = 0;
            for (GarbageCollectorMXBean gc : gcs) {
                gcMs += Math.max(0, gc.getCollectionTime());
                gcCount += Math.max(0, gc.getCollectionCount());
            }
            rows.add(
                    String.format(
                            Locale.ROOT,
                            "%.1f,%d,%d,%d,%d,%d,%d,%d,%d,%.2f,%.2f,%d,%d",
                            (now - originMs) / 1000.0,
                            now,
                            published.getAsLong(),
                            generatorBehindMs.getAsLong(),
                            sent.count(),
                            age(now, sent),
                            committed.count(),
                            age(now, committed),
                            deadLetters.getAsLong(),
                            os.getProcessCpuLoad(),
                            os.getCpuLoad(),
                            gcMs,
                            gcCount));
            if (now >= nextCheckpointPoll) {
                pollCheckpoints();
                nextCheckpointPoll = now + 1000;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private static long age(long now, Probe p) {
        long t = p.newestEventTimeMs();
        return t <= 0 ? -1 : now - t;
    }

    /** Checkpoints the job's statistics history still holds (the last ten); polled each second. */
    private void pollCheckpoints() {
        try {
            AccessExecutionGraph graph =
                    cluster.getExecutionGraph(job).get(5, java.util.concurrent.TimeUnit.SECONDS);
            for (AbstractCheckpointStats c :
                    graph.getCheckpointStatsSnapshot().getHistory().getCheckpoints()) {
                if (c.getStatus() == CheckpointStatsStatus.IN_PROGRESS) {
                    continue;
                }
                StringBuilder tasks = new StringBuilder();
                for (AccessExecutionJobVertex v : graph.getVerticesTopologically()) {
                    TaskStateStats t = c.getTaskStateStats(v.getJobVertexId());
                    if (t == null) {
                        continue;
                    }
                    var s = t.getSummaryStats();
                    tasks.append(
                            String.format(
                                    Locale.ROOT,
                                    ",%s,%d,%d,%d,%d",
                                    v.getName().replace(',', ' '),
                                    s.getCheckpointStartDelayStats().getMaximum(),
                                    s.getAlignmentDurationStats().getMaximum(),
                                    s.getSyncCheckpointDurationStats().getMaximum(),
                                    s.getAsyncCheckpointDurationStats().getMaximum()));
                }
                checkpoints.put(
                        c.getCheckpointId(),
                        String.format(
                                Locale.ROOT,
                                "%d,%s,%.1f,%d,%d%s",
                                c.getCheckpointId(),
                                c.getStatus(),
                                (c.getTriggerTimestamp() - originMs) / 1000.0,
                                c.getEndToEndDuration(),
                                c.getStateSize(),
                                tasks));
            }
        } catch (Exception e) {
            // the job is gone or busy: the timeline goes on without this poll
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        running = false;
        thread.join(5000);
        pollCheckpoints();
        Files.write(file, rows);
        List<String> c = new ArrayList<>();
        c.add(
                "id,status,trigger_s,end_to_end_ms,state_bytes,"
                        + "{task,start_delay_max_ms,alignment_max_ms,sync_max_ms,async_max_ms}...");
        c.addAll(checkpoints.values());
        Files.write(file.resolveSibling(file.getFileName() + ".checkpoints.csv"), c);
    }
}
