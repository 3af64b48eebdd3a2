package io.cordon.pipeline.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * {@link TrackerBenchmark}'s window timed by the thread's CPU clock, for comparing two builds of
 * the tracker on a shared machine: the minimum and the median over many windows after a long
 * warm-up. The thread's CPU time leaves out other processes' time slices and the collector's
 * threads, so the minimum moves by 1-2 % between runs where JMH's throughput moved by ±25 % on the
 * same machine (docs/benchmarks.md, "Core throughput (JMH)"). Not a replacement for JMH's figures:
 * the work of the collector is not in it.
 *
 * <pre>
 * java -Xms4g -Xmx4g -cp TEST_CLASSES:CLASSES:CLASSPATH io.cordon.pipeline.bench.TrackerWindowTime \
 *     TARGETS WORLD WARM_UP_WINDOWS WINDOWS
 * </pre>
 *
 * (for example {@code 1000 box 300 100}, {@code 100 cells 5000 1000}, {@code 10000 cells 40 30}).
 */
public final class TrackerWindowTime {
    private TrackerWindowTime() {}

    public static void main(String[] args) {
        if (args.length != 4) {
            System.err.println(
                    "usage: TrackerWindowTime TARGETS box|cells WARM_UP_WINDOWS WINDOWS");
            System.exit(2);
        }
        TrackerBenchmark benchmark = new TrackerBenchmark();
        benchmark.targets = Integer.parseInt(args[0]);
        benchmark.world = args[1];
        int warm = Integer.parseInt(args[2]), windows = Integer.parseInt(args[3]);
        benchmark.prepare();
        TrackerBenchmark.Counters counters = new TrackerBenchmark.Counters();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[windows];
        long observations = 0;
        long changed = 0;
        for (int i = 0; i < warm + windows; i++) {
            benchmark.restore();
            counters.observations = 0;
            long start = threads.getCurrentThreadCpuTime();
            changed += benchmark.window(counters);
            long end = threads.getCurrentThreadCpuTime();
            observations = counters.observations;
            if (i >= warm) {
                cpu[i - warm] = (end - start) * 1e-9;
            }
        }
        Arrays.sort(cpu);
        System.out.printf(
                Locale.ROOT,
                "%s, %d targets, %d observations per window: ns per observation min %.0f median"
                        + " %.0f; observations/s min-time %.0f median %.0f (%d tracks returned)%n",
                args[1],
                benchmark.targets,
                observations,
                cpu[0] * 1e9 / observations,
                cpu[windows / 2] * 1e9 / observations,
                observations / cpu[0],
                observations / cpu[windows / 2],
                changed);
    }
}
