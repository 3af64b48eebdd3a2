package io.cordon.pipeline.tracker;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * Where a sensor can detect a target: a prior that tells the tracker when a missing detection is
 * evidence (the target was in view and not seen) and when it is not.
 */
public sealed interface SensorCoverage
        permits SensorCoverage.Everywhere, SensorCoverage.Disc, SensorCoverage.Rectangle {

    /** Sees the whole surveillance region. */
    record Everywhere() implements SensorCoverage {}

    /**
     * Sees within a horizontal radius of a point (a radar's range, a drone camera's footprint).
     *
     * @param centre the centre (WGS84)
     * @param radiusM the radius, m, > 0
     */
    record Disc(GeoPoint centre, double radiusM) implements SensorCoverage {
        public Disc {
            if (centre == null || !(radiusM > 0)) {
                throw new IllegalArgumentException("centre and radiusM > 0 required");
            }
        }
    }

    /**
     * Sees a rectangle aligned with east and north at its centre (a satellite swath over a box).
     *
     * @param centre the centre (WGS84)
     * @param halfEastM half-width along east, m, > 0
     * @param halfNorthM half-height along north, m, > 0
     */
    record Rectangle(GeoPoint centre, double halfEastM, double halfNorthM)
            implements SensorCoverage {
        public Rectangle {
            if (centre == null || !(halfEastM > 0) || !(halfNorthM > 0)) {
                throw new IllegalArgumentException("centre and positive half sizes required");
            }
        }
    }
}
