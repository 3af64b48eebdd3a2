package io.cordon.pipeline.detect.rendezvous;

import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ParameterSection;
import io.cordon.pipeline.detect.Geodesy;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.TargetClass;
import java.util.List;

/**
 * The rendezvous variants one {@link RendezvousDetector} runs together, chosen per pair by the
 * tracks' {@link TargetClass} ({@link Variant#of}): {@code VESSEL} is sea, {@code AIRCRAFT} and
 * {@code DRONE} are air, every other class (including {@code UNKNOWN}) is land. A pair of tracks of
 * different variants (a vessel and a person, a drone and a vehicle) uses the land variant: a boat
 * meeting someone on the shore or a drone dropping something to a person on the ground is a brief
 * meeting at close range, which the land test describes; the sea variant's 2 h and the air
 * variant's 300 m would either never fire or fire on anything near a quay.
 *
 * <p>{@code detectors.rendezvous} holds the land variant in its flat keys (as before the variants,
 * so existing configurations keep their meaning) and the others in nested sections {@code sea:} and
 * {@code air:} with the same keys; {@code --param rendezvous.sea.minDurationS=3600} writes the same
 * key flat.
 *
 * @param land the land variant ({@link RendezvousParameters#DEFAULTS})
 * @param sea the sea variant. Defaults: Global Fishing Watch's vessel encounter as issue #6 quotes
 *     it: within 500 m for at least 2 h at a median speed under 2 kn (1.03 m/s); GFW excludes
 *     encounters within 10 km of an anchorage ({@code anchorages}, {@code minAnchorageDistanceM}).
 *     The rest is ours: separation 750 m (1.5 ×), {@code separationS} 600 s (a 2 h hysteresis would
 *     join two encounters an afternoon apart; 10 min covers a vessel swinging at its lines and AIS
 *     gaps), {@code maxSigmaM} 1 000 m, {@code maxTrackAgeS} 180 s (a Class A AIS transponder at
 *     anchor reports every 3 min), {@code forgetAfterS} 600 s, {@code updateEveryS} 1 800 s, {@code
 *     updateMoveM} 1 000 m
 * @param air the air variant. Defaults (ours; no published standard): helicopters or drones
 *     hovering together to hand something over: within 300 m for at least 60 s at a median speed of
 *     at most 5 m/s (a hover with wind drift; an aircraft in cruise or a pass at 20-60 m/s never
 *     matches), separation 450 m, {@code separationS} 60 s, {@code maxSigmaM} 600 m (an
 *     air-surveillance radar's track is 50-200 m 1σ), {@code maxTrackAgeS} 10 s, {@code
 *     forgetAfterS} 60 s, UPDATE each 60 s or 600 m
 * @param anchorages sea: anchorage points ({@code sea.anchorages}, a list of {@code {latDeg,
 *     lonDeg}}); default none
 * @param minAnchorageDistanceM sea: an encounter whose midpoint is within this of an anchorage is
 *     no encounter, m ({@code sea.minAnchorageDistanceM}, default 10 000: GFW's 10 km)
 * @param maxHeightDifferenceM air: when both tracks have an altitude (non-zero {@code altM}) they
 *     are together only while at most this far apart vertically, m ({@code
 *     air.maxHeightDifferenceM}, default 100: two aircraft 300 m apart horizontally but at 500 and
 *     1 500 m are not meeting)
 */
public record RendezvousVariants(
        RendezvousParameters land,
        RendezvousParameters sea,
        RendezvousParameters air,
        List<GeoPoint> anchorages,
        double minAnchorageDistanceM,
        double maxHeightDifferenceM) {

    /** Which parameters a pair uses. */
    public enum Variant {
        LAND,
        SEA,
        AIR;

        /** The variant of a track of class {@code c} (null = unknown = land). */
        public static Variant of(TargetClass c) {
            if (c == TargetClass.VESSEL) {
                return SEA;
            }
            if (c == TargetClass.AIRCRAFT || c == TargetClass.DRONE) {
                return AIR;
            }
            return LAND;
        }

        /** The variant of a pair: theirs when both agree, else land. */
        public static Variant of(Variant a, Variant b) {
            return a == b ? a : LAND;
        }

        /** As written in configuration keys and in the alert's evidence. */
        public String key() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public static final RendezvousParameters SEA_DEFAULTS =
            new RendezvousParameters(
                    500,
                    7200,
                    1.03,
                    750,
                    600,
                    1,
                    1,
                    1000,
                    180,
                    600,
                    1800,
                    1000,
                    RendezvousParameters.DEFAULTS.severity());

    public static final RendezvousParameters AIR_DEFAULTS =
            new RendezvousParameters(
                    300,
                    60,
                    5,
                    450,
                    60,
                    1,
                    1,
                    600,
                    10,
                    60,
                    60,
                    600,
                    RendezvousParameters.DEFAULTS.severity());

    public static final RendezvousVariants DEFAULTS =
            new RendezvousVariants(
                    RendezvousParameters.DEFAULTS,
                    SEA_DEFAULTS,
                    AIR_DEFAULTS,
                    List.of(),
                    10_000,
                    100);

    public RendezvousVariants {
        if (land == null || sea == null || air == null) {
            throw new IllegalArgumentException("land, sea and air parameters are required");
        }
        anchorages = List.copyOf(anchorages);
        if (!(minAnchorageDistanceM >= 0) || !Double.isFinite(minAnchorageDistanceM)) {
            throw new ConfigException(
                    "sea.minAnchorageDistanceM", minAnchorageDistanceM, "a finite number >= 0");
        }
        if (!(maxHeightDifferenceM > 0) || !Double.isFinite(maxHeightDifferenceM)) {
            throw new ConfigException(
                    "air.maxHeightDifferenceM", maxHeightDifferenceM, "a finite number > 0");
        }
    }

    /** The defaults with another land variant (the sea and air variants at their defaults). */
    public static RendezvousVariants landOnly(RendezvousParameters land) {
        return new RendezvousVariants(
                land,
                SEA_DEFAULTS,
                AIR_DEFAULTS,
                List.of(),
                DEFAULTS.minAnchorageDistanceM(),
                DEFAULTS.maxHeightDifferenceM());
    }

    public RendezvousParameters of(Variant v) {
        return switch (v) {
            case LAND -> land;
            case SEA -> sea;
            case AIR -> air;
        };
    }

    /**
     * How far a track of variant {@code v} may be from a track it can pair with, m: its own
     * variant's reach, or the land variant's (mixed pairs) when that is larger.
     */
    public double reachM(Variant v) {
        return Math.max(of(v).reachM(), land.reachM());
    }

    /** Whether {@code p} is within {@link #minAnchorageDistanceM} of an anchorage. */
    public boolean nearAnchorage(GeoPoint p) {
        for (GeoPoint a : anchorages) {
            if (Geodesy.distanceM(a, p) <= minAnchorageDistanceM) {
                return true;
            }
        }
        return false;
    }

    /** All variants from {@code detectors.rendezvous}. */
    public static RendezvousVariants from(ParameterSection s) {
        RendezvousParameters land = RendezvousParameters.from(s);
        ParameterSection sea = s.section("sea");
        ParameterSection air = s.section("air");
        RendezvousParameters seaParams =
                RendezvousParameters.from(sea, SEA_DEFAULTS, "anchorages", "minAnchorageDistanceM");
        RendezvousParameters airParams =
                RendezvousParameters.from(air, AIR_DEFAULTS, "maxHeightDifferenceM");
        List<GeoPoint> anchorages = sea.points("anchorages");
        double minAnchorage = sea.number("minAnchorageDistanceM", DEFAULTS.minAnchorageDistanceM());
        double maxHeight = air.number("maxHeightDifferenceM", DEFAULTS.maxHeightDifferenceM());
        return s.build(
                () ->
                        new RendezvousVariants(
                                land, seaParams, airParams, anchorages, minAnchorage, maxHeight));
    }
}
