package io.cordon.connectors.sapient.encode;

import com.google.protobuf.Timestamp;
import io.cordon.connectors.sapient.SapientFraming;
import io.cordon.proto.sapient.v2.DetectionReport;
import io.cordon.proto.sapient.v2.Location;
import io.cordon.proto.sapient.v2.LocationCoordinateSystem;
import io.cordon.proto.sapient.v2.LocationDatum;
import io.cordon.proto.sapient.v2.SapientMessage;
import java.time.Instant;

/**
 * Writes one detection as a BSI Flex 335 v2.0 {@code SapientMessage} carrying a {@code
 * DetectionReport}, framed for TCP ({@link SapientFraming}: 4-octet little-endian length, then the
 * protobuf), the way an unattended ground sensor node reports: the message {@code timestamp} is the
 * detection time, {@code node_id} the node, the report's location in WGS84 latitude/longitude
 * degrees ({@code LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M}, datum {@code WGS84_G}) with {@code
 * x_error}/{@code y_error} the one-sigma east/north errors as degrees of longitude/latitude (metres
 * converted with 111 320 m per degree, longitude scaled by the cosine of the latitude, the
 * conversion {@code io.cordon.connectors.runtime.SapientObservationMapper} inverts). Optional class
 * and confidence.
 */
public final class SapientDetectionEncoder {
    /** Metres per degree of latitude (and of longitude at the equator) used for the errors. */
    public static final double M_PER_DEG = 111_320.0;

    private SapientDetectionEncoder() {}

    /**
     * One detection.
     *
     * @param nodeId the reporting node (mandatory)
     * @param reportId unique per report (mandatory)
     * @param objectId the node's id of the detected object (mandatory)
     * @param time when it was detected
     * @param latDeg latitude, degrees
     * @param lonDeg longitude, degrees
     * @param altM altitude, metres (NaN: not sent)
     * @param sigmaEastM one-sigma east error, metres (<= 0 or NaN: not sent)
     * @param sigmaNorthM one-sigma north error, metres (<= 0 or NaN: not sent)
     * @param classType the most likely class, e.g. {@code Human} (null or blank: none)
     * @param classConfidence its confidence in [0, 1] (NaN: not sent)
     */
    public record Detection(
            String nodeId,
            String reportId,
            String objectId,
            Instant time,
            double latDeg,
            double lonDeg,
            double altM,
            double sigmaEastM,
            double sigmaNorthM,
            String classType,
            double classConfidence) {
        public Detection {
            if (nodeId == null
                    || nodeId.isBlank()
                    || reportId == null
                    || reportId.isBlank()
                    || objectId == null
                    || objectId.isBlank()) {
                throw new IllegalArgumentException("nodeId, reportId and objectId are required");
            }
            if (time == null) {
                throw new IllegalArgumentException("time is required");
            }
            if (!(latDeg >= -90 && latDeg <= 90 && lonDeg >= -180 && lonDeg <= 180)) {
                throw new IllegalArgumentException(
                        "position out of range: " + latDeg + ", " + lonDeg);
            }
        }
    }

    /** The message, unframed. */
    public static SapientMessage message(Detection d) {
        Location.Builder location =
                Location.newBuilder()
                        .setX(d.lonDeg())
                        .setY(d.latDeg())
                        .setCoordinateSystem(
                                LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M)
                        .setDatum(LocationDatum.LOCATION_DATUM_WGS84_G);
        if (Double.isFinite(d.altM())) {
            location.setZ(d.altM());
        }
        double cosLat = Math.cos(Math.toRadians(d.latDeg()));
        if (d.sigmaEastM() > 0 && d.sigmaNorthM() > 0 && cosLat > 1e-9) {
            location.setXError(d.sigmaEastM() / (M_PER_DEG * cosLat));
            location.setYError(d.sigmaNorthM() / M_PER_DEG);
        }
        DetectionReport.Builder report =
                DetectionReport.newBuilder()
                        .setReportId(d.reportId())
                        .setObjectId(d.objectId())
                        .setLocation(location);
        if (d.classType() != null && !d.classType().isBlank()) {
            DetectionReport.DetectionReportClassification.Builder c =
                    DetectionReport.DetectionReportClassification.newBuilder()
                            .setType(d.classType());
            if (Double.isFinite(d.classConfidence())) {
                c.setConfidence((float) d.classConfidence());
            }
            report.addClassification(c);
        }
        Instant t = d.time();
        return SapientMessage.newBuilder()
                .setTimestamp(
                        Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()))
                .setNodeId(d.nodeId())
                .setDetectionReport(report)
                .build();
    }

    /** The message with its length prefix, as sent on the node's TCP stream. */
    public static byte[] encode(Detection d) {
        return SapientFraming.frame(message(d).toByteArray());
    }
}
