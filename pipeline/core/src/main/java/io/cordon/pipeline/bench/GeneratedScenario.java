package io.cordon.pipeline.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A scenario made by {@link ScenarioGenerator}: the benchmark files as text (scenario.json,
 * detections.csv, truth.csv, truth_meta.csv, detections_labels.csv) and the truth in the scenario
 * frame for scoring in Java. {@link #scenario()} parses the same detection lines that {@link
 * #writeTo(Path)} writes, so a run in memory and a run of {@code cordon track} on the files see
 * identical input.
 *
 * @param scenarioJson scenario.json
 * @param detectionLines detections.csv, header first
 * @param truthLines truth.csv, header first
 * @param metaLines truth_meta.csv, header first
 * @param labelLines detections_labels.csv, header first: the target of each detection, -1 for
 *     clutter (diagnostics only, never tracker input)
 * @param truth the targets alive at each evaluation time, in the scenario frame
 * @param targets what each target is and does (truth_meta.csv)
 */
public record GeneratedScenario(
        String scenarioJson,
        List<String> detectionLines,
        List<String> truthLines,
        List<String> metaLines,
        List<String> labelLines,
        List<TruthStep> truth,
        List<TruthTarget> targets) {

    public GeneratedScenario {
        detectionLines = List.copyOf(detectionLines);
        truthLines = List.copyOf(truthLines);
        metaLines = List.copyOf(metaLines);
        labelLines = List.copyOf(labelLines);
        truth = List.copyOf(truth);
        targets = List.copyOf(targets);
    }

    /**
     * Truth at one evaluation time.
     *
     * @param timeS seconds since the epoch of the scenario
     * @param ids truth ids
     * @param eastM east in the scenario frame, m
     * @param northM north in the scenario frame, m
     */
    public record TruthStep(int timeS, int[] ids, double[] eastM, double[] northM) {}

    /**
     * One target as truth_meta.csv describes it; -1 where a field does not apply.
     *
     * @param id truth id
     * @param kind rendezvous, crosser, dark, ncv_turn, near_pass / near_stop (near-miss pairs),
     *     loiter / loiter_far / pace_border, intruder / zone_pass, convoy / convoy_sparse ({@link
     *     ScenarioSpec})
     * @param startS first second alive
     * @param endS last second alive
     * @param darkStartS first dark second
     * @param darkEndS last dark second
     * @param crossTimeS when a crosser crossed the border; an intruder: its first second inside its
     *     zone; a passer-by: its closest approach to the zone
     * @param meetTimeS when a rendezvous pair meets (a near-miss pair: its closest approach or
     *     brief stop); a loiterer (or {@code loiter_far}): when it stops
     * @param dwellS how long the pair stays together; a loiterer: how long it stays
     * @param partner the other target of a rendezvous pair
     * @param group the zone index (intruder, zone_pass: zone {@code zone-<group+1>}) or convoy
     *     index (convoy, convoy_sparse: members share it); truth_meta.csv's extra {@code group}
     *     column, only in scenarios with such targets
     */
    public record TruthTarget(
            int id,
            String kind,
            int startS,
            int endS,
            int darkStartS,
            int darkEndS,
            int crossTimeS,
            int meetTimeS,
            int dwellS,
            int partner,
            int group) {
        /** A target of no zone or convoy. */
        public TruthTarget(
                int id,
                String kind,
                int startS,
                int endS,
                int darkStartS,
                int darkEndS,
                int crossTimeS,
                int meetTimeS,
                int dwellS,
                int partner) {
            this(
                    id,
                    kind,
                    startS,
                    endS,
                    darkStartS,
                    darkEndS,
                    crossTimeS,
                    meetTimeS,
                    dwellS,
                    partner,
                    -1);
        }

        String csvRow(boolean withGroup) {
            return withGroup ? csvRow() + "," + opt(group) : csvRow();
        }

        String csvRow() {
            return id
                    + ","
                    + kind
                    + ","
                    + startS
                    + ","
                    + endS
                    + ","
                    + opt(darkStartS)
                    + ","
                    + opt(darkEndS)
                    + ","
                    + opt(crossTimeS)
                    + ","
                    + opt(meetTimeS)
                    + ","
                    + opt(dwellS)
                    + ","
                    + opt(partner);
        }

        private static String opt(int v) {
            return v < 0 ? "" : Integer.toString(v);
        }
    }

    /** The tracker's input, parsed from {@link #detectionLines()}. */
    public BenchScenario scenario() {
        try (BufferedReader in =
                new BufferedReader(new StringReader(String.join("\n", detectionLines)))) {
            return BenchScenario.parse(scenarioJson, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Number of detections (clutter included). */
    public int detectionCount() {
        return detectionLines.size() - 1;
    }

    /** Writes the five files of the benchmark format into {@code dir} (created if needed). */
    public void writeTo(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("scenario.json"), scenarioJson, StandardCharsets.UTF_8);
        Files.write(dir.resolve("detections.csv"), detectionLines, StandardCharsets.UTF_8);
        Files.write(dir.resolve("truth.csv"), truthLines, StandardCharsets.UTF_8);
        Files.write(dir.resolve("truth_meta.csv"), metaLines, StandardCharsets.UTF_8);
        Files.write(dir.resolve("detections_labels.csv"), labelLines, StandardCharsets.UTF_8);
    }
}
