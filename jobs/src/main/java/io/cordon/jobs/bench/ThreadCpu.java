package io.cordon.jobs.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of the benchmark JVM's threads, by group: a thread's name with its numbers replaced by
 * {@code #} (a Flink task's subtask index and attempt, a pool's thread number), so that {@code
 * track per partition (1/1)#0} is the tracker task and {@code AsyncOperations-thread-#} the
 * asynchronous part of checkpoints. Unlike rates, CPU time per observation does not depend on how
 * many other processes share the cores (up to cache effects), so it separates small changes of the
 * job's costs that the run-to-run spread of the absorbed rate hides.
 */
final class ThreadCpu {
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds so far of each thread alive now, by thread id. */
    private final Map<Long, Long> startNs = new HashMap<>();

    /** Starts measuring (threads started later count from 0). */
    ThreadCpu() {
        for (long id : threads.getAllThreadIds()) {
            long ns = threads.getThreadCpuTime(id);
            if (ns >= 0) {
                startNs.put(id, ns);
            }
        }
    }

    static boolean supported() {
        ThreadMXBean t = ManagementFactory.getThreadMXBean();
        return t.isThreadCpuTimeSupported() && t.isThreadCpuTimeEnabled();
    }

    /** CPU nanoseconds since construction by group, threads that ended meanwhile left out. */
    Map<String, Long> since() {
        Map<String, Long> byGroup = new HashMap<>();
        for (long id : threads.getAllThreadIds()) {
            long ns = threads.getThreadCpuTime(id);
            ThreadInfo info = threads.getThreadInfo(id);
            if (ns < 0 || info == null) {
                continue;
            }
            byGroup.merge(
                    group(info.getThreadName()), ns - startNs.getOrDefault(id, 0L), Long::sum);
        }
        return byGroup;
    }

    static String group(String threadName) {
        return threadName.replaceAll("[0-9a-f]{32}", "").replaceAll("\\d+", "#").trim();
    }
}
