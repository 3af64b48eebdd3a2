package io.cordon.pipeline.border;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * A move from one position to the next that crossed a border.
 *
 * @param place where the move met the border line (WGS84; height interpolated)
 * @param fromCountry ISO 3166-1 alpha-3 code of where the move started, or {@value
 *     BorderMap#UNKNOWN}
 * @param toCountry ISO 3166-1 alpha-3 code of where it ended, or {@value BorderMap#UNKNOWN}
 * @param atPortOfEntry true when {@code place} is within a port of entry's radius
 * @param portName the port's name, empty when not at a port
 * @param fraction where along the move the crossing is, in [0, 1] (0 = start, 1 = end), so the
 *     caller can interpolate the crossing time linearly
 * @param controlLine the name of the maritime control line crossed, empty for a land border
 */
public record BorderCrossing(
        GeoPoint place,
        String fromCountry,
        String toCountry,
        boolean atPortOfEntry,
        String portName,
        double fraction,
        String controlLine) {
    /** A land border crossing. */
    public BorderCrossing(
            GeoPoint place,
            String fromCountry,
            String toCountry,
            boolean atPortOfEntry,
            String portName,
            double fraction) {
        this(place, fromCountry, toCountry, atPortOfEntry, portName, fraction, "");
    }

    public BorderCrossing {
        if (place == null || fromCountry == null || toCountry == null) {
            throw new IllegalArgumentException("place, fromCountry and toCountry are required");
        }
        if (!(fraction >= 0 && fraction <= 1)) {
            throw new IllegalArgumentException("fraction must be in [0, 1], was " + fraction);
        }
        portName = portName == null ? "" : portName;
        controlLine = controlLine == null ? "" : controlLine;
    }

    /** Whether the line crossed is a maritime control line. */
    public boolean atSea() {
        return !controlLine.isEmpty();
    }
}
