package io.cordon.connectors.sapient;

import com.google.protobuf.Timestamp;
import com.google.protobuf.UnknownFieldSet;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.proto.sapient.v2.DetectionReport;
import io.cordon.proto.sapient.v2.ENUVelocity;
import io.cordon.proto.sapient.v2.Location;
import io.cordon.proto.sapient.v2.RangeBearing;
import io.cordon.proto.sapient.v2.Registration;
import io.cordon.proto.sapient.v2.SapientMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a parsed {@code SapientMessage} against the standard's mandatory fields and turns it into
 * a {@link SapientReport} with units converted to degrees and metres.
 *
 * <p>Unit rules: a Location in LAT_LNG_DEG_M or LAT_LNG_RAD_M gives latitude = y, longitude = x,
 * altitude = z (m); UNSPECIFIED is read as LAT_LNG_DEG_M, the only geodetic SI system left; UTM is
 * not converted (an error). A RangeBearing in DEGREES_M, RADIANS_M, DEGREES_KM or RADIANS_KM is
 * converted to degrees and metres; UNSPECIFIED is read as DEGREES_M.
 */
final class SapientReports {
    /** google.protobuf.Timestamp's valid range: 0001-01-01 to 9999-12-31. */
    private static final long MIN_SECONDS = -62_135_596_800L;

    private static final long MAX_SECONDS = 253_402_300_799L;

    /** Content field numbers of the standard's SapientMessage that Cordon does not define. */
    private static final String[] OTHER_CONTENT = {
        null,
        null,
        null,
        null,
        null,
        "registration_ack",
        "status_report",
        null,
        "task",
        "task_ack",
        "alert",
        "alert_ack",
        "error"
    };

    private SapientReports() {}

    /** Adds the report {@code m} stands for to {@code out}, or returns why it cannot. */
    static String convert(SapientMessage m, DecodeResult.Builder<SapientReport> out) {
        if (!m.hasTimestamp()) {
            return "mandatory timestamp missing";
        }
        Timestamp ts = m.getTimestamp();
        if (ts.getSeconds() < MIN_SECONDS
                || ts.getSeconds() > MAX_SECONDS
                || ts.getNanos() < 0
                || ts.getNanos() > 999_999_999) {
            return "timestamp out of range: " + ts.getSeconds() + " s, " + ts.getNanos() + " ns";
        }
        Instant sent = Instant.ofEpochSecond(ts.getSeconds(), ts.getNanos());
        if (m.getNodeId().isBlank()) {
            return "mandatory node_id missing";
        }
        switch (m.getContentCase()) {
            case DETECTION_REPORT:
                return detection(sent, m.getNodeId(), m.getDetectionReport(), out);
            case REGISTRATION:
                out.value(registration(sent, m.getNodeId(), m.getRegistration()));
                return null;
            default:
                String other = otherContent(m.getUnknownFields());
                if (other == null) {
                    return "no content (registration, detection_report, status_report, ...)";
                }
                out.value(new SapientOtherContent(sent, m.getNodeId(), other));
                return null;
        }
    }

    private static String otherContent(UnknownFieldSet unknown) {
        for (int number = 0; number < OTHER_CONTENT.length; number++) {
            if (OTHER_CONTENT[number] != null && unknown.hasField(number)) {
                return OTHER_CONTENT[number];
            }
        }
        return null;
    }

    private static String detection(
            Instant sent,
            String nodeId,
            DetectionReport d,
            DecodeResult.Builder<SapientReport> out) {
        if (d.getReportId().isBlank() || d.getObjectId().isBlank()) {
            return "detection_report lacks mandatory report_id or object_id";
        }
        SapientLocation location = null;
        SapientRangeBearing rangeBearing = null;
        switch (d.getLocationOneofCase()) {
            case LOCATION -> {
                Location l = d.getLocation();
                String problem = checkLocation(l);
                if (problem != null) {
                    return problem;
                }
                location = location(l);
            }
            case RANGE_BEARING -> {
                RangeBearing rb = d.getRangeBearing();
                if (!rb.hasRange() && !rb.hasAzimuth()) {
                    return "detection_report range_bearing has neither range nor azimuth";
                }
                rangeBearing = rangeBearing(rb);
            }
            default -> {
                return "detection_report lacks its mandatory location or range_bearing";
            }
        }
        List<SapientClassification> classes = new ArrayList<>();
        for (DetectionReport.DetectionReportClassification c : d.getClassificationList()) {
            classes.add(
                    new SapientClassification(
                            c.getType(), c.hasConfidence() ? c.getConfidence() : Double.NaN));
        }
        ENUVelocity v = d.hasEnuVelocity() ? d.getEnuVelocity() : null;
        out.value(
                new SapientDetection(
                        sent,
                        nodeId,
                        d.getReportId(),
                        d.getObjectId(),
                        d.getTaskId(),
                        d.getState(),
                        location,
                        rangeBearing,
                        d.hasDetectionConfidence() ? d.getDetectionConfidence() : Double.NaN,
                        classes,
                        v != null && v.hasEastRate() ? v.getEastRate() : Double.NaN,
                        v != null && v.hasNorthRate() ? v.getNorthRate() : Double.NaN,
                        v != null && v.hasUpRate() ? v.getUpRate() : Double.NaN,
                        d.getColour(),
                        d.getId()));
        return null;
    }

    private static String checkLocation(Location l) {
        switch (l.getCoordinateSystem()) {
            case LOCATION_COORDINATE_SYSTEM_UNSPECIFIED,
                    LOCATION_COORDINATE_SYSTEM_LAT_LNG_DEG_M,
                    LOCATION_COORDINATE_SYSTEM_LAT_LNG_RAD_M -> {
                if (!l.hasX() || !l.hasY()) {
                    return "location lacks mandatory x (longitude) or y (latitude)";
                }
                SapientLocation s = location(l);
                if (!(s.latDeg() >= -90
                        && s.latDeg() <= 90
                        && s.lonDeg() >= -180
                        && s.lonDeg() <= 180)) {
                    return "location "
                            + l.getY()
                            + ", "
                            + l.getX()
                            + " ("
                            + l.getCoordinateSystem()
                            + ") outside latitude/longitude ranges";
                }
                return null;
            }
            default -> {
                return "location coordinate system "
                        + l.getCoordinateSystem()
                        + " is not converted (only latitude/longitude)";
            }
        }
    }

    private static SapientLocation location(Location l) {
        boolean radians =
                l.getCoordinateSystem()
                        == io.cordon.proto.sapient.v2.LocationCoordinateSystem
                                .LOCATION_COORDINATE_SYSTEM_LAT_LNG_RAD_M;
        double k = radians ? 180.0 / Math.PI : 1.0;
        return new SapientLocation(
                l.getY() * k,
                l.getX() * k,
                l.hasZ() ? l.getZ() : Double.NaN,
                l.hasYError() ? l.getYError() * k : Double.NaN,
                l.hasXError() ? l.getXError() * k : Double.NaN,
                l.hasZError() ? l.getZError() : Double.NaN,
                l.getDatum() == io.cordon.proto.sapient.v2.LocationDatum.LOCATION_DATUM_WGS84_G);
    }

    private static SapientRangeBearing rangeBearing(RangeBearing rb) {
        double angle;
        double length;
        switch (rb.getCoordinateSystem()) {
            case RANGE_BEARING_COORDINATE_SYSTEM_RADIANS_M -> {
                angle = 180.0 / Math.PI;
                length = 1.0;
            }
            case RANGE_BEARING_COORDINATE_SYSTEM_DEGREES_KM -> {
                angle = 1.0;
                length = 1000.0;
            }
            case RANGE_BEARING_COORDINATE_SYSTEM_RADIANS_KM -> {
                angle = 180.0 / Math.PI;
                length = 1000.0;
            }
            default -> {
                angle = 1.0;
                length = 1.0;
            }
        }
        SapientRangeBearing.North north =
                switch (rb.getDatum()) {
                    case RANGE_BEARING_DATUM_TRUE -> SapientRangeBearing.North.TRUE;
                    case RANGE_BEARING_DATUM_MAGNETIC -> SapientRangeBearing.North.MAGNETIC;
                    case RANGE_BEARING_DATUM_GRID -> SapientRangeBearing.North.GRID;
                    case RANGE_BEARING_DATUM_PLATFORM -> SapientRangeBearing.North.PLATFORM;
                    default -> SapientRangeBearing.North.UNSPECIFIED;
                };
        return new SapientRangeBearing(
                rb.hasRange() ? rb.getRange() * length : Double.NaN,
                rb.hasAzimuth() ? rb.getAzimuth() * angle : Double.NaN,
                rb.hasElevation() ? rb.getElevation() * angle : Double.NaN,
                rb.hasRangeError() ? rb.getRangeError() * length : Double.NaN,
                rb.hasAzimuthError() ? rb.getAzimuthError() * angle : Double.NaN,
                rb.hasElevationError() ? rb.getElevationError() * angle : Double.NaN,
                north);
    }

    private static SapientRegistration registration(Instant sent, String nodeId, Registration r) {
        List<String> types = new ArrayList<>();
        for (Registration.NodeDefinition d : r.getNodeDefinitionList()) {
            Registration.NodeType t = d.getNodeType();
            types.add(
                    t == Registration.NodeType.UNRECOGNIZED
                            ? "NODE_TYPE_" + d.getNodeTypeValue()
                            : t.name());
        }
        List<String> modes = new ArrayList<>();
        for (Registration.ModeDefinition m : r.getModeDefinitionList()) {
            modes.add(m.getModeName());
        }
        double intervalS =
                r.getStatusDefinition().hasStatusInterval()
                        ? seconds(r.getStatusDefinition().getStatusInterval())
                        : Double.NaN;
        Registration.ConfigurationData config =
                r.getConfigDataCount() > 0
                        ? r.getConfigData(0)
                        : Registration.ConfigurationData.getDefaultInstance();
        return new SapientRegistration(
                sent,
                nodeId,
                r.getIcdVersion(),
                r.getName(),
                r.getShortName(),
                types,
                intervalS,
                modes,
                config.getManufacturer(),
                config.getModel());
    }

    /** A registration Duration in seconds; NaN for unspecified or unknown units. */
    static double seconds(Registration.Duration d) {
        double unit =
                switch (d.getUnits()) {
                    case TIME_UNITS_NANOSECONDS -> 1e-9;
                    case TIME_UNITS_MICROSECONDS -> 1e-6;
                    case TIME_UNITS_MILLISECONDS -> 1e-3;
                    case TIME_UNITS_SECONDS -> 1;
                    case TIME_UNITS_MINUTES -> 60;
                    case TIME_UNITS_HOURS -> 3600;
                    case TIME_UNITS_DAYS -> 86_400;
                    default -> Double.NaN;
                };
        return d.getValue() * unit;
    }
}
