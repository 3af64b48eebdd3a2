package io.cordon.jobs.connect;

import com.google.protobuf.Timestamp;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.proto.v1.GeoPosition;
import io.cordon.proto.v1.Marking;
import io.cordon.proto.v1.SensorAccuracy;
import io.cordon.proto.v1.SensorInfo;
import io.cordon.proto.v1.SensorKind;
import java.time.Instant;
import java.util.TreeSet;

/**
 * A registry entry of {@code cordon.yaml} as {@code cordon.v1.SensorInfo} (topic {@code
 * cordon.sensors.v1}). Accuracies that are 0 in the entry (not measured by the kind) are absent;
 * the expected update period is the entry's {@code periodS}.
 */
public final class SensorInfoCodec {
    private SensorInfoCodec() {}

    public static SensorInfo toProto(SensorConfig s, Instant updatedAt) {
        SensorAccuracy.Builder accuracy = SensorAccuracy.newBuilder();
        if (s.sigmaRangeM() > 0) {
            accuracy.setSigmaRangeM(s.sigmaRangeM());
        }
        if (s.sigmaAzimuthDeg() > 0) {
            accuracy.setSigmaAzimuthDeg(s.sigmaAzimuthDeg());
        }
        if (s.sigmaPositionM() > 0) {
            accuracy.setSigmaHorizontalM(s.sigmaPositionM());
        }
        if (s.measuresHeight()) {
            accuracy.setSigmaAltM(s.sigmaHeightM());
        }
        long periodNanos = Math.round(s.periodS() * 1e9);
        return SensorInfo.newBuilder()
                .setSensorId(s.id())
                .setPartnerId(s.partnerId())
                .setKind(SensorKind.valueOf("SENSOR_KIND_" + s.kind().name()))
                .setPosition(
                        GeoPosition.newBuilder()
                                .setLatDeg(s.position().latDeg())
                                .setLonDeg(s.position().lonDeg())
                                .setAltM(s.position().altM()))
                .setCoverageRangeM(s.rangeM())
                .setExpectedUpdatePeriod(
                        com.google.protobuf.Duration.newBuilder()
                                .setSeconds(periodNanos / 1_000_000_000L)
                                .setNanos((int) (periodNanos % 1_000_000_000L)))
                .setDefaultAccuracy(accuracy)
                .setDefaultMarking(
                        Marking.newBuilder()
                                .setReleasableToAll(s.releasability().releasableToAll())
                                .addAllPartners(new TreeSet<>(s.releasability().partners())))
                .setUpdatedAt(
                        Timestamp.newBuilder()
                                .setSeconds(updatedAt.getEpochSecond())
                                .setNanos(updatedAt.getNano()))
                .build();
    }
}
