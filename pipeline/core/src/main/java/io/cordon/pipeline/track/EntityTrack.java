package io.cordon.pipeline.track;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import java.time.Instant;
import java.util.SortedSet;

/**
 * One fused entity track at one time.
 *
 * @param trackId stable id for the life of the entity, derived deterministically from its input
 * @param status life-cycle status
 * @param time the time of this estimate (event time)
 * @param position estimated position (WGS84)
 * @param velocity estimated velocity in ENU at {@code position}
 * @param covariance covariance of (e, n, ve, vn) in ENU at {@code position}
 * @param sensorIds every sensor that contributed to this track so far (sorted, immutable)
 * @param partnerIds every partner whose data contributed (sorted)
 * @param identity cooperative identities attached to the entity
 * @param classification fused classification
 * @param marking the releasability that follows from all contributing sources
 * @param updateCount number of observations fused into the track
 * @param lastCooperativeTime event time of the last observation from a cooperative sensor kind
 *     (AIS, ADS-B: {@link io.cordon.pipeline.observation.SensorKind#cooperative()}) fused into the
 *     track, or null when none ever was
 * @param lastNonCooperativeTime event time of the last observation from any other sensor kind
 *     (radar, drone, satellite, ground sensor, partner tracker, ...) fused into the track, or null
 *     when none ever was
 * @param sigmaAltM one-sigma error of {@code position.altM()}, m, when the track's height was
 *     measured (a sensor reported it: a 3-D radar's elevation, a drone's or ADS-B's height); 0 when
 *     it never was, and the height is then the fusion's reference height, a placeholder
 */
public record EntityTrack(
        String trackId,
        TrackStatus status,
        Instant time,
        GeoPoint position,
        Velocity velocity,
        StateCovariance covariance,
        SortedSet<String> sensorIds,
        SortedSet<String> partnerIds,
        CooperativeIdentity identity,
        Classification classification,
        Marking marking,
        long updateCount,
        Instant lastCooperativeTime,
        Instant lastNonCooperativeTime,
        double sigmaAltM) {
    public EntityTrack {
        if (trackId == null || trackId.isBlank()) {
            throw new IllegalArgumentException("trackId is required");
        }
        if (status == null || time == null || position == null) {
            throw new IllegalArgumentException("status, time and position are required");
        }
        velocity = velocity == null ? Velocity.ZERO : velocity;
        // immutable sorted copies; a SortedNames is immutable already and kept as it is
        sensorIds = SortedNames.of(sensorIds);
        partnerIds = SortedNames.of(partnerIds);
        identity = identity == null ? CooperativeIdentity.NONE : identity;
        classification = classification == null ? Classification.UNKNOWN : classification;
        marking = marking == null ? Marking.UNRESTRICTED : marking;
        if (!(sigmaAltM >= 0) || !Double.isFinite(sigmaAltM)) {
            throw new IllegalArgumentException(
                    "sigmaAltM must be finite and > 0 (height measured) or 0 (not measured), was "
                            + sigmaAltM);
        }
        sigmaAltM = sigmaAltM == 0 ? 0.0 : sigmaAltM; // -0.0 too is "not measured"
    }

    /** A track whose height was never measured (its height the reference height). */
    public EntityTrack(
            String trackId,
            TrackStatus status,
            Instant time,
            GeoPoint position,
            Velocity velocity,
            StateCovariance covariance,
            SortedSet<String> sensorIds,
            SortedSet<String> partnerIds,
            CooperativeIdentity identity,
            Classification classification,
            Marking marking,
            long updateCount,
            Instant lastCooperativeTime,
            Instant lastNonCooperativeTime) {
        this(
                trackId,
                status,
                time,
                position,
                velocity,
                covariance,
                sensorIds,
                partnerIds,
                identity,
                classification,
                marking,
                updateCount,
                lastCooperativeTime,
                lastNonCooperativeTime,
                0.0);
    }

    /** Whether the height was measured ({@code sigmaAltM > 0}), not the reference height. */
    public boolean hasMeasuredHeight() {
        return sigmaAltM > 0;
    }

    /** A track without provenance times (both null: not known). */
    public EntityTrack(
            String trackId,
            TrackStatus status,
            Instant time,
            GeoPoint position,
            Velocity velocity,
            StateCovariance covariance,
            SortedSet<String> sensorIds,
            SortedSet<String> partnerIds,
            CooperativeIdentity identity,
            Classification classification,
            Marking marking,
            long updateCount) {
        this(
                trackId,
                status,
                time,
                position,
                velocity,
                covariance,
                sensorIds,
                partnerIds,
                identity,
                classification,
                marking,
                updateCount,
                null,
                null);
    }

    public EntityTrack withStatus(TrackStatus newStatus) {
        return copy(trackId, newStatus);
    }

    /** The same track under another id (everything else, provenance times included, kept). */
    public EntityTrack withTrackId(String newTrackId) {
        return copy(newTrackId, status);
    }

    private EntityTrack copy(String newTrackId, TrackStatus newStatus) {
        return new EntityTrack(
                newTrackId,
                newStatus,
                time,
                position,
                velocity,
                covariance,
                sensorIds,
                partnerIds,
                identity,
                classification,
                marking,
                updateCount,
                lastCooperativeTime,
                lastNonCooperativeTime,
                sigmaAltM);
    }
}
