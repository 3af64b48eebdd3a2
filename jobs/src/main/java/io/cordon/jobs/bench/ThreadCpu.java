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
 * asynchronous part of checkpoints. CPU time per observation moves with the machine's load too
 * (shared caches, the hypervisor: the tracks readers' own cost, the same code in every run, ranged
 * 3.6-5.7 µs per update over ten runs at 10 000 targets), but less than the absorbed rate, and
 * within one run the split between threads shows where the job's time goes.
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

    /**
     * CPU nanoseconds this whole process has used so far: its Java threads and the JVM's own
     * (garbage collection, JIT compilation); -1 where the platform does not report it.
     */
    static long processCpuNs() {
        return ManagementFactory.getOperatingSystemMXBean()
                        instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime()
                : -1;
    }

    static String group(String threadName) {
        return threadName.replaceAll("[0-9a-f]{32}", "").replaceAll("\\d+", "#").trim();
    }
}
