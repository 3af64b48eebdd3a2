package io.cordon.jobs.bench;

import io.cordon.jobs.CordonJobs;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.fusion.FusionStep;
import io.cordon.pipeline.fusion.SensorRegistryPriors;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * The fusion job's tracker work in {@code cordon bench fusion}'s world, on one thread and without
 * Kafka or Flink: {@link SyntheticTargets} frames fed through {@link FusionStep#step} with the
 * tracker parameters the job derives from the configuration, timed by the thread's CPU clock (as
 * {@code TrackerWindowTime} does for the core's worlds), so that changes to the tracker thread's
 * work can be compared where the end-to-end benchmark's spread hides them.
 *
 * <p>The first {@code WARM_FRAMES} frames build the tracks; the tracker's snapshot and published
 * ids are kept, and each window restores them and steps through the next {@code WINDOW_FRAMES}
 * frames. Prints a SHA-256 over the first window's updates, its final snapshot and published ids
 * (equal for output-identical builds), the time per observation (minimum and median over the
 * windows after {@code WARM_WINDOWS} discarded) and the snapshot's time at the warm state.
 *
 * <pre>
 * java -Xms4g -Xmx4g -XX:+AlwaysPreTouch -cp jobs/target/test-classes:jobs/target/classes:CLASSPATH \
 *     io.cordon.jobs.bench.FusionWorldTime TARGETS RATE WARM_FRAMES WINDOW_FRAMES WINDOWS \
 *     WARM_WINDOWS [CONFIG]
 * </pre>
 *
 * (for example {@code 10000 50000 30 25 10 5}: 0.2 s frames, 250 000 observations per window;
 * CONFIG defaults to {@code deploy/cordon.yaml}). {@code -XX:+AlwaysPreTouch} keeps the first touch
 * of each new snapshot buffer's pages out of the snapshot's time.
 */
public final class FusionWorldTime {
    private FusionWorldTime() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 6 && args.length != 7) {
            System.err.println(
                    "usage: FusionWorldTime TARGETS RATE WARM_FRAMES WINDOW_FRAMES WINDOWS"
                            + " WARM_WINDOWS [CONFIG]");
            System.exit(2);
        }
        int targets = Integer.parseInt(args[0]);
        double rate = Double.parseDouble(args[1]);
        int warmFrames = Integer.parseInt(args[2]);
        int windowFrames = Integer.parseInt(args[3]);
        int windows = Integer.parseInt(args[4]);
        int warmWindows = Integer.parseInt(args[5]);
        Path configFile = Path.of(args.length == 7 ? args[6] : "deploy/cordon.yaml");
        CordonConfig config = CordonJobs.readConfigText(configFile).parse();
        TrackerParameters parameters = SensorRegistryPriors.trackerParameters(config);

        SyntheticTargets world = new SyntheticTargets(config.reference(), targets, 1);
        double frameS = targets / rate;
        Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
        List<Instant> times = new ArrayList<>();
        List<List<Observation>> frames = new ArrayList<>();
        for (int k = 0; k < warmFrames + windowFrames; k++) {
            Instant t = t0.plusNanos((long) (k * frameS * 1e9)).truncatedTo(ChronoUnit.MILLIS);
            times.add(t);
            frames.add(world.frame(t, k == 0 ? 0 : frameS, k));
        }
        MultiTargetTracker warm = new MultiTargetTracker(parameters, config.reference());
        FusionStep warmStep = new FusionStep(warm);
        for (int k = 0; k < warmFrames; k++) {
            warmStep.step(times.get(k), frames.get(k));
        }
        byte[] snapshot = warm.snapshot();
        List<String> published = warmStep.publishedTrackIds();

        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        double[] cpu = new double[windows];
        long observations = 0;
        long updates = 0;
        String digest = "";
        for (int w = 0; w < warmWindows + windows; w++) {
            MultiTargetTracker tracker = MultiTargetTracker.restore(parameters, snapshot);
            FusionStep step = new FusionStep(tracker, published);
            List<List<EntityTrack>> outputs = new ArrayList<>();
            observations = 0;
            long start = threads.getCurrentThreadCpuTime();
            for (int k = warmFrames; k < warmFrames + windowFrames; k++) {
                outputs.add(step.step(times.get(k), frames.get(k)));
                observations += frames.get(k).size();
            }
            long end = threads.getCurrentThreadCpuTime();
            if (w == 0) {
                MessageDigest sha = MessageDigest.getInstance("SHA-256");
                for (List<EntityTrack> out : outputs) {
                    for (EntityTrack t : out) {
                        updates++;
                        sha.update(t.toString().getBytes(StandardCharsets.UTF_8));
                    }
                }
                sha.update(tracker.snapshot());
                sha.update(
                        String.join(",", step.publishedTrackIds())
                                .getBytes(StandardCharsets.UTF_8));
                digest = HexFormat.of().formatHex(sha.digest()).substring(0, 16);
            }
            if (w >= warmWindows) {
                cpu[w - warmWindows] = (end - start) * 1e-9;
            }
        }
        Arrays.sort(cpu);

        double[] snapshotMs = new double[30];
        int bytes = 0;
        for (int i = 0; i < snapshotMs.length; i++) {
            long start = threads.getCurrentThreadCpuTime();
            bytes = warm.snapshot().length;
            snapshotMs[i] = (threads.getCurrentThreadCpuTime() - start) * 1e-6;
        }
        Arrays.sort(snapshotMs);
        System.out.printf(
                Locale.ROOT,
                "fusion world, %d targets, %d observations per window, %d updates, digest %s:"
                        + " ns per observation min %.0f median %.0f; snapshot of %d tracks,"
                        + " %d bytes: min %.2f ms median %.2f ms%n",
                targets,
                observations,
                updates,
                digest,
                cpu[0] * 1e9 / observations,
                cpu[windows / 2] * 1e9 / observations,
                warm.liveTrackCount(),
                bytes,
                snapshotMs[0],
                snapshotMs[snapshotMs.length / 2]);
    }
}
