package io.cordon.pipeline.border;

import io.cordon.pipeline.geo.GeoPoint;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/** Border data for tests, written as WKT (lon lat) and turned into GeoJSON features. */
final class BorderFixtures {
    /** The demo parallel, 31°20'N as the benchmark writes it. */
    static final double BORDER_LAT = 31.3333;

    static final String US_MX_LINE = "LINESTRING (-111.0747 31.3333, -108.2083 31.3333)";
    static final String USA_BOX =
            "POLYGON ((-111.0747 31.3333, -108.2083 31.3333, -108.2083 32.3333, -111.0747 32.3333,"
                    + " -111.0747 31.3333))";
    static final String MEX_BOX =
            "POLYGON ((-111.0747 30.3333, -108.2083 30.3333, -108.2083 31.3333, -111.0747 31.3333,"
                    + " -111.0747 30.3333))";

    private BorderFixtures() {}

    static String collection(String... features) {
        return "{\"type\":\"FeatureCollection\",\"features\":[" + String.join(",", features) + "]}";
    }

    static String line(String wkt, String left, String right) {
        return feature(
                wkt,
                "{\"name\":\"test line\",\"left\":\"" + left + "\",\"right\":\"" + right + "\"}");
    }

    static String country(String wkt, String iso) {
        return feature(wkt, "{\"iso_a3\":\"" + iso + "\"}");
    }

    static String feature(String wkt, String propertiesJson) {
        GeoJsonWriter writer = new GeoJsonWriter();
        writer.setEncodeCRS(false);
        try {
            return "{\"type\":\"Feature\",\"properties\":"
                    + propertiesJson
                    + ",\"geometry\":"
                    + writer.write(new WKTReader().read(wkt))
                    + "}";
        } catch (ParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The point {@code metres} from {@code p} along geodesic azimuth {@code azimuthDeg}. */
    static GeoPoint moved(GeoPoint p, double azimuthDeg, double metres) {
        GeodesicData d = Geodesic.WGS84.Direct(p.latDeg(), p.lonDeg(), azimuthDeg, metres);
        return new GeoPoint(d.lat2, d.lon2, p.altM());
    }

    /**
     * A point {@code metres} north (positive) or south (negative) of the border at {@code lonDeg}.
     */
    static GeoPoint offBorder(double lonDeg, double metres) {
        GeoPoint on = GeoPoint.of(BORDER_LAT, lonDeg);
        return metres >= 0 ? moved(on, 0, metres) : moved(on, 180, -metres);
    }
}
