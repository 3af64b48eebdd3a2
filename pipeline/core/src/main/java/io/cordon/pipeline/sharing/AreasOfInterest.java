package io.cordon.pipeline.sharing;

import io.cordon.pipeline.config.AreaOfInterest;
import io.cordon.pipeline.geo.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * A partner's areas of interest, prepared for fast point tests. No areas means everywhere. A point
 * on an area's boundary is inside (JTS {@code covers}). Immutable and thread-safe.
 */
public final class AreasOfInterest {
    private static final GeometryFactory GEOMETRY = new GeometryFactory();

    private record Prepared(String name, PreparedGeometry area) {}

    private final List<Prepared> areas = new ArrayList<>();

    public AreasOfInterest(List<AreaOfInterest> configured) {
        for (AreaOfInterest a : configured) {
            areas.add(new Prepared(a.name(), PreparedGeometryFactory.prepare(a.geometry())));
        }
    }

    /** True when there are no areas (the partner receives from everywhere). */
    public boolean everywhere() {
        return areas.isEmpty();
    }

    /** The name of the first area holding {@code p}, or empty when none does. */
    public Optional<String> areaHolding(GeoPoint p) {
        Point point = GEOMETRY.createPoint(new Coordinate(p.lonDeg(), p.latDeg()));
        for (Prepared a : areas) {
            if (a.area().covers(point)) {
                return Optional.of(a.name());
            }
        }
        return Optional.empty();
    }

    /** True when {@code p} is inside an area, or there are no areas. */
    public boolean contains(GeoPoint p) {
        return everywhere() || areaHolding(p).isPresent();
    }

    /** Area names, for reasons. */
    public List<String> names() {
        return areas.stream().map(Prepared::name).toList();
    }
}
