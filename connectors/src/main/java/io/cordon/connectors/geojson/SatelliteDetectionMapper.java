package io.cordon.connectors.geojson;

import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;

/**
 * Maps a satellite detection to an {@link Observation} of kind {@link SensorKind#SATELLITE}: a
 * {@link PositionFix} with the detection's covariance (else the sensor default), classified as a
 * vessel with the detection's confidence (0.5 when it gives none: a scene detection is as likely an
 * unregistered vessel as clutter until association says more). No velocity, no identity.
 */
public final class SatelliteDetectionMapper {
    private static final double UNSTATED_CONFIDENCE = 0.5;

    private final SensorDefaults defaults;

    public SatelliteDetectionMapper(SensorDefaults defaults) {
        if (defaults == null) {
            throw new IllegalArgumentException("defaults are required");
        }
        this.defaults = defaults;
    }

    public Observation map(SatelliteDetection d) {
        GeoPoint position = new GeoPoint(d.latDeg(), d.lonDeg(), d.heightM().orElse(0.0));
        PositionFix fix =
                d.covariance()
                        .map(
                                c ->
                                        new PositionFix(
                                                position,
                                                c.eastEastM2(),
                                                c.eastNorthM2(),
                                                c.northNorthM2()))
                        .orElseGet(
                                () -> PositionFix.isotropic(position, defaults.horizontalSigmaM()));
        String id =
                d.detectionId().isEmpty()
                        ? d.time().toEpochMilli() + "/" + d.latDeg() + "/" + d.lonDeg()
                        : d.detectionId();
        return new Observation(
                "sat/" + defaults.sensorId() + "/" + id,
                defaults.partnerId(),
                defaults.sensorId(),
                SensorKind.SATELLITE,
                d.time(),
                fix,
                null,
                CooperativeIdentity.NONE,
                new Classification(TargetClass.VESSEL, d.confidence().orElse(UNSTATED_CONFIDENCE)),
                defaults.marking());
    }
}
