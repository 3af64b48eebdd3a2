package io.cordon.pipeline.detect.dark;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertIds;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.detect.TrackDetector;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Dark target in the cooperative sense, per track (keyed by track id): the track's cooperative
 * reports (AIS, ADS-B) stop while non-cooperative sensors still hold it, inside the coverage of the
 * cooperative receivers of its kind.
 *
 * <p>It reads the provenance times of the track ({@link EntityTrack#lastCooperativeTime()}, {@link
 * EntityTrack#lastNonCooperativeTime()}). An update raises {@code NEW} (evidence {@code
 * reason=cooperativeSilent}, the identity, the last cooperative time and position) when the track
 * had a cooperative report, a non-cooperative sensor contributed within {@link
 * CooperativeSilenceParameters#maxNonCooperativeAgeS()} before the update, the track is inside the
 * coverage of a cooperative sensor of its kind (AIS for an MMSI, ADS-B for an ICAO address, either
 * without both; a sensor covers within its {@code rangeM} of its position), and the silence,
 * counted from the later of the last cooperative report and the time the track entered that
 * coverage, has lasted the kind's threshold ({@link CooperativeSilenceParameters#aisSilenceS()},
 * {@link CooperativeSilenceParameters#adsbSilenceS()}). The finding is made at the first update at
 * or after that moment: a track held by radar is updated every few seconds, and one that is not is
 * not held. A newer cooperative report closes it ({@code CLOSED}, {@code reason=resumed}), as does
 * the track's deletion ({@code reason=deleted}, state cleared). Leaving the coverage while alerted
 * does not close it: the silence started inside.
 *
 * <p>Optionally ({@link CooperativeSilenceParameters#neverCooperativeS()} > 0) a VESSEL or AIRCRAFT
 * classified track without any cooperative report or identity that stays that long inside the
 * coverage of the cooperative sensors of its class alerts too ({@code reason=neverCooperative});
 * its first cooperative report or its deletion closes it.
 *
 * <p>The id is {@code AlertIds.of(DARK_TARGET, "cooperative-silence", [trackId], key)} with {@code
 * key} the last cooperative report time in epoch milliseconds, or {@code never-} and the time the
 * track entered the coverage; {@link DarkTargetDetector} uses another detector name, so the two
 * findings never share an id.
 */
public final class CooperativeSilenceDetector implements TrackDetector<CooperativeSilenceState> {
    public static final String NAME = "cooperative-silence";
    public static final String VERSION = "1.0.0";

    private final List<SensorConfig> ais;
    private final List<SensorConfig> adsb;
    private final CooperativeSilenceParameters parameters;

    /**
     * @param sensors the configured sensors; only the cooperative ones (AIS, ADS-B receivers) are
     *     used, for their coverage
     */
    public CooperativeSilenceDetector(
            List<SensorConfig> sensors, CooperativeSilenceParameters parameters) {
        this.ais = sensors.stream().filter(s -> s.kind() == SensorKind.AIS).toList();
        this.adsb = sensors.stream().filter(s -> s.kind() == SensorKind.ADSB).toList();
        this.parameters = parameters;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DetectorResult<CooperativeSilenceState> onTrackUpdate(
            CooperativeSilenceState prev, EntityTrack u) {
        boolean deleted = u.status() == TrackStatus.DELETED;
        if (prev != null && u.time().isBefore(prev.lastTime())) {
            if (deleted && prev.alerted()) {
                return new DetectorResult<>(null, List.of(closed(prev, u, "deleted")));
            }
            return deleted ? DetectorResult.cleared() : DetectorResult.of(prev);
        }
        if (deleted) {
            return prev != null && prev.alerted()
                    ? new DetectorResult<>(null, List.of(closed(prev, u, "deleted")))
                    : DetectorResult.cleared();
        }
        Instant coop = u.lastCooperativeTime();
        List<SensorConfig> receivers = receivers(u);
        boolean covered = !covering(receivers, u).isEmpty();
        Instant coveredSince =
                !covered
                        ? null
                        : prev != null && prev.coveredSince() != null
                                ? prev.coveredSince()
                                : u.time();
        boolean resumed =
                prev != null
                        && coop != null
                        && (prev.lastCooperativeTime() == null
                                || coop.isAfter(prev.lastCooperativeTime()));
        CooperativeSilenceState next =
                new CooperativeSilenceState(
                        coop,
                        prev == null || resumed
                                ? (coop == null ? null : u.position())
                                : prev.lastCooperativePosition(),
                        coveredSince,
                        prev == null ? u.time() : prev.firstTime(),
                        u.time(),
                        prev != null && prev.alerted() && !resumed,
                        prev != null && !resumed ? prev.alertKey() : "");
        if (resumed && prev.alerted()) {
            return new DetectorResult<>(next, List.of(closed(prev, u, "resumed")));
        }
        if (next.alerted() || coveredSince == null || !heldByOthers(u)) {
            return DetectorResult.of(next);
        }
        if (coop != null) {
            Instant from = coop.isAfter(coveredSince) ? coop : coveredSince;
            double silence = Geodesy.secondsBetween(from, u.time());
            if (silence >= threshold(u)) {
                String key = Long.toString(coop.toEpochMilli());
                CooperativeSilenceState alerted = withAlert(next, key);
                return new DetectorResult<>(
                        alerted, List.of(alert(alerted, u, AlertState.NEW, null, receivers)));
            }
        } else if (neverCooperative(u)
                && Geodesy.secondsBetween(coveredSince, u.time())
                        >= parameters.neverCooperativeS()) {
            String key = "never-" + coveredSince.toEpochMilli();
            CooperativeSilenceState alerted = withAlert(next, key);
            return new DetectorResult<>(
                    alerted, List.of(alert(alerted, u, AlertState.NEW, null, receivers)));
        }
        return DetectorResult.of(next);
    }

    private static CooperativeSilenceState withAlert(CooperativeSilenceState s, String key) {
        return new CooperativeSilenceState(
                s.lastCooperativeTime(),
                s.lastCooperativePosition(),
                s.coveredSince(),
                s.firstTime(),
                s.lastTime(),
                true,
                key);
    }

    private boolean heldByOthers(EntityTrack u) {
        Instant other = u.lastNonCooperativeTime();
        if (other == null || u.status() == TrackStatus.TENTATIVE) {
            return false;
        }
        return Geodesy.secondsBetween(other, u.time()) <= parameters.maxNonCooperativeAgeS();
    }

    private boolean neverCooperative(EntityTrack u) {
        if (parameters.neverCooperativeS() <= 0 || !u.identity().isEmpty()) {
            return false;
        }
        TargetClass c = u.classification().targetClass();
        return c == TargetClass.VESSEL || c == TargetClass.AIRCRAFT;
    }

    /** The cooperative receivers the track should be heard by: by identity, else by class. */
    private List<SensorConfig> receivers(EntityTrack u) {
        CooperativeIdentity id = u.identity();
        boolean mmsi = !id.mmsi().isEmpty();
        boolean icao = !id.icao24().isEmpty();
        if (mmsi && !icao) {
            return ais;
        }
        if (icao && !mmsi) {
            return adsb;
        }
        TargetClass c = u.classification().targetClass();
        if (!mmsi && c == TargetClass.VESSEL) {
            return ais;
        }
        if (!mmsi && c == TargetClass.AIRCRAFT) {
            return adsb;
        }
        return ais.isEmpty() ? adsb : adsb.isEmpty() ? ais : concat(ais, adsb);
    }

    private static List<SensorConfig> concat(List<SensorConfig> a, List<SensorConfig> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }

    private double threshold(EntityTrack u) {
        CooperativeIdentity id = u.identity();
        return id.icao24().isEmpty() || !id.mmsi().isEmpty()
                ? parameters.aisSilenceS()
                : parameters.adsbSilenceS();
    }

    private static List<String> covering(List<SensorConfig> receivers, EntityTrack u) {
        return receivers.stream()
                .filter(s -> Geodesy.distanceM(s.position(), u.position()) <= s.rangeM())
                .map(SensorConfig::id)
                .toList();
    }

    private Alert closed(CooperativeSilenceState s, EntityTrack u, String reason) {
        return alert(s, u, AlertState.CLOSED, reason, receivers(u));
    }

    private Alert alert(
            CooperativeSilenceState s,
            EntityTrack u,
            AlertState state,
            String closeReason,
            List<SensorConfig> receivers) {
        boolean never = s.alertKey().startsWith("never-");
        Instant start = never ? s.coveredSince() : s.lastCooperativeTime();
        if (start == null) {
            start = s.firstTime();
        }
        Instant end = u.time().isBefore(s.lastTime()) ? s.lastTime() : u.time();
        double silence = Geodesy.secondsBetween(start, end);
        CooperativeIdentity id = u.identity();
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("reason", never ? "neverCooperative" : "cooperativeSilent");
        if (closeReason != null) {
            evidence.put("closeReason", closeReason);
        }
        if (!id.mmsi().isEmpty()) {
            evidence.put("mmsi", id.mmsi());
        }
        if (!id.icao24().isEmpty()) {
            evidence.put("icao24", id.icao24());
        }
        if (!id.callsign().isEmpty()) {
            evidence.put("callsign", id.callsign());
        }
        if (s.lastCooperativeTime() != null) {
            evidence.put("lastCooperativeAt", s.lastCooperativeTime().toString());
        }
        if (s.lastCooperativePosition() != null) {
            evidence.put(
                    "lastCooperativeLatDeg",
                    Evidence.decimal(s.lastCooperativePosition().latDeg(), 6));
            evidence.put(
                    "lastCooperativeLonDeg",
                    Evidence.decimal(s.lastCooperativePosition().lonDeg(), 6));
        }
        if (u.lastNonCooperativeTime() != null) {
            evidence.put("lastNonCooperativeAt", u.lastNonCooperativeTime().toString());
        }
        evidence.put("silenceS", Evidence.decimal(silence, 1));
        evidence.put("coveringCooperativeSensors", String.join(",", covering(receivers, u)));
        evidence.put("trackStatus", u.status().name());
        evidence.put(
                Evidence.PARAM_PREFIX + "aisSilenceS",
                Evidence.decimal(parameters.aisSilenceS(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "adsbSilenceS",
                Evidence.decimal(parameters.adsbSilenceS(), 1));
        evidence.put(
                Evidence.PARAM_PREFIX + "neverCooperativeS",
                Evidence.decimal(parameters.neverCooperativeS(), 1));
        Evidence.addProvenance(evidence, List.of(u));
        String who = identityText(id);
        String summary;
        if (state == AlertState.NEW) {
            summary =
                    never
                            ? String.format(
                                    Locale.ROOT,
                                    "Track %s (%s) inside cooperative coverage for %.0f s has never"
                                            + " reported AIS/ADS-B.",
                                    u.trackId(),
                                    u.classification()
                                            .targetClass()
                                            .name()
                                            .toLowerCase(Locale.ROOT),
                                    silence)
                            : String.format(
                                    Locale.ROOT,
                                    "Track %s (%s) silent on AIS/ADS-B for %.0f s since %s while"
                                            + " still tracked by other sensors.",
                                    u.trackId(),
                                    who,
                                    silence,
                                    s.lastCooperativeTime());
        } else {
            summary =
                    String.format(
                            Locale.ROOT,
                            "resumed".equals(closeReason)
                                    ? "Track %s (%s) reports again at %s after %.0f s."
                                    : "Track %s (%s) deleted at %s after %.0f s without reports.",
                            u.trackId(),
                            who,
                            end,
                            silence);
        }
        GeoPoint where =
                s.lastCooperativePosition() != null ? s.lastCooperativePosition() : u.position();
        return new Alert(
                AlertIds.of(AlertType.DARK_TARGET, NAME, List.of(u.trackId()), s.alertKey()),
                AlertType.DARK_TARGET,
                parameters.severity(),
                state,
                start,
                end,
                where,
                List.of(u.trackId()),
                NAME,
                VERSION,
                Alert.evidence(evidence),
                u.marking(),
                summary);
    }

    private static String identityText(CooperativeIdentity id) {
        if (!id.mmsi().isEmpty()) {
            return "MMSI " + id.mmsi();
        }
        if (!id.icao24().isEmpty()) {
            return "ICAO " + id.icao24();
        }
        if (!id.callsign().isEmpty()) {
            return id.callsign();
        }
        return "no identity";
    }

    @Override
    public byte[] encodeState(CooperativeSilenceState state) {
        return state.toBytes();
    }

    @Override
    public CooperativeSilenceState decodeState(byte[] bytes) {
        return CooperativeSilenceState.fromBytes(bytes);
    }
}
