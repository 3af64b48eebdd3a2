package io.cordon.pipeline.simulation;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * Ground truth of one pair of aircraft added by {@link BorderSimulation#withAirMeetings}: for
 * scoring, never given to the tracker or the detectors. Both members appear at {@code startS} and
 * disappear at {@code endS}, flying level with the same velocity, so their horizontal separation
 * and height difference hold for the whole of their life.
 *
 * @param id its truth id ({@code air-meeting-k}); the members are {@code id + "-a"} and {@code
 *     "-b"}
 * @param kind what the pair is, and whether a rendezvous alert should come
 * @param firstIndex index of the first member in {@link BorderSimulation#targets()}
 * @param secondIndex index of the second member
 * @param firstHeightM the first member's height, WGS84 ellipsoidal, m
 * @param secondHeightM the second member's height, m
 * @param startS when both appear, s since the simulation epoch
 * @param endS when both disappear, s since the epoch
 * @param speedMps the pair's common ground speed, m/s
 * @param separationM their horizontal separation, m
 * @param middle the midpoint of the pair at {@code startS} (on the surface)
 */
public record AirMeeting(
        String id,
        Kind kind,
        int firstIndex,
        int secondIndex,
        double firstHeightM,
        double secondHeightM,
        double startS,
        double endS,
        double speedMps,
        double separationM,
        GeoPoint middle) {
    /** What a pair is; only {@link #MEETING} should alert. */
    public enum Kind {
        /** Hovering or loitering together: close, slow, level, for minutes. Should alert. */
        MEETING,
        /** As {@link #MEETING} but 600 m or more apart: a decoy. */
        APART,
        /** As {@link #MEETING} but at heights more than 100 m apart: a decoy. */
        HEIGHT_APART,
        /** As {@link #MEETING} but together for under a minute: a decoy. */
        BRIEF,
        /** Close and level but passing at speed (in formation): a decoy. */
        PASSING;

        /** Whether a rendezvous alert should come for a pair of this kind. */
        public boolean shouldAlert() {
            return this == MEETING;
        }
    }

    /** The vertical distance between the members, m. */
    public double heightDifferenceM() {
        return Math.abs(firstHeightM - secondHeightM);
    }
}
