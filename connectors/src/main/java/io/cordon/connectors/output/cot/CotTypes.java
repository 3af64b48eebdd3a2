package io.cordon.connectors.output.cot;

import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.track.TrackStatus;

/**
 * CoT {@code type} and {@code how} for what Cordon sends (MITRE CoT Base-Event schema and its
 * {@code types.txt}).
 *
 * <p>Tracks are atoms {@code a-<affiliation>-<dimension>[-<function>]}. Dimension and function
 * follow the fused classification, the inverse of {@code io.cordon.connectors.cot}'s reading of
 * partner CoT so that a partner's own CoT round-trips: drone {@code A-M-F-Q} (UAV), aircraft {@code
 * A}, vessel {@code S}, land vehicle {@code G-E-V}, person {@code G-U-C-I}, anything else ground
 * {@code G} (a land border). Affiliation: {@code n} (neutral) when the target reports a cooperative
 * identity the partner may see (AIS, ADS-B, a partner's CoT uid), otherwise {@code u} (unknown):
 * Cordon observes, it does not judge hostility; a partner's TAK users re-affiliate.
 *
 * <p>Alerts are bits {@code b-a-...} (alarms): {@code b-a-g} (geofence breach) for border crossings
 * and zone intrusions, {@code b-a} otherwise. {@code how}: {@code m-f} (machine, fused) for
 * confirmed tracks and alerts; {@code m-p} (machine, predicted) for coasting and ended tracks,
 * whose position is a prediction.
 */
public final class CotTypes {
    private CotTypes() {}

    public static String track(TargetClass c, boolean cooperative) {
        char affiliation = cooperative ? 'n' : 'u';
        String tail =
                switch (c) {
                    case DRONE -> "A-M-F-Q";
                    case AIRCRAFT -> "A";
                    case VESSEL -> "S";
                    case LAND_VEHICLE -> "G-E-V";
                    case PERSON -> "G-U-C-I";
                    case ANIMAL, UNKNOWN -> "G";
                };
        return "a-" + affiliation + "-" + tail;
    }

    public static String alert(AlertType type) {
        return switch (type) {
            case BORDER_CROSSING, ZONE_INTRUSION -> "b-a-g";
            default -> "b-a";
        };
    }

    public static String how(TrackStatus status) {
        return status == TrackStatus.CONFIRMED ? "m-f" : "m-p";
    }

    public static String how(AlertState state) {
        return "m-f";
    }
}
