package io.cordon.connectors.sapient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UnknownFieldSet;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.proto.sapient.v2.DetectionReport;
import io.cordon.proto.sapient.v2.ENUVelocity;
import io.cordon.proto.sapient.v2.Location;
import io.cordon.proto.sapient.v2.LocationCoordinateSystem;
import io.cordon.proto.sapient.v2.LocationDatum;
import io.cordon.proto.sapient.v2.RangeBearing;
import io.cordon.proto.sapient.v2.RangeBearingCoordinateSystem;
import io.cordon.proto.sapient.v2.RangeBearingDatum;
import io.cordon.proto.sapient.v2.SapientMessage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SapientDecoderTest {
    static final Timestamp T0 =
            Timestamp.newBuilder().setSeconds(1_700_000_000L).setNanos(250_000_000).build();
    static final String NODE = "b5546692-a0cc-4846-a36c-4b7098eae08e";

    static SapientMessage.Builder envelope() {
        return SapientMessage.newBuilder().setTimestamp(T0).setNodeId(NODE);
    }

    static DetectionReport.Builder detection() {
        return DetectionReport.newBuilder()
                .setReportId("01H7SS2G2HFG5EP09GYC8YP69C")
                .setObjectId("01H7SS2G2H7PQPQ6F1MMCF9BT5");
    }

    static DecodeResult<SapientReport> decode(SapientMessage m) {
        return SapientDecoder.decodeFrames(SapientFraming.frame(m.toByteArray()));
    }

    @Test
    void convertsRangeBearingUnitsToDegreesAndMetres() {
        RangeBearing rb =
                RangeBearing.newBuilder()
                        .setRange(1.5)
                        .setAzimuth(Math.PI / 2)
                        .setElevation(0.1)
                        .setRangeError(0.02)
                        .setCoordinateSystem(
                                RangeBearingCoordinateSystem
                                        .RANGE_BEARING_COORDINATE_SYSTEM_RADIANS_KM)
                        .setDatum(RangeBearingDatum.RANGE_BEARING_DATUM_MAGNETIC)
                        .build();
        SapientMessage m =
                envelope()
                        .setDetectionReport(
                                detection()
                                        .setRangeBearing(rb)
                                        .setEnuVelocity(
                                                ENUVelocity.newBuilder()
                                                        .setEastRate(1.5)
                                                        .setNorthRate(-2)))
                        .build();

        SapientDetection d = (SapientDetection) decode(m).values().get(0);
        assertThat(d.rangeBearing().rangeM()).isEqualTo(1500.0);
        assertThat(d.rangeBearing().azimuthDeg()).isCloseTo(90.0, within(1e-12));
        assertThat(d.rangeBearing().elevationDeg()).isCloseTo(Math.toDegrees(0.1), within(1e-12));
        assertThat(d.rangeBearing().rangeErrorM()).isCloseTo(20.0, within(1e-12));
        assertThat(d.rangeBearing().azimuthErrorDeg()).isNaN();
        assertThat(d.rangeBearing().north()).isEqualTo(SapientRangeBearing.North.MAGNETIC);
        assertThat(d.location()).isNull();
        assertThat(d.eastMps()).isEqualTo(1.5);
        assertThat(d.northMps()).isEqualTo(-2.0);
        assertThat(d.upMps()).isNaN();
        assertThat(d.sentTime().getNano()).isEqualTo(250_000_000);
    }

    @Test
    void convertsRadianLocationsAndRejectsUtmAndImpossibleOnes() {
        Location rad =
                Location.newBuilder()
                        .setX(Math.toRadians(-3.5))
                        .setY(Math.toRadians(51.2))
                        .setZ(80)
                        .setXError(1e-6)
                        .setCoordinateSystem(
                                LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_LAT_LNG_RAD_M)
                        .setDatum(LocationDatum.LOCATION_DATUM_WGS84_G)
                        .build();
        SapientLocation l =
                ((SapientDetection)
                                decode(
                                                envelope()
                                                        .setDetectionReport(
                                                                detection().setLocation(rad))
                                                        .build())
                                        .values()
                                        .get(0))
                        .location();
        assertThat(l.latDeg()).isCloseTo(51.2, within(1e-12));
        assertThat(l.lonDeg()).isCloseTo(-3.5, within(1e-12));
        assertThat(l.altM()).isEqualTo(80.0);
        assertThat(l.lonErrorDeg()).isCloseTo(Math.toDegrees(1e-6), within(1e-15));
        assertThat(l.altitudeAboveGeoid()).isTrue();

        Location utm =
                Location.newBuilder()
                        .setX(603885)
                        .setY(5650836)
                        .setCoordinateSystem(
                                LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_UTM_M)
                        .build();
        assertThat(reason(envelope().setDetectionReport(detection().setLocation(utm)).build()))
                .contains("UTM");
        Location unspecifiedUtm =
                utm.toBuilder()
                        .setCoordinateSystem(
                                LocationCoordinateSystem.LOCATION_COORDINATE_SYSTEM_UNSPECIFIED)
                        .build();
        assertThat(
                        reason(
                                envelope()
                                        .setDetectionReport(detection().setLocation(unspecifiedUtm))
                                        .build()))
                .contains("outside latitude/longitude ranges");
    }

    @Test
    void mandatoryFieldsAreEnforcedWithReasons() {
        Location here = Location.newBuilder().setX(1).setY(2).build();
        assertThat(
                        reason(
                                SapientMessage.newBuilder()
                                        .setNodeId(NODE)
                                        .setDetectionReport(detection().setLocation(here))
                                        .build()))
                .contains("timestamp");
        assertThat(
                        reason(
                                SapientMessage.newBuilder()
                                        .setTimestamp(T0)
                                        .setDetectionReport(detection().setLocation(here))
                                        .build()))
                .contains("node_id");
        assertThat(
                        reason(
                                envelope()
                                        .setDetectionReport(
                                                detection().setLocation(here).clearReportId())
                                        .build()))
                .contains("report_id");
        assertThat(reason(envelope().setDetectionReport(detection()).build()))
                .contains("location or range_bearing");
        assertThat(reason(envelope().build())).contains("no content");
        assertThat(
                        reason(
                                envelope()
                                        .setTimestamp(
                                                Timestamp.newBuilder().setSeconds(Long.MAX_VALUE))
                                        .setDetectionReport(detection().setLocation(here))
                                        .build()))
                .contains("timestamp out of range");
    }

    @Test
    void contentCordonDoesNotInterpretIsKeptAsOtherContent() {
        UnknownFieldSet statusReport =
                UnknownFieldSet.newBuilder()
                        .addField(
                                6,
                                UnknownFieldSet.Field.newBuilder()
                                        .addLengthDelimited(ByteString.copyFromUtf8("\n\u0001x"))
                                        .build())
                        .build();
        SapientMessage m = envelope().setUnknownFields(statusReport).build();

        SapientReport r = decode(m).values().get(0);
        assertThat(r).isEqualTo(new SapientOtherContent(r.sentTime(), NODE, "status_report"));
    }

    @Test
    void badBytesAndBadFramesAreErrorsWithTheirBytes() {
        byte[] garbage = SapientFraming.frame(new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});
        DecodeResult<SapientReport> r = SapientDecoder.decodeFrames(garbage);
        assertThat(r.errors())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.reason()).startsWith("not a SapientMessage");
                            assertThat(e.offset()).isEqualTo(4);
                            assertThat(e.raw()).hasSize(3);
                        });

        byte[] good = SapientFraming.frame(SapientSamples.detection().toByteArray());
        DecodeResult<SapientReport> cut =
                SapientDecoder.decodeFrames(Arrays.copyOf(good, good.length - 1));
        assertThat(cut.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("cut short"));
        assertThat(SapientDecoder.decodeFrames(new byte[] {5, 0}).errors().get(0).reason())
                .contains("length prefix cut short");
        assertThat(SapientDecoder.decodeFrames(new byte[] {0, 0, 0, 2, 1}).errors().get(0).reason())
                .contains("limit");
        assertThat(SapientDecoder.decodeFrames(new byte[0]).values()).isEmpty();
    }

    @Test
    void theStreamDecoderReassemblesFramesSplitAnywhere() {
        byte[] a = SapientFraming.frame(SapientSamples.registration().toByteArray());
        byte[] b = SapientFraming.frame(SapientSamples.detection().toByteArray());
        byte[] stream = new byte[a.length + b.length];
        System.arraycopy(a, 0, stream, 0, a.length);
        System.arraycopy(b, 0, stream, a.length, b.length);

        for (int split = 0; split <= stream.length; split++) {
            SapientStreamDecoder decoder = new SapientStreamDecoder();
            List<SapientReport> reports =
                    new ArrayList<>(decoder.accept(Arrays.copyOf(stream, split)).values());
            DecodeResult<SapientReport> rest =
                    decoder.accept(Arrays.copyOfRange(stream, split, stream.length));
            reports.addAll(rest.values());
            assertThat(rest.errors()).isEmpty();
            assertThat(reports).as("split at %d", split).hasSize(2);
            assertThat(decoder.pendingOctets()).isZero();
        }

        SapientStreamDecoder decoder = new SapientStreamDecoder();
        assertThat(decoder.accept(new byte[] {1, 2, 3, 4, 5}).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("out of step"));
        assertThat(decoder.pendingOctets()).isZero();
    }

    static String reason(SapientMessage m) {
        DecodeResult<SapientReport> r = decode(m);
        assertThat(r.values()).isEmpty();
        assertThat(r.errors()).hasSize(1);
        return r.errors().get(0).reason();
    }
}
