package io.cordon.pipeline.observation;

import java.time.Instant;

/**
 * One report from one sensor, with its provenance and its own measurement model.
 *
 * @param observationId unique id of this report (source-assigned or derived from its content)
 * @param partnerId the partner that owns the sensor
 * @param sensorId the sensor, unique across partners
 * @param sensorKind what kind of sensor it is
 * @param eventTime when the sensor measured it (event time)
 * @param measurement the measurement and its model
 * @param velocity measured velocity in ENU at the position, or null when not measured
 * @param identity cooperative identities reported with it ({@link CooperativeIdentity#NONE} when
 *     none)
 * @param classification the sensor's classification ({@link Classification#UNKNOWN} when none)
 * @param marking the originator's releasability marking
 */
public record Observation(
        String observationId,
        String partnerId,
        String sensorId,
        SensorKind sensorKind,
        Instant eventTime,
        Measurement measurement,
        Velocity velocity,
        CooperativeIdentity identity,
        Classification classification,
        Marking marking) {
    public Observation {
        require(observationId, "observationId");
        require(partnerId, "partnerId");
        require(sensorId, "sensorId");
        if (sensorKind == null) {
            throw new IllegalArgumentException("sensorKind is required");
        }
        if (eventTime == null) {
            throw new IllegalArgumentException("eventTime is required");
        }
        if (measurement == null) {
            throw new IllegalArgumentException("measurement is required");
        }
        identity = identity == null ? CooperativeIdentity.NONE : identity;
        classification = classification == null ? Classification.UNKNOWN : classification;
        marking = marking == null ? Marking.UNRESTRICTED : marking;
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
    }
}
