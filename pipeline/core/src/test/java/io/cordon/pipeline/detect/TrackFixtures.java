package io.cordon.pipeline.detect;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.Set;
import java.util.TreeSet;
import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.GeodesicData;

/** Named track fixtures for the detector tests. */
public final class TrackFixtures {
    public static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    public static final double BORDER_LAT = 31.3333;
    public static final double REF_LON = -110.6;

    private TrackFixtures() {}

    public static Instant t(double seconds) {
        return T0.plusMillis(Math.round(seconds * 1000));
    }

    /**
     * A point {@code metres} north (positive) or south (negative) of the border at the reference
     * longitude.
     */
    public static GeoPoint offBorder(double metres) {
        return offBorder(REF_LON, metres);
    }

    public static GeoPoint offBorder(double lonDeg, double metres) {
        return moved(GeoPoint.of(BORDER_LAT, lonDeg), metres >= 0 ? 0 : 180, Math.abs(metres));
    }

    /** The point {@code metres} from {@code p} along geodesic azimuth {@code azimuthDeg}. */
    public static GeoPoint moved(GeoPoint p, double azimuthDeg, double metres) {
        GeodesicData d = Geodesic.WGS84.Direct(p.latDeg(), p.lonDeg(), azimuthDeg, metres);
        return new GeoPoint(d.lat2, d.lon2, p.altM());
    }

    /** A track update from partner usa's radar, unrestricted. */
    public static EntityTrack track(
            String id, TrackStatus status, Instant time, GeoPoint position, Velocity velocity) {
        return new EntityTrack(
                id,
                status,
                time,
                position,
                velocity,
                StateCovariance.diagonal(15, 1),
                new TreeSet<>(Set.of("usa-radar-1")),
                new TreeSet<>(Set.of("usa")),
                CooperativeIdentity.NONE,
                Classification.UNKNOWN,
                Marking.UNRESTRICTED,
                10);
    }

    public static EntityTrack confirmed(String id, Instant time, GeoPoint position) {
        return track(id, TrackStatus.CONFIRMED, time, position, new Velocity(0, -10, 0));
    }

    /** The same update with other sources and marking. */
    public static EntityTrack from(
            EntityTrack t, Set<String> sensors, Set<String> partners, Marking marking) {
        return new EntityTrack(
                t.trackId(),
                t.status(),
                t.time(),
                t.position(),
                t.velocity(),
                t.covariance(),
                new TreeSet<>(sensors),
                new TreeSet<>(partners),
                t.identity(),
                t.classification(),
                marking,
                t.updateCount());
    }
}
