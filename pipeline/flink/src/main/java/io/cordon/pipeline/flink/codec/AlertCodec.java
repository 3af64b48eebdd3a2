package io.cordon.pipeline.flink.codec;

import static io.cordon.pipeline.flink.codec.CommonCodec.coreEnum;
import static io.cordon.pipeline.flink.codec.CommonCodec.geoPoint;
import static io.cordon.pipeline.flink.codec.CommonCodec.geoPosition;
import static io.cordon.pipeline.flink.codec.CommonCodec.instant;
import static io.cordon.pipeline.flink.codec.CommonCodec.invalid;
import static io.cordon.pipeline.flink.codec.CommonCodec.marking;
import static io.cordon.pipeline.flink.codec.CommonCodec.markingProto;
import static io.cordon.pipeline.flink.codec.CommonCodec.nonBlankElements;
import static io.cordon.pipeline.flink.codec.CommonCodec.requireText;
import static io.cordon.pipeline.flink.codec.CommonCodec.timestamp;

import com.google.protobuf.InvalidProtocolBufferException;
import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.geo.GeoPoint;
import java.time.Instant;
import java.util.TreeMap;

/**
 * Maps {@code cordon.v1.Alert} (topics {@code cordon.alerts.v1} and the per-partner alert outputs)
 * to and from the core {@link Alert}.
 */
public final class AlertCodec {
    private AlertCodec() {}

    /** Parses and validates one record value; never throws. */
    public static DecodeResult<Alert> parse(byte[] bytes) {
        if (bytes == null) {
            return DecodeResult.failed("no bytes (null record value)");
        }
        try {
            return fromProto(io.cordon.proto.v1.Alert.parseFrom(bytes));
        } catch (InvalidProtocolBufferException e) {
            return DecodeResult.failed("not a cordon.v1.Alert: " + e.getMessage());
        }
    }

    /** Validates a proto alert and maps it to the core; never throws. */
    public static DecodeResult<Alert> fromProto(io.cordon.proto.v1.Alert proto) {
        if (proto == null) {
            return DecodeResult.failed("no alert (null)");
        }
        try {
            return DecodeResult.ok(read(proto));
        } catch (IllegalArgumentException e) {
            return DecodeResult.failed(e.getMessage());
        }
    }

    private static final CommonCodec.EnumNumbers<AlertType> ALERT_TYPE_NUMBERS =
            new CommonCodec.EnumNumbers<>(
                    AlertType.class, io.cordon.proto.v1.AlertType.getDescriptor(), "ALERT_TYPE_");

    private static final CommonCodec.EnumNumbers<Severity> SEVERITY_NUMBERS =
            new CommonCodec.EnumNumbers<>(
                    Severity.class, io.cordon.proto.v1.Severity.getDescriptor(), "SEVERITY_");

    private static final CommonCodec.EnumNumbers<AlertState> ALERT_STATE_NUMBERS =
            new CommonCodec.EnumNumbers<>(
                    AlertState.class,
                    io.cordon.proto.v1.AlertState.getDescriptor(),
                    "ALERT_STATE_");

    public static io.cordon.proto.v1.Alert toProto(Alert a) {
        io.cordon.proto.v1.Alert.Builder b =
                io.cordon.proto.v1.Alert.newBuilder()
                        .setAlertId(a.alertId())
                        .setTypeValue(ALERT_TYPE_NUMBERS.number(a.type()))
                        .setSeverityValue(SEVERITY_NUMBERS.number(a.severity()))
                        .setStateValue(ALERT_STATE_NUMBERS.number(a.state()))
                        .setWindowStart(timestamp(a.windowStart()))
                        .setWindowEnd(timestamp(a.windowEnd()))
                        .addAllTrackIds(a.trackIds())
                        .setDetector(a.detector() == null ? "" : a.detector())
                        .setDetectorVersion(a.detectorVersion() == null ? "" : a.detectorVersion())
                        .putAllEvidence(a.evidence())
                        .setMarking(markingProto(a.marking()))
                        .setSummary(a.summary());
        if (a.location() != null) {
            b.setLocation(geoPosition(a.location()));
        }
        return b.build();
    }

    /** The record value for {@code cordon.alerts.v1}. */
    public static byte[] toBytes(Alert a) {
        return toProto(a).toByteArray();
    }

    private static Alert read(io.cordon.proto.v1.Alert p) {
        String alertId = requireText(p.getAlertId(), "alert_id");
        AlertType type =
                coreEnum(
                        AlertType.class,
                        io.cordon.proto.v1.AlertType.getDescriptor(),
                        p.getTypeValue(),
                        "ALERT_TYPE_",
                        "type");
        Severity severity =
                coreEnum(
                        Severity.class,
                        io.cordon.proto.v1.Severity.getDescriptor(),
                        p.getSeverityValue(),
                        "SEVERITY_",
                        "severity");
        AlertState state =
                coreEnum(
                        AlertState.class,
                        io.cordon.proto.v1.AlertState.getDescriptor(),
                        p.getStateValue(),
                        "ALERT_STATE_",
                        "state");
        Instant start = instant(p.hasWindowStart(), p.getWindowStart(), "window_start");
        Instant end = instant(p.hasWindowEnd(), p.getWindowEnd(), "window_end");
        if (end.isBefore(start)) {
            throw invalid("window_end " + end + " is before window_start " + start);
        }
        GeoPoint location = p.hasLocation() ? geoPoint(p.getLocation(), "location") : null;
        var trackIds = nonBlankElements(p.getTrackIdsList(), "track_ids");
        TreeMap<String, String> evidence = new TreeMap<>(p.getEvidenceMap());
        if (evidence.containsKey("")) {
            throw invalid("evidence has an entry with an empty key");
        }
        return new Alert(
                alertId,
                type,
                severity,
                state,
                start,
                end,
                location,
                trackIds,
                p.getDetector(),
                p.getDetectorVersion(),
                evidence,
                marking(p.hasMarking(), p.getMarking(), "marking"),
                p.getSummary());
    }
}
