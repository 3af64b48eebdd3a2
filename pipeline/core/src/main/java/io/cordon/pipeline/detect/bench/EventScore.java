package io.cordon.pipeline.detect.bench;

import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Event precision, recall and latency of alerts against ground-truth events, per alert type.
 *
 * <p>An alert and a truth event can match when they have the same type, the alert's event time
 * ({@code time_s}) is within {@link Gate#windowS()} of the event's time and its place within {@link
 * Gate#maxDistanceM()} of the event's place (matching by position: the track ids of an alert are
 * the tracker's, not truth ids). Matching is one to one, closest in time first, so two alerts for
 * one event (a track broken in two, both crossing) count one true and one false. Precision =
 * matched alerts / alerts, recall = matched events / events. Latency is, per matched pair, the
 * event time of the track update that raised the alert minus the truth event's time: how long after
 * the fact, in the scenario's time, the alert exists.
 */
public final class EventScore {
    /**
     * When an alert may match an event of its type.
     *
     * @param windowS largest |alert time - event time|, s
     * @param maxDistanceM largest distance between alert place and event place, m
     */
    public record Gate(double windowS, double maxDistanceM) {}

    /**
     * Gates by type. Crossing: 30 s and 1 000 m (a track's crossing time and place come from
     * interpolating between its updates, 2-4 s apart in cover; 1 000 m is more than a
     * satellite-only track's error). Rendezvous: 60 s and 500 m (the pair is within 50 m from
     * shortly before the scripted meeting; its tracks may pass the 50 m test a scan or two early or
     * late). Dark target: 30 s and 1 000 m (the alert's time is the track's last observation before
     * the gap, up to one radar scan before the truth's first dark second, and its place is that
     * observation; a coasting track may also be deleted and re-born, so a late alert belongs to
     * another gap).
     *
     * <p>Loitering: 60 s and 500 m. The alert's time and place are its episode's start, the first
     * update within 200 m ({@code radiusM}) of where the track then stays; the truth's episode
     * starts by the same rule on the 5 s truth, so both lie on the last 200 m of the approach and
     * differ by where the samples fall on it (≤ 200 m; at the 4 m/s or more of a vehicle ≤ 50 s,
     * plus a scan) and by the track's error; the minimum 300 s is in the latency, not here. Zone
     * intrusion: 30 s and 1 000 m, as a crossing (the detector interpolates the moment the track
     * crossed the zone's edge between two updates, the truth between two truth points; its place is
     * the first update 25 m inside). Convoy: 60 s and 1 000 m (the group starts when 3 confirmed
     * tracks are linked: confirmation takes a few scans, and a track's course and speed settle over
     * some more before the 20° / 2 m/s link holds; its place is the centroid of a column up to 600
     * m long, the truth's of the first 3 linked).
     */
    public static final Map<String, Gate> DEFAULT_GATES =
            Map.of(
                    "BORDER_CROSSING",
                    new Gate(30, 1000),
                    "RENDEZVOUS",
                    new Gate(60, 500),
                    "DARK_TARGET",
                    new Gate(30, 1000),
                    "LOITERING",
                    new Gate(60, 500),
                    "ZONE_INTRUSION",
                    new Gate(30, 1000),
                    "CONVOY",
                    new Gate(60, 1000));

    /**
     * The alerts of {@code type} that fall within {@code gate} of a near miss ({@link
     * TruthEvents#NEAR_MISS}) and of no true event of their type: false alerts on near misses.
     */
    public static int alertsOnNearMisses(
            BenchDetection.Result result, List<TruthEvent> events, String type, Gate gate) {
        Instant epoch = result.scenario().epoch();
        int n = 0;
        for (BenchDetection.Raised r : result.alerts()) {
            if (!r.alert().type().name().equals(type)) {
                continue;
            }
            double t = Geodesy.secondsBetween(epoch, r.alert().windowStart());
            boolean nearMiss = false;
            boolean nearTrue = false;
            for (TruthEvent e : events) {
                boolean within =
                        Math.abs(t - e.timeS()) <= gate.windowS()
                                && Geodesy.distanceM(
                                                r.alert().location(),
                                                new GeoPoint(e.latDeg(), e.lonDeg(), 0))
                                        <= gate.maxDistanceM();
                nearMiss |= within && e.type().equals(TruthEvents.NEAR_MISS);
                nearTrue |= within && e.type().equals(type);
            }
            if (nearMiss && !nearTrue) {
                n++;
            }
        }
        return n;
    }

    /** The default gates of the types that {@code detectors} ({@code cordon.yaml} names) raise. */
    public static Map<String, Gate> gatesFor(List<String> detectors) {
        Map<String, Gate> out = new TreeMap<>();
        Map<String, String> typeOf =
                Map.of(
                        "borderCrossing", "BORDER_CROSSING",
                        "rendezvous", "RENDEZVOUS",
                        "darkTarget", "DARK_TARGET",
                        "loitering", "LOITERING",
                        "zoneIntrusion", "ZONE_INTRUSION",
                        "convoy", "CONVOY");
        for (String d : detectors) {
            String type = typeOf.get(d);
            if (type != null) {
                out.put(type, DEFAULT_GATES.get(type));
            }
        }
        return out;
    }

    /**
     * The score of one type.
     *
     * @param type alert type
     * @param events truth events
     * @param alerts alerts
     * @param matched matched pairs
     * @param latenciesS latency of each matched pair, s, ascending
     */
    public record TypeScore(String type, int events, int alerts, int matched, double[] latenciesS) {
        public double precision() {
            return alerts == 0 ? 1.0 : (double) matched / alerts;
        }

        public double recall() {
            return events == 0 ? 1.0 : (double) matched / events;
        }

        public double medianLatencyS() {
            return latenciesS.length == 0 ? Double.NaN : latenciesS[latenciesS.length / 2];
        }

        public double maxLatencyS() {
            return latenciesS.length == 0 ? Double.NaN : latenciesS[latenciesS.length - 1];
        }

        public double meanLatencyS() {
            return Arrays.stream(latenciesS).average().orElse(Double.NaN);
        }

        public String summary() {
            return String.format(
                    Locale.ROOT,
                    "%s: events %d, alerts %d, matched %d, precision %.3f, recall %.3f,"
                            + " latency median %.1f s, mean %.1f s, max %.1f s",
                    type,
                    events,
                    alerts,
                    matched,
                    precision(),
                    recall(),
                    medianLatencyS(),
                    meanLatencyS(),
                    maxLatencyS());
        }
    }

    private EventScore() {}

    /**
     * Scores the alerts of {@code result} against {@code events}, for each type in {@code gates}.
     */
    public static Map<String, TypeScore> score(
            BenchDetection.Result result, List<TruthEvent> events, Map<String, Gate> gates) {
        return score(result.scenario().epoch(), result.alerts(), events, gates);
    }

    /**
     * Scores {@code raised} against {@code events}, for each type in {@code gates}: the same as
     * {@link #score(BenchDetection.Result, List, Map)} for alerts that come from elsewhere than a
     * bench scenario (the border simulation), with times counted from {@code epoch}.
     */
    public static Map<String, TypeScore> score(
            Instant epoch,
            List<BenchDetection.Raised> raised,
            List<TruthEvent> events,
            Map<String, Gate> gates) {
        Map<String, TypeScore> out = new TreeMap<>();
        for (var g : new TreeMap<>(gates).entrySet()) {
            String type = g.getKey();
            Gate gate = g.getValue();
            List<TruthEvent> truth = events.stream().filter(e -> e.type().equals(type)).toList();
            List<BenchDetection.Raised> alerts =
                    raised.stream().filter(r -> r.alert().type().name().equals(type)).toList();
            List<double[]> candidates = new ArrayList<>(); // |dt|, distance, alert, event
            for (int a = 0; a < alerts.size(); a++) {
                var alert = alerts.get(a).alert();
                double t = Geodesy.secondsBetween(epoch, alert.windowStart());
                for (int e = 0; e < truth.size(); e++) {
                    TruthEvent ev = truth.get(e);
                    double dt = Math.abs(t - ev.timeS());
                    if (dt > gate.windowS()) {
                        continue;
                    }
                    double d =
                            Geodesy.distanceM(
                                    alert.location(), new GeoPoint(ev.latDeg(), ev.lonDeg(), 0));
                    if (d <= gate.maxDistanceM()) {
                        candidates.add(new double[] {dt, d, a, e});
                    }
                }
            }
            candidates.sort(
                    Comparator.<double[]>comparingDouble(c -> c[0])
                            .thenComparingDouble(c -> c[1])
                            .thenComparingDouble(c -> c[2])
                            .thenComparingDouble(c -> c[3]));
            boolean[] alertUsed = new boolean[alerts.size()];
            boolean[] eventUsed = new boolean[truth.size()];
            List<Double> latencies = new ArrayList<>();
            for (double[] c : candidates) {
                int a = (int) c[2];
                int e = (int) c[3];
                if (alertUsed[a] || eventUsed[e]) {
                    continue;
                }
                alertUsed[a] = true;
                eventUsed[e] = true;
                latencies.add(
                        Geodesy.secondsBetween(epoch, alerts.get(a).raisedAt())
                                - truth.get(e).timeS());
            }
            double[] l = latencies.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            out.put(type, new TypeScore(type, truth.size(), alerts.size(), l.length, l));
        }
        return out;
    }
}
