package io.cordon.pipeline.sharing.redaction;

import io.cordon.pipeline.config.FieldRules;
import io.cordon.pipeline.config.FieldRules.PositionRule;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import java.util.TreeSet;

/**
 * Applies a partner's {@link FieldRules} to a fused track: {@code hideSensors} empties the sensor
 * ids; {@code positions: GRID} snaps the position to its {@link PositionGrid} cell centre, drops
 * the covariance (an estimate's error ellipse is finer than the cell) and rounds the velocity to 1
 * m/s; {@code dropIdentities} empties the cooperative identity. A track is never released with
 * {@code positions: HIDDEN} (the sharing policy withholds it), so that rule is refused here.
 */
public final class TrackRedactor {
    private TrackRedactor() {}

    public static EntityTrack redact(EntityTrack t, FieldRules rules) {
        if (rules.positions() == PositionRule.HIDDEN) {
            throw new IllegalArgumentException(
                    "tracks are withheld, not redacted, when positions are HIDDEN");
        }
        if (rules.releasesEverything()) {
            return t;
        }
        boolean grid = rules.positions() == PositionRule.GRID;
        return new EntityTrack(
                t.trackId(),
                t.status(),
                t.time(),
                grid ? new PositionGrid(rules.gridM()).snap(t.position()) : t.position(),
                grid ? rounded(t.velocity()) : t.velocity(),
                grid ? null : t.covariance(),
                rules.hideSensors() ? new TreeSet<String>() : t.sensorIds(),
                t.partnerIds(),
                rules.dropIdentities() ? CooperativeIdentity.NONE : t.identity(),
                t.classification(),
                t.marking(),
                t.updateCount(),
                // when the last cooperative / other report was fused says which kinds of sensor
                // hold the track: hidden with the sensors
                rules.hideSensors() ? null : t.lastCooperativeTime(),
                rules.hideSensors() ? null : t.lastNonCooperativeTime(),
                // a height snapped to the grid's cells: its error and the rounding's (cell² / 12)
                grid && t.hasMeasuredHeight()
                        ? Math.hypot(t.sigmaAltM(), rules.gridM() / Math.sqrt(12))
                        : t.sigmaAltM());
    }

    private static Velocity rounded(Velocity v) {
        return new Velocity(Math.rint(v.eastMps()), Math.rint(v.northMps()), Math.rint(v.upMps()));
    }
}
