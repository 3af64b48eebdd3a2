package io.cordon.jobs.bench;

import io.cordon.pipeline.flink.fusion.StageTimes;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each frame's latency went (event time → last update of the frame read by the
 * read_uncommitted consumer), stage by stage: the generator handing the frame to its producer,
 * Kafka and the source up to the decode of the frame's last observation, the wait for the watermark
 * to pass the frame at the tracker, the tracker's step, from the step's end to the sink's last
 * write of the frame (network buffer, sink task), from there to the broker's append of the frame's
 * last update (producer, broker; in the benchmark the tracks topic stamps append times), and from
 * the append to the consumer's read. Written as CSV, and summarized as the median of each stage
 * over all frames and over the slowest 1 % of frames.
 */
final class StageBreakdown {
    static final String HEADER =
            "event_ms,generator_ms,kafka_source_decode_ms,watermark_wait_ms,step_ms,to_sink_ms,"
                    + "sink_to_append_ms,append_to_read_ms,total_ms";

    private StageBreakdown() {}

    /**
     * @param frames the measured generator's frames: {event time, cumulative count, handed to the
     *     producer}, epoch ms
     * @param lastRead event time → when its last update was read
     * @param lastAppend event time → when the broker appended its last update
     */
    static void write(
            Path file,
            List<long[]> frames,
            Map<Long, Long> lastRead,
            Map<Long, Long> lastAppend,
            PrintStream out)
            throws IOException {
        Map<Long, StageTimes.Step> steps = StageTimes.steps();
        Map<Long, Long> writes = StageTimes.sinkWrites();
        List<long[]> rows = new ArrayList<>();
        for (long[] f : frames) {
            long t = f[0];
            StageTimes.Step s = steps.get(t);
            Long read = lastRead.get(t);
            Long written = writes.get(t);
            Long appended = lastAppend.get(t);
            if (s == null
                    || read == null
                    || written == null
                    || appended == null
                    || s.lastDecodedMs() == 0) {
                continue; // no update of this frame was read (or it was not stepped)
            }
            rows.add(
                    new long[] {
                        t,
                        f[2] - t,
                        s.lastDecodedMs() - f[2],
                        s.stepStartMs() - s.lastDecodedMs(),
                        s.stepEndMs() - s.stepStartMs(),
                        written - s.stepEndMs(),
                        appended - written,
                        read - appended,
                        read - t
                    });
        }
        List<String> lines = new ArrayList<>();
        lines.add(HEADER);
        for (long[] r : rows) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < r.length; i++) {
                b.append(i == 0 ? "" : ",").append(r[i]);
            }
            lines.add(b.toString());
        }
        Files.write(file, lines);
        if (rows.isEmpty()) {
            return;
        }
        rows.sort(Comparator.comparingLong(r -> r[8]));
        List<long[]> slowest = rows.subList((int) Math.floor(rows.size() * 0.99), rows.size());
        out.printf(
                Locale.ROOT,
                "stages (median ms; generator, kafka+source+decode, watermark wait, step, to sink,"
                        + " sink to append, append to read, total): all %d frames %s; slowest 1 %% (%d) %s%n",
                rows.size(),
                medians(rows),
                slowest.size(),
                medians(slowest));
    }

    private static String medians(List<long[]> rows) {
        long[] m = new long[8];
        for (int c = 1; c <= 8; c++) {
            long[] col = new long[rows.size()];
            for (int i = 0; i < rows.size(); i++) {
                col[i] = rows.get(i)[c];
            }
            Arrays.sort(col);
            m[c - 1] = col[col.length / 2];
        }
        return Arrays.toString(m);
    }
}
