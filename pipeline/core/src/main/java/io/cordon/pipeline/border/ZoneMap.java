package io.cordon.pipeline.border;

import io.cordon.pipeline.config.ZoneConfig;
import io.cordon.pipeline.geo.GeoPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Restricted zones from configuration, prepared and indexed: which zones hold a position, and how
 * deep inside (or how far outside) a zone a position is, in metres. Immutable and thread-safe.
 */
public final class ZoneMap {
    private record Zone(ZoneConfig config, PreparedGeometry prepared, BorderLines boundary) {}

    private final List<Zone> zones = new ArrayList<>();
    private final STRtree index = new STRtree();

    private ZoneMap(List<ZoneConfig> configs) {
        for (ZoneConfig c : configs) {
            Geometry area = c.geometry();
            Geometry ring = area.getBoundary();
            List<LineString> parts = new ArrayList<>();
            for (int i = 0; i < ring.getNumGeometries(); i++) {
                parts.add((LineString) ring.getGeometryN(i));
            }
            Zone z =
                    new Zone(
                            c,
                            PreparedGeometryFactory.prepare(area),
                            new BorderLines(
                                    List.of(
                                            new GeoJsonBorders.Line(
                                                    c.id(),
                                                    BorderMap.UNKNOWN,
                                                    BorderMap.UNKNOWN,
                                                    parts))));
            zones.add(z);
            index.insert(area.getEnvelopeInternal(), z);
        }
        index.build();
    }

    public static ZoneMap of(List<ZoneConfig> zones) {
        return new ZoneMap(zones);
    }

    public List<ZoneConfig> zones() {
        return zones.stream().map(Zone::config).toList();
    }

    public Optional<ZoneConfig> zone(String id) {
        return zones.stream().map(Zone::config).filter(z -> z.id().equals(id)).findFirst();
    }

    /** Zones that contain {@code p} or whose boundary is within {@code maxM} of it, by id. */
    public List<ZoneConfig> zonesNear(GeoPoint p, double maxM) {
        LocalMetres m = new LocalMetres(p.latDeg());
        double dx = maxM / m.perDegLon;
        double dy = maxM / m.perDegLat;
        List<ZoneConfig> out = new ArrayList<>();
        for (Object o :
                index.query(
                        new Envelope(
                                p.lonDeg() - dx,
                                p.lonDeg() + dx,
                                p.latDeg() - dy,
                                p.latDeg() + dy))) {
            Zone z = (Zone) o;
            if (Math.abs(signedDepthM(z, p, maxM)) <= maxM || contains(z, p)) {
                out.add(z.config());
            }
        }
        out.sort(Comparator.comparing(ZoneConfig::id));
        return out;
    }

    /**
     * Signed distance from {@code p} to the boundary of zone {@code zoneId}, metres: positive
     * inside, negative outside. Beyond {@code maxM} the magnitude is reported as infinity.
     */
    public double signedDepthM(String zoneId, GeoPoint p, double maxM) {
        for (Zone z : zones) {
            if (z.config().id().equals(zoneId)) {
                return signedDepthM(z, p, maxM);
            }
        }
        throw new IllegalArgumentException("no zone " + zoneId);
    }

    private static double signedDepthM(Zone z, GeoPoint p, double maxM) {
        double d = z.boundary().distanceM(p.lonDeg(), p.latDeg(), maxM);
        return contains(z, p) ? d : -d;
    }

    private static boolean contains(Zone z, GeoPoint p) {
        return z.prepared()
                .covers(GeoJsonBorders.FACTORY.createPoint(new Coordinate(p.lonDeg(), p.latDeg())));
    }
}
