package io.cordon.connectors.runtime;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sapient.SapientClassification;
import io.cordon.connectors.sapient.SapientDetection;
import io.cordon.connectors.sapient.SapientLocation;
import io.cordon.connectors.sapient.SapientRangeBearing;
import io.cordon.connectors.sapient.SapientReport;
import io.cordon.connectors.sensor.MeasuredHeights;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Measurement;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import java.util.List;
import java.util.Locale;

/**
 * Maps SAPIENT detection reports to observations of a registered sensor (the node).
 *
 * <ul>
 *   <li>A {@code Location} becomes a position fix; its stated latitude/longitude errors (taken as
 *       one sigma) become the covariance, else the sensor's default sigma.
 *   <li>A {@code RangeBearing} becomes a polar plot around the sensor's registered position; its
 *       stated errors are the sigmas, else the sensor's (radar sigmas, or for other kinds the
 *       position sigma as range error and the angle it subtends at the detection's range). Bearings
 *       from magnetic, grid or platform north are refused (the declination is not known here). With
 *       an elevation the range is the slant range from the node: the plot gets the horizontal range
 *       {@code R cos(el)} (its sigma with the elevation error's share, {@code R sin(el) σ_el}) and
 *       the elevation, which measures the track's height; the elevation error, when not stated, is
 *       taken as the azimuth's. An elevation outside (-90, 90) degrees is refused.
 *   <li>Velocity when all of east and north are given; the most likely class mapped by name;
 *       reports whose state says the object is lost or deleted, registrations and other content
 *       yield no observation.
 * </ul>
 */
public final class SapientObservationMapper {
    private static final double M_PER_DEG_LAT = 111_320.0;

    private final SensorConfig sensor;
    private final io.cordon.connectors.sensor.SensorDefaults defaults;

    public SapientObservationMapper(SensorConfig sensor) {
        this.sensor = sensor;
        this.defaults = io.cordon.connectors.sensor.SensorDefaults.of(sensor);
    }

    public DecodeResult<Observation> map(SapientReport report) {
        if (!(report instanceof SapientDetection d)) {
            return new DecodeResult<>(List.of(), List.of());
        }
        String state = d.state().toLowerCase(Locale.ROOT);
        if (state.contains("lost") || state.contains("delete")) {
            return new DecodeResult<>(List.of(), List.of());
        }
        Measurement measurement;
        if (d.location() != null) {
            if (measuredHeight(d.location())) {
                String problem = MeasuredHeights.problem("SAPIENT location z", d.location().altM());
                if (problem != null) {
                    return DecodeResult.error(problem, 0, null);
                }
            }
            measurement = fix(d.location());
        } else {
            SapientRangeBearing rb = d.rangeBearing();
            if (rb.north() != SapientRangeBearing.North.TRUE
                    && rb.north() != SapientRangeBearing.North.UNSPECIFIED) {
                return DecodeResult.error(
                        "SAPIENT range/bearing from " + rb.north() + " north is not converted",
                        0,
                        null);
            }
            if (!Double.isFinite(rb.rangeM()) || !Double.isFinite(rb.azimuthDeg())) {
                return DecodeResult.error(
                        "SAPIENT range/bearing without range or azimuth", 0, null);
            }
            if (!Double.isNaN(rb.elevationDeg())
                    && !(rb.elevationDeg() > -90 && rb.elevationDeg() < 90)) {
                return DecodeResult.error(
                        "SAPIENT range/bearing elevation must be in (-90, 90) degrees, was "
                                + rb.elevationDeg(),
                        0,
                        null);
            }
            measurement = plot(rb);
        }
        String id = !d.reportId().isEmpty() ? d.reportId() : d.objectId() + "/" + d.sentTime();
        Velocity velocity =
                Double.isFinite(d.eastMps()) && Double.isFinite(d.northMps())
                        ? new Velocity(
                                d.eastMps(),
                                d.northMps(),
                                Double.isFinite(d.upMps()) ? d.upMps() : 0)
                        : null;
        return DecodeResult.of(
                new Observation(
                        "sapient/" + sensor.id() + "/" + id,
                        sensor.partnerId(),
                        sensor.id(),
                        sensor.kind(),
                        d.sentTime(),
                        measurement,
                        velocity,
                        CooperativeIdentity.NONE,
                        classification(d.mostLikelyClass()),
                        sensor.releasability()));
    }

    /**
     * z is a measured height when it is ellipsoidal (datum WGS84_E or unspecified: a WGS84_G height
     * above the geoid differs from the ellipsoidal one by up to about 100 m and no geoid model is
     * applied) and comes with a finite z_error above 0 (one sigma); otherwise no height.
     */
    private static boolean measuredHeight(SapientLocation l) {
        return Double.isFinite(l.altM())
                && !l.altitudeAboveGeoid()
                && l.altErrorM() > 0
                && Double.isFinite(l.altErrorM());
    }

    private PositionFix fix(SapientLocation l) {
        GeoPoint p = new GeoPoint(l.latDeg(), l.lonDeg(), Double.isFinite(l.altM()) ? l.altM() : 0);
        double sigmaAlt = measuredHeight(l) ? l.altErrorM() : 0.0;
        if (l.latErrorDeg() > 0 && l.lonErrorDeg() > 0) {
            double sn = l.latErrorDeg() * M_PER_DEG_LAT;
            double se = l.lonErrorDeg() * M_PER_DEG_LAT * Math.cos(Math.toRadians(l.latDeg()));
            if (se > 0 && Double.isFinite(sn) && Double.isFinite(se)) {
                return new PositionFix(p, se * se, 0, sn * sn, sigmaAlt);
            }
        }
        double s = defaults.horizontalSigmaM();
        return new PositionFix(p, s * s, 0, s * s, sigmaAlt);
    }

    private RadarPlot plot(SapientRangeBearing rb) {
        double azimuth = ((rb.azimuthDeg() % 360) + 360) % 360;
        double sigmaRange =
                rb.rangeErrorM() > 0
                        ? rb.rangeErrorM()
                        : sensor.sigmaRangeM() > 0
                                ? sensor.sigmaRangeM()
                                : defaults.horizontalSigmaM();
        double sigmaAzimuth =
                rb.azimuthErrorDeg() > 0
                        ? rb.azimuthErrorDeg()
                        : sensor.sigmaAzimuthDeg() > 0
                                ? sensor.sigmaAzimuthDeg()
                                : Math.toDegrees(
                                        Math.atan2(
                                                defaults.horizontalSigmaM(),
                                                Math.max(rb.rangeM(), 1.0)));
        double range = Math.max(0, rb.rangeM());
        if (Double.isNaN(rb.elevationDeg())) {
            return new RadarPlot(sensor.position(), range, azimuth, sigmaRange, sigmaAzimuth);
        }
        double el = Math.toRadians(rb.elevationDeg());
        double sigmaElevation = rb.elevationErrorDeg() > 0 ? rb.elevationErrorDeg() : sigmaAzimuth;
        double byRange = Math.cos(el) * sigmaRange;
        double byElevation = range * Math.sin(el) * Math.toRadians(sigmaElevation);
        return new RadarPlot(
                sensor.position(),
                range * Math.cos(el),
                azimuth,
                Math.sqrt(byRange * byRange + byElevation * byElevation),
                sigmaAzimuth,
                rb.elevationDeg(),
                sigmaElevation);
    }

    /** The core class for a SAPIENT class name (the standard leaves the taxonomy to the ICD). */
    static Classification classification(SapientClassification c) {
        if (c == null) {
            return Classification.UNKNOWN;
        }
        String t = c.type().toLowerCase(Locale.ROOT);
        TargetClass target;
        if (t.contains("human") || t.contains("person") || t.contains("people")) {
            target = TargetClass.PERSON;
        } else if (t.contains("uav") || t.contains("drone") || t.contains("uas")) {
            target = TargetClass.DRONE;
        } else if (t.contains("aircraft") || t.contains("air vehicle")) {
            target = TargetClass.AIRCRAFT;
        } else if (t.contains("vessel") || t.contains("boat") || t.contains("ship")) {
            target = TargetClass.VESSEL;
        } else if (t.contains("vehicle") || t.contains("car") || t.contains("truck")) {
            target = TargetClass.LAND_VEHICLE;
        } else if (t.contains("animal")) {
            target = TargetClass.ANIMAL;
        } else {
            return Classification.UNKNOWN;
        }
        double confidence = c.confidence() >= 0 && c.confidence() <= 1 ? c.confidence() : 0.5;
        return new Classification(target, confidence);
    }
}
