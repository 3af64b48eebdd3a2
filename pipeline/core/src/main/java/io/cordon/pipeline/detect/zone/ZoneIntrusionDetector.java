package io.cordon.pipeline.detect.zone;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.border.ZoneMap;
import io.cordon.pipeline.config.ZoneConfig;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Zone intrusion, per track (keyed by track id).
 *
 * <p>A track <i>enters</i> a zone at the update where it is at least {@link
 * ZoneIntrusionParameters#hysteresisM()} inside, and <i>leaves</i> at the update where it is at
 * least that far outside (or is deleted). The entry time is interpolated to where the move from the
 * previous update crossed the edge (linear in the signed depth), or is the previous update's time
 * when the track was already on or just inside the edge then. Entering emits {@code NEW} (at the
 * first {@code CONFIRMED}/{@code COASTING} update inside, so a track that entered while tentative
 * alerts once confirmed), leaving emits {@code CLOSED} with the same id; a track on the edge alerts
 * at most once per visit. While inside, an update at least {@link
 * ZoneIntrusionParameters#updateDistanceM()} from where the previous message placed the track
 * re-sends the alert as {@code UPDATE} (same id, evidence {@code revision} one more).
 *
 * <p>The id is {@code AlertIds.of(ZONE_INTRUSION, "zone-intrusion", [trackId], zoneId@t)} with
 * {@code t} the entry time in epoch milliseconds rounded to the second.
 */
public final class ZoneIntrusionDetector implements TrackDetector<ZoneState> {
    public static final String NAME = "zone-intrusion";
    public static final String VERSION = "1.0.0";

    private final ZoneMap zones;
    private final ZoneIntrusionParameters parameters;

    public ZoneIntrusionDetector(ZoneMap zones, ZoneIntrusionParameters parameters) {
        this.zones = zones;
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DetectorResult<ZoneState> onTrackUpdate(ZoneState prev, EntityTrack u) {
        if (u.status() == TrackStatus.DELETED) {
            List<Alert> closed = new ArrayList<>();
            if (prev != null) {
                for (ZoneState.Entry e : prev.inside()) {
                    if (e.alerted()) {
                        closed.add(
                                alert(e, u, AlertState.CLOSED, prev.lastTime(), e.revision() + 1));
                    }
                }
            }
            return new DetectorResult<>(null, closed);
        }
        if (prev != null && u.time().isBefore(prev.lastTime())) {
            return DetectorResult.of(prev);
        }
        double h = parameters.hysteresisM();
        double search = Math.max(h, 1.0);
        Map<String, ZoneState.Entry> inside = new TreeMap<>();
        if (prev != null) {
            prev.inside().forEach(e -> inside.put(e.zoneId(), e));
        }
        List<Alert> alerts = new ArrayList<>();
        for (String zoneId : candidates(u.position(), inside, search)) {
            double depth = zones.signedDepthM(zoneId, u.position(), Double.MAX_VALUE);
            ZoneState.Entry entry = inside.get(zoneId);
            if (entry == null && depth >= h && depth > 0) {
                Instant at = prev == null ? u.time() : entryTime(zoneId, prev, u, depth);
                entry = new ZoneState.Entry(zoneId, at, u.position(), false);
            } else if (entry != null && -depth >= h && depth < 0) {
                inside.remove(zoneId);
                if (entry.alerted()) {
                    alerts.add(alert(entry, u, AlertState.CLOSED, u.time(), entry.revision() + 1));
                }
                continue;
            }
            if (entry != null && !entry.alerted() && emits(u.status())) {
                entry =
                        new ZoneState.Entry(
                                zoneId, entry.enteredAt(), entry.place(), true, u.position(), 0);
                alerts.add(alert(entry, u, AlertState.NEW, u.time(), 0));
            } else if (entry != null
                    && entry.alerted()
                    && emits(u.status())
                    && parameters.updateDistanceM() > 0
                    && Geodesy.distanceM(
                                    entry.reportedPlace() == null
                                            ? entry.place()
                                            : entry.reportedPlace(),
                                    u.position())
                            >= parameters.updateDistanceM()) {
                entry =
                        new ZoneState.Entry(
                                zoneId,
                                entry.enteredAt(),
                                entry.place(),
                                true,
                                u.position(),
                                entry.revision() + 1);
                alerts.add(alert(entry, u, AlertState.UPDATE, u.time(), entry.revision()));
            }
            if (entry != null) {
                inside.put(zoneId, entry);
            }
        }
        return new DetectorResult<>(
                new ZoneState(u.position(), u.time(), new ArrayList<>(inside.values())), alerts);
    }

    private List<String> candidates(
            GeoPoint p, Map<String, ZoneState.Entry> inside, double search) {
        TreeMap<String, Boolean> ids = new TreeMap<>();
        zones.zonesNear(p, search).forEach(z -> ids.put(z.id(), true));
        inside.keySet().forEach(id -> ids.put(id, true));
        return new ArrayList<>(ids.keySet());
    }

    private Instant entryTime(String zoneId, ZoneState prev, EntityTrack u, double depth) {
        double before = zones.signedDepthM(zoneId, prev.lastPosition(), Double.MAX_VALUE);
        if (before >= 0) {
            return prev.lastTime(); // already (shallowly) inside at the previous update
        }
        double fraction = -before / (depth - before);
        long spanMs = Duration.between(prev.lastTime(), u.time()).toMillis();
        return prev.lastTime().plusMillis(Math.round(spanMs * fraction));
    }

    private static boolean emits(TrackStatus status) {
        return status == TrackStatus.CONFIRMED || status == TrackStatus.COASTING;
    }

    private Alert alert(
            ZoneState.Entry e, EntityTrack u, AlertState state, Instant end, int revision) {
        ZoneConfig zone = zones.zone(e.zoneId()).orElseThrow();
        long key = Math.round(e.enteredAt().toEpochMilli() / 1000.0) * 1000;
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("zoneId", zone.id());
        evidence.put("zoneName", zone.name());
        evidence.put("enteredAt", e.enteredAt().toString());
        evidence.put("durationS", Evidence.decimal(Geodesy.secondsBetween(e.enteredAt(), end), 1));
        evidence.put("speedMps", Evidence.decimal(u.velocity().groundSpeedMps(), 2));
        evidence.put(Evidence.REVISION, Integer.toString(revision));
        if (state == AlertState.UPDATE) {
            evidence.put("latDeg", Evidence.decimal(u.position().latDeg(), 6));
            evidence.put("lonDeg", Evidence.decimal(u.position().lonDeg(), 6));
        }
        evidence.put("courseDeg", Evidence.decimal(u.velocity().courseDeg(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "hysteresisM",
                Evidence.decimal(parameters.hysteresisM(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "updateDistanceM",
                Evidence.decimal(parameters.updateDistanceM(), 1));
        Evidence.addProvenance(evidence, List.of(u));
        String summary =
                state == AlertState.UPDATE
                        ? "Track "
                                + u.trackId()
                                + " is still in restricted zone "
                                + zone.name()
                                + " (entered "
                                + e.enteredAt()
                                + ")."
                        : state == AlertState.NEW
                                ? "Track "
                                        + u.trackId()
                                        + " entered restricted zone "
                                        + zone.name()
                                        + " at "
                                        + e.enteredAt()
                                        + "."
                                : "Track "
                                        + u.trackId()
                                        + " left restricted zone "
                                        + zone.name()
                                        + " (entered "
                                        + e.enteredAt()
                                        + ").";
        return new Alert(
                AlertIds.of(
                        AlertType.ZONE_INTRUSION,
                        NAME,
                        List.of(u.trackId()),
                        zone.id() + "@" + key),
                AlertType.ZONE_INTRUSION,
                zone.severity(),
                state,
                e.enteredAt(),
                end.isBefore(e.enteredAt()) ? e.enteredAt() : end,
                e.place(),
                List.of(u.trackId()),
                NAME,
                VERSION,
                Alert.evidence(evidence),
                u.marking(),
                summary);
    }

    @Override
    public byte[] encodeState(ZoneState state) {
        return state.toBytes();
    }

    @Override
    public ZoneState decodeState(byte[] bytes) {
        return ZoneState.fromBytes(bytes);
    }
}
