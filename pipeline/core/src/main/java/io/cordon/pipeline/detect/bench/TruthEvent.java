package io.cordon.pipeline.detect.bench;

import java.util.List;
import java.util.Locale;

/**
 * One ground-truth event of a generated scenario.
 *
 * @param id stable id within the scenario ({@code type:truthIds:time})
 * @param type the alert type it should raise: {@code BORDER_CROSSING}, {@code RENDEZVOUS}, {@code
 *     DARK_TARGET}
 * @param timeS when it happens (a crossing: the moment of crossing; a rendezvous: the meeting; a
 *     dark interval: its first dark second), s since the scenario epoch
 * @param endS when it ends (equal to timeS for a crossing)
 * @param latDeg where (a crossing: on the line; a rendezvous: the pair's midpoint at the meeting;
 *     dark: where it went dark)
 * @param lonDeg where
 * @param truthIds the truth targets involved, ascending
 */
public record TruthEvent(
        String id,
        String type,
        double timeS,
        double endS,
        double latDeg,
        double lonDeg,
        List<Integer> truthIds) {
    public static final String CSV_HEADER = "event_id,type,time_s,end_s,lat,lon,truth_ids";

    public TruthEvent {
        truthIds = List.copyOf(truthIds);
    }

    String csvRow() {
        return String.format(
                Locale.ROOT,
                "%s,%s,%.1f,%.1f,%.7f,%.7f,%s",
                id,
                type,
                timeS,
                endS,
                latDeg,
                lonDeg,
                String.join(";", truthIds.stream().map(String::valueOf).toList()));
    }
}
