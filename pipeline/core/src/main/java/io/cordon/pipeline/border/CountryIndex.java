package io.cordon.pipeline.border;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Country polygons, prepared and in an STR-tree. A point on a shared edge belongs to the country
 * declared first in the file.
 */
final class CountryIndex {
    record Entry(int order, String iso, Geometry area, PreparedGeometry prepared) {}

    private final STRtree index = new STRtree();
    private final int size;

    CountryIndex(List<GeoJsonBorders.Country> countries) {
        for (int i = 0; i < countries.size(); i++) {
            GeoJsonBorders.Country c = countries.get(i);
            index.insert(
                    c.area().getEnvelopeInternal(),
                    new Entry(i, c.iso(), c.area(), PreparedGeometryFactory.prepare(c.area())));
        }
        index.build();
        size = countries.size();
    }

    boolean isEmpty() {
        return size == 0;
    }

    Optional<Entry> at(double lon, double lat) {
        Point p = GeoJsonBorders.FACTORY.createPoint(new Coordinate(lon, lat));
        List<Entry> candidates = new ArrayList<>();
        for (Object o : index.query(new Envelope(lon, lon, lat, lat))) {
            candidates.add((Entry) o);
        }
        candidates.sort(Comparator.comparingInt(Entry::order));
        for (Entry e : candidates) {
            if (e.prepared().covers(p)) {
                return Optional.of(e);
            }
        }
        return Optional.empty();
    }
}
