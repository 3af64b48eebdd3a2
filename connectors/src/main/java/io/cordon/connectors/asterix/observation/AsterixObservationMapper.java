package io.cordon.connectors.asterix.observation;

import io.cordon.connectors.asterix.AsterixMessage;
import io.cordon.connectors.asterix.cat021.Cat021Report;
import io.cordon.connectors.asterix.cat048.Cat048Plot;
import io.cordon.connectors.asterix.cat062.Cat062Track;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.MeasuredHeights;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Measurement;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.observation.Velocity;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Maps decoded ASTERIX records of one sensor to {@link Observation}s. The sensor's registry entry
 * ({@link SensorConfig}) gives owner, kind, releasability, the radar position and the noise the
 * formats do not carry. Every method returns one observation, an error with the reason (no
 * position, no valid time, inconsistent values), or nothing for records that are not observations
 * (CAT034 service messages).
 *
 * <ul>
 *   <li>CAT048 plot: {@link RadarPlot} at the sensor position with the sensor's range and azimuth
 *       sigmas. RHO is slant range; when the target height is known (I110, else a validated Mode C
 *       flight level taken as altitude) the plot is the point of the radar's ENU frame at that
 *       slant range and azimuth whose geodetic height is the target's ({@link #slantToPlane}, with
 *       the Earth's curvature: a target at FL330 200 km out is 6.8 km above the radar's horizontal
 *       plane, not 10 km, and the flat projection sqrt(RHO² − Δh²) used before 2026-11-29 put it
 *       130 m too close); otherwise RHO is used as is (surface targets). A 3-D radar's measured
 *       height (I110, from a sensor with {@link SensorConfig#sigmaHeightM} > 0) also becomes the
 *       plot's elevation, so the tracker measures the track's height from it; the heights are taken
 *       as ellipsoidal (I110 is above mean sea level: the geoid's undulation, up to a few tens of
 *       metres, is left in, well under a 3-D radar's height error).
 *   <li>CAT062 track: {@link SensorTrackUpdate} with local id {@code 062/SAC-SIC/track number}, the
 *       I105 position, height from I130 (else I135 as altitude), covariance from I500 APC/COV (the
 *       system plane is taken as east-north) or the sensor's sigmaPositionM, velocity I185 with
 *       I220 as up.
 *   <li>CAT021 report: {@link PositionFix} with a one-sigma per axis of EPU/√χ²₂(0.95) from NACp
 *       (RTCA DO-260B table 2-70), else the sensor's sigmaPositionM, and the geometric height
 *       (I140) as a measured height ({@link #GEOMETRIC_HEIGHT_SIGMA_M}; a flight level alone is the
 *       altitude but no measured height); event time from I071, else I073, else I077; velocity from
 *       I160 with I157 (else I155) as up.
 * </ul>
 */
public final class AsterixObservationMapper {
    static final double M_PER_FT = 0.3048;

    /**
     * One-sigma error of a CAT021 geometric height (I140), metres: geometric vertical accuracy
     * (GVA, in I090's extension, not decoded) taken as 2, under 45 m at 95 % (RTCA DO-260B), over
     * 1.96. Also the sigma of a CAT062 calculated geometric altitude (I130), whose accuracy (I500
     * AGA) is not decoded and which a surveillance data processor derives from such heights.
     */
    static final double GEOMETRIC_HEIGHT_SIGMA_M = 45 / 1.96;

    /** √χ²(0.95, 2): a 95 % horizontal radius over the one-sigma per axis. */
    static final double RADIUS95_PER_SIGMA = Math.sqrt(5.991464547107979);

    /** NACp → estimated position uncertainty (95 % horizontal radius), metres; 0 = unknown. */
    private static final double[] EPU_BY_NACP = {
        Double.NaN, 18_520, 7_408, 3_704, 1_852, 926, 555.6, 185.2, 92.6, 30, 10, 3
    };

    private final SensorConfig sensor;
    private final LocalTangentPlane radarPlane;

    public AsterixObservationMapper(SensorConfig sensor) {
        if (sensor == null) {
            throw new IllegalArgumentException("sensor is required");
        }
        this.sensor = sensor;
        this.radarPlane = new LocalTangentPlane(sensor.position());
    }

    /**
     * Maps a record received live at {@code receivedAt}: its time of day is dated to the UTC day
     * that puts it nearest to the reception (a plot stamped 23:59:59.9 received at 00:00:00.1
     * belongs to the day before), see {@link AsterixTime#dateNear}.
     */
    public DecodeResult<Observation> map(AsterixMessage message, Instant receivedAt) {
        double timeOfDay =
                message instanceof Cat048Plot p
                        ? p.timeOfDaySeconds()
                        : message instanceof Cat062Track t ? t.timeOfTrackSeconds() : -1;
        LocalDate date =
                AsterixTime.isTimeOfDay(timeOfDay)
                        ? AsterixTime.dateNear(timeOfDay, receivedAt)
                        : LocalDate.ofInstant(receivedAt, ZoneOffset.UTC);
        return map(message, date);
    }

    /** Maps any decoded record; CAT034 service messages yield an empty result. */
    public DecodeResult<Observation> map(AsterixMessage message, LocalDate utcDate) {
        if (message instanceof Cat048Plot plot) {
            return map(plot, utcDate);
        }
        if (message instanceof Cat062Track track) {
            return map(track, utcDate);
        }
        if (message instanceof Cat021Report report) {
            return map(report, utcDate);
        }
        return new DecodeResult<>(List.of(), List.of());
    }

    public DecodeResult<Observation> map(Cat048Plot plot, LocalDate utcDate) {
        String what = "CAT048 plot from " + plot.sac() + "/" + plot.sic();
        if (!AsterixTime.isTimeOfDay(plot.timeOfDaySeconds())) {
            return error(what + ": no valid time of day (I140 = " + plot.timeOfDaySeconds() + ")");
        }
        if (!plot.hasPolarPosition()) {
            return error(what + ": no measured polar position (I040)");
        }
        if (!(sensor.sigmaRangeM() > 0 && sensor.sigmaAzimuthDeg() > 0)) {
            return error(
                    what
                            + ": sensor "
                            + sensor.id()
                            + " has no range/azimuth noise (kind "
                            + sensor.kind()
                            + ")");
        }
        double targetAltM =
                Double.isFinite(plot.heightM())
                        ? plot.heightM()
                        : plot.flightLevelValid()
                                ? plot.flightLevel() * 100 * M_PER_FT
                                : Double.NaN;
        double slant = plot.rangeM();
        double[] plane =
                Double.isFinite(targetAltM)
                        ? slantToPlane(radarPlane, slant, plot.azimuthDeg(), targetAltM)
                        : null;
        double horizontal = plane == null ? slant : plane[0];
        Instant t = AsterixTime.atDate(plot.timeOfDaySeconds(), utcDate);
        String id =
                new StringBuilder(64)
                        .append(sensor.id())
                        .append("/048/")
                        .append(plot.sac())
                        .append('-')
                        .append(plot.sic())
                        .append('/')
                        .append(epochNanos(t))
                        .append('/')
                        .append(Math.round(slant))
                        .append('/')
                        .append(Math.round(plot.azimuthDeg() * 1000))
                        .toString();
        double elevationDeg = 0, sigmaElevationDeg = 0; // 0, 0: no elevation measured
        if (plane != null
                && Double.isFinite(plot.heightM())
                && sensor.measuresHeight()
                && horizontal >= MIN_ELEVATION_RANGE_M) {
            // a 3-D radar's height as an elevation: h ≈ h_radar + r tan(el), so σ_el = σ_h cos²(el)
            // / r (TrackHeight's sigma of the plot's height then gives σ_h back, plus the range's
            // share)
            double el = Math.atan2(plane[1], horizontal);
            double cos = Math.cos(el);
            elevationDeg = Math.toDegrees(el);
            sigmaElevationDeg = Math.toDegrees(sensor.sigmaHeightM() * cos * cos / horizontal);
        }
        RadarPlot measurement =
                new RadarPlot(
                        sensor.position(),
                        horizontal,
                        plot.azimuthDeg(),
                        sensor.sigmaRangeM(),
                        sensor.sigmaAzimuthDeg(),
                        elevationDeg,
                        sigmaElevationDeg);
        return observation(
                id,
                t,
                measurement,
                null,
                identity(plot.icao24(), plot.callsign()),
                Classification.UNKNOWN);
    }

    /**
     * Horizontal range below which a 3-D radar's height is not turned into an elevation, m: nearly
     * overhead the elevation's sigma grows without bound.
     */
    static final double MIN_ELEVATION_RANGE_M = 100.0;

    /**
     * Slant range beyond which {@link #slantToPlane} corrects its sphere with exact steps, m: below
     * it the sphere's height is off by under 0.4 mm, at 90 km by 3 cm, at 366 km by up to 2 m
     * (measured over latitudes 0-70° and every azimuth).
     */
    static final double EXACT_STEP_BEYOND_M = 20_000;

    /**
     * The point of a radar's ENU frame ({@code radar}, at the antenna) at slant range {@code
     * slantM} and azimuth {@code azimuthDeg} whose geodetic height is {@code heightM}: {horizontal
     * range, up}, with horizontal² + up² = slant², the straight line from the antenna (refraction
     * bends the beam, but a radar's range is its path length and a 3-D radar's height already
     * allows for the bending); null when no such point (the height is further above or below the
     * antenna than the slant range reaches).
     *
     * <p>In closed form on the sphere that osculates the ellipsoid along the azimuth (Euler's
     * radius R, 1/R = cos² az / M + sin² az / N at the radar): a point up above the plane at
     * horizontal distance d is at height sqrt(d² + (R + h₀ + up)²) − R, so up = ((R + h)² − (R +
     * h₀)² − slant²) / (2 (R + h₀)). Beyond {@link #EXACT_STEP_BEYOND_M} Newton steps on up with
     * the ellipsoid's height of the point ({@link LocalTangentPlane#heightOf}; d height / d up is 1
     * to within range / Earth radius) take it to the millimetre: one or two there, none nearer.
     */
    static double[] slantToPlane(
            LocalTangentPlane radar, double slantM, double azimuthDeg, double heightM) {
        double az = Math.toRadians(azimuthDeg);
        double sin = Math.sin(az), cos = Math.cos(az);
        GeoPoint at = radar.origin();
        double sinLat = Math.sin(Math.toRadians(at.latDeg()));
        double e2 = LocalTangentPlane.ECCENTRICITY_SQUARED;
        double w = 1 - e2 * sinLat * sinLat;
        double n = LocalTangentPlane.SEMI_MAJOR_AXIS_M / Math.sqrt(w);
        double m = n * (1 - e2) / w;
        double r = 1 / (cos * cos / m + sin * sin / n);
        double center = r + at.altM();
        double up =
                ((r + heightM) * (r + heightM) - center * center - slantM * slantM) / (2 * center);
        if (!(Math.abs(up) < slantM)) {
            return null;
        }
        double horizontal = Math.sqrt(slantM * slantM - up * up);
        for (int k = 0; k < 3 && slantM > EXACT_STEP_BEYOND_M; k++) {
            double miss = heightM - radar.heightOf(horizontal * sin, horizontal * cos, up);
            if (Math.abs(miss) < 1e-3) {
                break;
            }
            up += miss;
            if (!(Math.abs(up) < slantM)) {
                return null;
            }
            horizontal = Math.sqrt(slantM * slantM - up * up);
        }
        return new double[] {horizontal, up};
    }

    public DecodeResult<Observation> map(Cat062Track track, LocalDate utcDate) {
        String what =
                "CAT062 track " + track.trackNumber() + " from " + track.sac() + "/" + track.sic();
        if (!AsterixTime.isTimeOfDay(track.timeOfTrackSeconds())) {
            return error(
                    what + ": no valid time of track (I070 = " + track.timeOfTrackSeconds() + ")");
        }
        if (track.trackNumber() < 0) {
            return error(what + ": no track number (I040)");
        }
        double altM =
                Double.isFinite(track.geometricAltitudeM())
                        ? track.geometricAltitudeM()
                        : Double.isFinite(track.barometricFlightLevel())
                                ? track.barometricFlightLevel() * 100 * M_PER_FT
                                : 0.0;
        String bad = checkPosition(track.latDeg(), track.lonDeg(), "I105");
        if (bad == null && Double.isFinite(track.geometricAltitudeM())) {
            bad = MeasuredHeights.problem("I130 geometric altitude", track.geometricAltitudeM());
        }
        if (bad != null) {
            return error(what + ": " + bad);
        }
        // the calculated geometric altitude (I130) is ellipsoidal: a measured height; a
        // barometric altitude (I135) alone is none
        double sigmaAltM =
                Double.isFinite(track.geometricAltitudeM()) ? GEOMETRIC_HEIGHT_SIGMA_M : 0.0;
        PositionFix fix;
        GeoPoint position = new GeoPoint(track.latDeg(), track.lonDeg(), altM);
        if (track.sigmaXM() > 0 && track.sigmaYM() > 0) {
            double ee = track.sigmaXM() * track.sigmaXM();
            double nn = track.sigmaYM() * track.sigmaYM();
            double limit = 0.99 * Math.sqrt(ee * nn);
            double en =
                    Double.isFinite(track.covarianceXYM2())
                            ? Math.max(-limit, Math.min(limit, track.covarianceXYM2()))
                            : 0.0;
            fix = new PositionFix(position, ee, en, nn, sigmaAltM);
        } else if (sensor.sigmaPositionM() > 0) {
            double sp = sensor.sigmaPositionM();
            fix = new PositionFix(position, sp * sp, 0.0, sp * sp, sigmaAltM);
        } else {
            return error(
                    what
                            + ": no estimated accuracy (I500) and sensor "
                            + sensor.id()
                            + " has no sigmaPositionM");
        }
        Instant t = AsterixTime.atDate(track.timeOfTrackSeconds(), utcDate);
        String localId = "062/" + track.sac() + "-" + track.sic() + "/" + track.trackNumber();
        Velocity v =
                Double.isFinite(track.vxMps()) && Double.isFinite(track.vyMps())
                        ? new Velocity(
                                track.vxMps(), track.vyMps(), finiteOr(track.rateOfClimbMps(), 0))
                        : null;
        return observation(
                sensor.id() + "/" + localId + "/" + epochNanos(t),
                t,
                new SensorTrackUpdate(localId, fix),
                v,
                identity(track.icao24(), track.callsign()),
                Classification.UNKNOWN);
    }

    public DecodeResult<Observation> map(Cat021Report report, LocalDate utcDate) {
        String what =
                "CAT021 report "
                        + (report.icao24().isEmpty() ? "" : report.icao24() + " ")
                        + "from "
                        + report.sac()
                        + "/"
                        + report.sic();
        double tod =
                firstTimeOfDay(
                        report.timeOfApplicabilityPositionSeconds(),
                        report.timeOfReceptionPositionSeconds(),
                        report.timeOfReportTransmissionSeconds());
        if (Double.isNaN(tod)) {
            return error(what + ": no valid time (I071, I073, I077)");
        }
        String bad =
                report.hasPosition()
                        ? checkPosition(report.latDeg(), report.lonDeg(), "I130/I131")
                        : "no position (I130/I131)";
        if (bad == null && Double.isFinite(report.geometricHeightM())) {
            bad = MeasuredHeights.problem("I140 geometric height", report.geometricHeightM());
        }
        if (bad != null) {
            return error(what + ": " + bad);
        }
        double altM =
                Double.isFinite(report.geometricHeightM())
                        ? report.geometricHeightM()
                        : Double.isFinite(report.flightLevel())
                                ? report.flightLevel() * 100 * M_PER_FT
                                : 0.0;
        double sigmaM = sigmaFromNacp(report.nacp());
        if (Double.isNaN(sigmaM)) {
            if (!(sensor.sigmaPositionM() > 0)) {
                return error(
                        what
                                + ": no NACp (I090) and sensor "
                                + sensor.id()
                                + " has no sigmaPositionM");
            }
            sigmaM = sensor.sigmaPositionM();
        }
        // the geometric height (I140) is ellipsoidal: a measured height; a flight level alone is
        // barometric and is no ellipsoidal height (PositionFix.sigmaAltM 0)
        double sigmaAltM =
                Double.isFinite(report.geometricHeightM()) ? GEOMETRIC_HEIGHT_SIGMA_M : 0.0;
        PositionFix fix =
                new PositionFix(
                        new GeoPoint(report.latDeg(), report.lonDeg(), altM),
                        sigmaM * sigmaM,
                        0.0,
                        sigmaM * sigmaM,
                        sigmaAltM);
        Velocity v = null;
        if (Double.isFinite(report.groundSpeedMps())) {
            double rad = Math.toRadians(report.trackAngleDeg());
            double up =
                    finiteOr(
                            report.geometricVerticalRateMps(),
                            finiteOr(report.barometricVerticalRateMps(), 0));
            v =
                    new Velocity(
                            report.groundSpeedMps() * Math.sin(rad),
                            report.groundSpeedMps() * Math.cos(rad),
                            up);
        }
        Instant t = AsterixTime.atDate(tod, utcDate);
        String key = report.icao24().isEmpty() ? "track-" + report.trackNumber() : report.icao24();
        return observation(
                sensor.id()
                        + "/021/"
                        + report.sac()
                        + "-"
                        + report.sic()
                        + "/"
                        + key
                        + "/"
                        + epochNanos(t),
                t,
                fix,
                v,
                identity(report.icao24(), report.callsign()),
                EmitterCategories.classify(report.emitterCategory()));
    }

    /** One-sigma per axis from NACp, metres; NaN when NACp is absent, 0 or out of range. */
    static double sigmaFromNacp(int nacp) {
        return nacp >= 1 && nacp < EPU_BY_NACP.length
                ? EPU_BY_NACP[nacp] / RADIUS95_PER_SIGMA
                : Double.NaN;
    }

    private DecodeResult<Observation> observation(
            String id,
            Instant t,
            Measurement m,
            Velocity v,
            CooperativeIdentity identity,
            Classification c) {
        return DecodeResult.of(
                new Observation(
                        id,
                        sensor.partnerId(),
                        sensor.id(),
                        sensor.kind(),
                        t,
                        m,
                        v,
                        identity,
                        c,
                        sensor.releasability()));
    }

    /** Nanoseconds since the epoch: a compact, exact key for observation ids. */
    private static long epochNanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    private static CooperativeIdentity identity(String icao24, String callsign) {
        return icao24.isEmpty() && callsign.isEmpty()
                ? CooperativeIdentity.NONE
                : new CooperativeIdentity("", icao24, callsign, "");
    }

    private static String checkPosition(double latDeg, double lonDeg, String item) {
        if (!(latDeg >= -90 && latDeg <= 90) || !(lonDeg >= -180 && lonDeg <= 180)) {
            return "position " + latDeg + ", " + lonDeg + " (" + item + ") outside WGS-84 ranges";
        }
        return null;
    }

    private static double firstTimeOfDay(double... candidates) {
        for (double c : candidates) {
            if (AsterixTime.isTimeOfDay(c)) {
                return c;
            }
        }
        return Double.NaN;
    }

    private static double finiteOr(double value, double fallback) {
        return Double.isFinite(value) ? value : fallback;
    }

    private static DecodeResult<Observation> error(String reason) {
        return DecodeResult.error(reason, 0, new byte[0]);
    }
}
