package io.cordon.connectors.misb;

import java.time.Instant;
import java.util.Collections;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * An ST 0601 UAS Datalink Local Set whose checksum validated. Each value is absent when its tag is
 * absent or holds the standard's "out of range" value (0x8000, 0x80000000). Angles in degrees,
 * distances in metres; altitudes are above mean sea level unless named HAE (height above the WGS84
 * ellipsoid).
 *
 * @param precisionTimeStamp tag 2: the time of the metadata (ST 0603, microseconds since 1970)
 * @param missionId tag 3, empty when absent
 * @param platformHeadingDeg tag 5: [0, 360], from true north
 * @param platformPitchDeg tag 6: [-20, 20]
 * @param platformRollDeg tag 7: [-50, 50]
 * @param platformDesignation tag 10, empty when absent
 * @param imageSourceSensor tag 11, empty when absent
 * @param imageCoordinateSystem tag 12, empty when absent
 * @param sensorLatitudeDeg tag 13: WGS84 latitude of the sensor
 * @param sensorLongitudeDeg tag 14: WGS84 longitude of the sensor
 * @param sensorTrueAltitudeM tag 15: [-900, 19000] m above MSL
 * @param sensorHorizontalFovDeg tag 16: [0, 180]
 * @param sensorVerticalFovDeg tag 17: [0, 180]
 * @param sensorRelativeAzimuthDeg tag 18: [0, 360] from the platform's nose
 * @param sensorRelativeElevationDeg tag 19: [-180, 180]
 * @param sensorRelativeRollDeg tag 20: [0, 360]
 * @param slantRangeM tag 21: [0, 5 000 000] from sensor to frame centre
 * @param targetWidthM tag 22: [0, 10 000]
 * @param frameCenterLatitudeDeg tag 23
 * @param frameCenterLongitudeDeg tag 24
 * @param frameCenterElevationM tag 25: [-900, 19000] m above MSL
 * @param uasLsVersion tag 65: the ST 0601 version the packet follows
 * @param vmti tag 74: the nested ST 0903 VMTI set
 * @param sensorEllipsoidHeightM tag 75: [-900, 19000] m HAE
 * @param frameCenterHaeM tag 78: [-900, 19000] m HAE
 * @param tags every tag the packet carried, including those not decoded here
 */
public record UasDatalinkPacket(
        Optional<Instant> precisionTimeStamp,
        String missionId,
        OptionalDouble platformHeadingDeg,
        OptionalDouble platformPitchDeg,
        OptionalDouble platformRollDeg,
        String platformDesignation,
        String imageSourceSensor,
        String imageCoordinateSystem,
        OptionalDouble sensorLatitudeDeg,
        OptionalDouble sensorLongitudeDeg,
        OptionalDouble sensorTrueAltitudeM,
        OptionalDouble sensorHorizontalFovDeg,
        OptionalDouble sensorVerticalFovDeg,
        OptionalDouble sensorRelativeAzimuthDeg,
        OptionalDouble sensorRelativeElevationDeg,
        OptionalDouble sensorRelativeRollDeg,
        OptionalDouble slantRangeM,
        OptionalDouble targetWidthM,
        OptionalDouble frameCenterLatitudeDeg,
        OptionalDouble frameCenterLongitudeDeg,
        OptionalDouble frameCenterElevationM,
        OptionalInt uasLsVersion,
        Optional<VmtiLocalSet> vmti,
        OptionalDouble sensorEllipsoidHeightM,
        OptionalDouble frameCenterHaeM,
        SortedSet<Integer> tags)
        implements MisbPacket {
    public UasDatalinkPacket {
        tags = Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }
}
