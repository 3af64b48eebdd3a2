package io.cordon.pipeline.simulation;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * Ground truth of one flight added by {@link BorderSimulation#withLowFlyers}: for scoring, never
 * given to the tracker or the detectors.
 *
 * @param targetIndex index of the flight in {@link BorderSimulation#targets()}
 * @param targetId its truth id ({@code flight-k})
 * @param kind what the flight is, and whether a low-slow flyer alert should come
 * @param heightM its height, WGS84 ellipsoidal, m (level flight)
 * @param icao24 its ADS-B address (6 hex digits), or the empty string for a flight without ADS-B
 * @param bornS when it appears, s since the simulation epoch (already within the border area)
 * @param crossingS when it crosses the border, s since the epoch; NaN for a flight that does not
 * @param start where it is at {@code bornS} (on the surface below it)
 */
public record LowFlyer(
        int targetIndex,
        String targetId,
        Kind kind,
        double heightM,
        String icao24,
        double bornS,
        double crossingS,
        GeoPoint start) {
    /** What a flight is; only {@link #LOW_SLOW_TOWARDS} should alert. */
    public enum Kind {
        /** No ADS-B, low and slow, heading for the border and across it: should alert. */
        LOW_SLOW_TOWARDS,
        /** As {@link #LOW_SLOW_TOWARDS} but above the height ceiling: a decoy. */
        ABOVE_CEILING,
        /** Low, towards the border, no ADS-B, but too fast: a decoy. */
        FAST,
        /** As {@link #LOW_SLOW_TOWARDS} but reporting by ADS-B: a decoy. */
        COOPERATIVE,
        /** Low and slow, no ADS-B, flying along the border: a decoy. */
        ALONG,
        /** Low and slow, no ADS-B, flying away from the border: a decoy. */
        AWAY;

        /** Whether a low-slow flyer alert should come for a flight of this kind. */
        public boolean shouldAlert() {
            return this == LOW_SLOW_TOWARDS;
        }
    }

    /** Whether it carries ADS-B. */
    public boolean cooperative() {
        return !icao24.isEmpty();
    }
}
