package io.cordon.pipeline.config;

import java.nio.file.Path;
import java.util.List;

/**
 * Where the borders come from.
 *
 * <p>The file is GeoJSON (a FeatureCollection, lon/lat WGS84): {@code LineString} and {@code
 * MultiLineString} features are border lines (properties {@code name}, and {@code left}/{@code
 * right}: ISO 3166-1 alpha-3 codes of the countries left and right of the line when walking in the
 * order of its coordinates); {@code Polygon} and {@code MultiPolygon} features with a property
 * {@code iso_a3} or {@code ADM0_A3} are countries. See {@code io.cordon.pipeline.border.BorderMap}.
 *
 * @param file the GeoJSON file, resolved against the config file's directory; null when no borders
 *     are configured (then nothing crosses anything)
 * @param portsOfEntry official crossing points (on land and at sea)
 * @param controlLines maritime control lines, besides those in the file (features with {@code
 *     "kind": "maritimeControlLine"})
 */
public record BorderConfig(
        Path file, List<PortOfEntry> portsOfEntry, List<ControlLine> controlLines) {
    public static final BorderConfig NONE = new BorderConfig(null, List.of(), List.of());

    public BorderConfig {
        portsOfEntry = List.copyOf(portsOfEntry == null ? List.of() : portsOfEntry);
        controlLines = List.copyOf(controlLines == null ? List.of() : controlLines);
    }

    /** Borders without configured control lines. */
    public BorderConfig(Path file, List<PortOfEntry> portsOfEntry) {
        this(file, portsOfEntry, List.of());
    }
}
