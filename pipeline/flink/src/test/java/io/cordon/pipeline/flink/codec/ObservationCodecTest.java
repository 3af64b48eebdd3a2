package io.cordon.pipeline.flink.codec;

import static io.cordon.pipeline.flink.codec.CodecFixtures.T0;
import static io.cordon.pipeline.flink.codec.CodecFixtures.geo;
import static io.cordon.pipeline.flink.codec.CodecFixtures.positionObservation;
import static io.cordon.pipeline.flink.codec.CodecFixtures.radarObservation;
import static io.cordon.pipeline.flink.codec.CodecFixtures.sensorTrackObservation;
import static io.cordon.pipeline.flink.codec.CodecFixtures.ts;
import static io.cordon.pipeline.flink.codec.CodecFixtures.validPositionProto;
import static io.cordon.pipeline.flink.codec.CodecFixtures.validRadarPlotProto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.proto.v1.EnuCovariance2;
import io.cordon.proto.v1.EnuVelocityCovariance2;
import io.cordon.proto.v1.GeodeticPosition;
import io.cordon.proto.v1.SensorTrackUpdate;
import io.cordon.proto.v1.VelocityEnu;
import java.util.Arrays;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class ObservationCodecTest {

    static Stream<Observation> everyMeasurementKind() {
        return Stream.of(radarObservation(), positionObservation(), sensorTrackObservation());
    }

    @ParameterizedTest
    @MethodSource("everyMeasurementKind")
    void coreRoundTripsThroughProto(Observation observation) {
        assertThat(ObservationCodec.fromProto(ObservationCodec.toProto(observation)))
                .isEqualTo(DecodeResult.ok(observation));
    }

    @ParameterizedTest
    @MethodSource("everyMeasurementKind")
    void coreRoundTripsThroughBytes(Observation observation) {
        DecodeResult<Observation> decoded =
                ObservationCodec.parse(ObservationCodec.toBytes(observation));
        assertThat(decoded.orElseThrow()).isEqualTo(observation);
        assertThat(decoded.orElseThrow().eventTime().getNano()).isEqualTo(535_897_932);
    }

    @Test
    void protoRoundTripsThroughCoreWhenItCarriesOnlyWhatTheCoreHolds() {
        io.cordon.proto.v1.Observation proto =
                validPositionProto()
                        .setVelocity(
                                VelocityEnu.newBuilder()
                                        .setEastMps(1.5)
                                        .setNorthMps(-2.5)
                                        .setUpMps(0.25))
                        .setIdentity(
                                io.cordon.proto.v1.CooperativeIdentity.newBuilder()
                                        .setIcao24("A1B2C3")
                                        .setCallsign("N123AB"))
                        .setClassification(
                                io.cordon.proto.v1.Classification.newBuilder()
                                        .setTargetClass(
                                                io.cordon.proto.v1.TargetClass.TARGET_CLASS_DRONE)
                                        .setConfidence(0.6))
                        .setMarking(
                                io.cordon.proto.v1.Marking.newBuilder()
                                        .addPartners("gt-army")
                                        .addPartners("mx-sedena"))
                        .build();

        Observation core = ObservationCodec.fromProto(proto).orElseThrow();

        assertThat(ObservationCodec.toProto(core)).isEqualTo(proto);
        assertThat(core.marking().partners()).containsExactlyInAnyOrder("gt-army", "mx-sedena");
        assertThat(core.marking().releasableTo("us-cbp")).isFalse();
    }

    @Test
    void radarBiasesAreSubtractedAndTheElevationIsKept() {
        io.cordon.proto.v1.Observation proto =
                validPositionProto()
                        .setRadarPlot(
                                validRadarPlotProto()
                                        .setRangeM(1000.0)
                                        .setAzimuthDeg(1.0)
                                        .setRangeBiasM(5.0)
                                        .setAzimuthBiasDeg(2.0)
                                        .setElevationDeg(3.0)
                                        .setSigmaElevationDeg(0.5))
                        .build();

        RadarPlot plot = (RadarPlot) ObservationCodec.fromProto(proto).orElseThrow().measurement();

        assertThat(plot.rangeM()).isEqualTo(995.0);
        assertThat(plot.azimuthDeg()).isEqualTo(359.0);
        assertThat(plot.sigmaRangeM()).isEqualTo(10.0);
        assertThat(plot.sigmaAzimuthDeg()).isEqualTo(0.5);
        assertThat(plot.hasElevation()).isTrue();
        assertThat(plot.elevationDeg()).isEqualTo(3.0);
        assertThat(plot.sigmaElevationDeg()).isEqualTo(0.5);
    }

    @Test
    void anElevationWithoutSigmaTakesTheAzimuthSigma_andComesBackOnTheWire() {
        io.cordon.proto.v1.Observation proto =
                validPositionProto()
                        .setRadarPlot(
                                validRadarPlotProto().setSigmaAzimuthDeg(0.4).setElevationDeg(-1.5))
                        .build();

        Observation core = ObservationCodec.fromProto(proto).orElseThrow();
        RadarPlot plot = (RadarPlot) core.measurement();

        assertThat(plot.elevationDeg()).isEqualTo(-1.5);
        assertThat(plot.sigmaElevationDeg()).isEqualTo(0.4);
        var wire = ObservationCodec.toProto(core).getRadarPlot();
        assertThat(wire.getElevationDeg()).isEqualTo(-1.5);
        assertThat(wire.getSigmaElevationDeg()).isEqualTo(0.4);
        assertThat(ObservationCodec.fromProto(ObservationCodec.toProto(core)).orElseThrow())
                .isEqualTo(core);
        // a 2-D plot stays without elevation on the wire
        Observation flat =
                ObservationCodec.fromProto(
                                validPositionProto().setRadarPlot(validRadarPlotProto()).build())
                        .orElseThrow();
        assertThat(((RadarPlot) flat.measurement()).hasElevation()).isFalse();
        assertThat(ObservationCodec.toProto(flat).getRadarPlot().hasElevationDeg()).isFalse();
    }

    @Test
    void azimuthJustBelowZeroAfterBiasWrapsIntoRange() {
        io.cordon.proto.v1.Observation proto =
                validPositionProto()
                        .setRadarPlot(
                                validRadarPlotProto().setAzimuthDeg(0.0).setAzimuthBiasDeg(1e-17))
                        .build();

        RadarPlot plot = (RadarPlot) ObservationCodec.fromProto(proto).orElseThrow().measurement();

        assertThat(plot.azimuthDeg()).isGreaterThanOrEqualTo(0.0).isLessThan(360.0);
    }

    @Test
    void sensorTrackVelocityBecomesTheObservationsVelocityWhenItHasNone() {
        SensorTrackUpdate.Builder track =
                SensorTrackUpdate.newBuilder()
                        .setLocalTrackId("4711")
                        .setEstimate(validPositionProto().getPosition())
                        .setVelocity(VelocityEnu.newBuilder().setEastMps(3).setNorthMps(4))
                        .setVelocityCovariance(
                                EnuVelocityCovariance2.newBuilder()
                                        .setEeM2Ps2(0.25)
                                        .setEnM2Ps2(0.01)
                                        .setNnM2Ps2(0.25));

        Observation fromTrack =
                ObservationCodec.fromProto(validPositionProto().setSensorTrack(track).build())
                        .orElseThrow();
        Observation ownWins =
                ObservationCodec.fromProto(
                                validPositionProto()
                                        .setSensorTrack(track)
                                        .setVelocity(VelocityEnu.newBuilder().setEastMps(-1))
                                        .build())
                        .orElseThrow();

        assertThat(fromTrack.velocity()).isEqualTo(new Velocity(3, 4, 0));
        assertThat(ownWins.velocity()).isEqualTo(new Velocity(-1, 0, 0));
    }

    @Test
    void aMeasuredHeightTravelsAsSigmaAltM_andItsAbsenceAsNoHeight() {
        io.cordon.proto.v1.Observation proto =
                validPositionProto()
                        .setPosition(
                                validPositionProto().getPosition().toBuilder().setSigmaAltM(12.5))
                        .build();

        Observation core = ObservationCodec.fromProto(proto).orElseThrow();

        PositionFix fix = (PositionFix) core.measurement();
        assertThat(fix.hasHeight()).isTrue();
        assertThat(fix.sigmaAltM()).isEqualTo(12.5);
        assertThat(fix.position().altM()).isEqualTo(1190.0);
        assertThat(ObservationCodec.toProto(core)).isEqualTo(proto);
        assertThat(ObservationCodec.parse(ObservationCodec.toBytes(core)).orElseThrow())
                .isEqualTo(core);
        Observation without =
                ObservationCodec.fromProto(validPositionProto().build()).orElseThrow();
        assertThat(((PositionFix) without.measurement()).hasHeight()).isFalse();
        assertThat(ObservationCodec.toProto(without).getPosition().hasSigmaAltM()).isFalse();
    }

    @Test
    void absentOptionalPartsReadAsTheCoreDefaults() {
        Observation o = ObservationCodec.fromProto(validPositionProto().build()).orElseThrow();

        assertThat(o.velocity()).isNull();
        assertThat(o.identity()).isEqualTo(CooperativeIdentity.NONE);
        assertThat(o.classification()).isEqualTo(Classification.UNKNOWN);
        assertThat(o.eventTime()).isEqualTo(T0);
    }

    @Test
    void unspecifiedTargetClassReadsAsUnknown() {
        io.cordon.proto.v1.Observation proto =
                validPositionProto()
                        .setClassification(
                                io.cordon.proto.v1.Classification.newBuilder().setConfidence(0.0))
                        .build();

        assertThat(ObservationCodec.fromProto(proto).orElseThrow().classification())
                .isEqualTo(Classification.UNKNOWN);
    }

    @ParameterizedTest
    @EnumSource(SensorKind.class)
    void everySensorKindRoundTrips(SensorKind kind) {
        Observation o = withKindAndClass(kind, TargetClass.UNKNOWN);

        assertThat(ObservationCodec.fromProto(ObservationCodec.toProto(o)).orElseThrow())
                .isEqualTo(o);
        assertThat(ObservationCodec.toProto(o).getProvenance().getSensorKind().name())
                .isEqualTo("SENSOR_KIND_" + kind.name());
    }

    @ParameterizedTest
    @EnumSource(TargetClass.class)
    void everyTargetClassRoundTrips(TargetClass targetClass) {
        Observation o = withKindAndClass(SensorKind.OTHER, targetClass);

        assertThat(ObservationCodec.fromProto(ObservationCodec.toProto(o)).orElseThrow())
                .isEqualTo(o);
    }

    private static Observation withKindAndClass(SensorKind kind, TargetClass targetClass) {
        Observation base = positionObservation();
        return new Observation(
                base.observationId(),
                base.partnerId(),
                base.sensorId(),
                kind,
                base.eventTime(),
                base.measurement(),
                base.velocity(),
                base.identity(),
                new Classification(targetClass, 0.5),
                base.marking());
    }

    static Stream<Arguments> invalidObservations() {
        return Stream.of(
                bad(
                        "latitude above 90",
                        b -> b.setPosition(pos(geo(91, 0, 0))),
                        "position.position.lat_deg must be in [-90, 90], was 91.0"),
                bad(
                        "latitude NaN",
                        b -> b.setPosition(pos(geo(Double.NaN, 0, 0))),
                        "position.position.lat_deg must be in [-90, 90], was NaN"),
                bad(
                        "longitude below -180",
                        b -> b.setPosition(pos(geo(0, -180.5, 0))),
                        "position.position.lon_deg must be in [-180, 180], was -180.5"),
                bad(
                        "infinite height",
                        b -> b.setPosition(pos(geo(0, 0, Double.POSITIVE_INFINITY))),
                        "position.position.alt_m must be finite, was Infinity"),
                bad(
                        "no measurement",
                        b -> b.clearMeasurement(),
                        "measurement is required (one of radar_plot, position, sensor_track)"),
                bad("no observation id", b -> b.clearObservationId(), "observation_id is required"),
                bad(
                        "blank observation id",
                        b -> b.setObservationId("  "),
                        "observation_id is required"),
                bad("no provenance", b -> b.clearProvenance(), "provenance is required"),
                bad(
                        "blank partner",
                        b -> b.setProvenance(b.getProvenance().toBuilder().setPartnerId("")),
                        "provenance.partner_id is required"),
                bad(
                        "blank sensor",
                        b -> b.setProvenance(b.getProvenance().toBuilder().setSensorId(" ")),
                        "provenance.sensor_id is required"),
                bad(
                        "unspecified sensor kind",
                        b -> b.setProvenance(b.getProvenance().toBuilder().setSensorKindValue(0)),
                        "provenance.sensor_kind is required (was SENSOR_KIND_UNSPECIFIED)"),
                bad(
                        "sensor kind from a newer schema",
                        b -> b.setProvenance(b.getProvenance().toBuilder().setSensorKindValue(99)),
                        "provenance.sensor_kind has unknown value 99"),
                bad("no event time", b -> b.clearEventTime(), "event_time is required"),
                bad(
                        "negative nanos",
                        b -> b.setEventTime(ts(0, -1)),
                        "event_time must lie in 0001-01-01..9999-12-31"),
                bad(
                        "year 10000",
                        b -> b.setEventTime(ts(253_402_300_800L, 0)),
                        "event_time must lie in 0001-01-01..9999-12-31"),
                bad("no marking", b -> b.clearMarking(), "marking is required"),
                bad(
                        "marking both open and listed",
                        b -> b.setMarking(b.getMarking().toBuilder().addPartners("us-cbp")),
                        "marking is releasable_to_all but also lists partners [us-cbp]"),
                bad(
                        "marking with blank partner",
                        b -> b.setMarking(io.cordon.proto.v1.Marking.newBuilder().addPartners("")),
                        "marking.partners[0] is blank"),
                bad(
                        "confidence above 1",
                        b -> b.setClassification(confidence(1.5)),
                        "classification.confidence must be in [0, 1], was 1.5"),
                bad(
                        "confidence NaN",
                        b -> b.setClassification(confidence(Double.NaN)),
                        "classification.confidence must be in [0, 1], was NaN"),
                bad(
                        "target class from a newer schema",
                        b ->
                                b.setClassification(
                                        io.cordon.proto.v1.Classification.newBuilder()
                                                .setTargetClassValue(42)),
                        "classification.target_class has unknown value 42"),
                bad(
                        "velocity NaN",
                        b -> b.setVelocity(VelocityEnu.newBuilder().setEastMps(Double.NaN)),
                        "velocity.east_mps must be finite, was NaN"),
                bad(
                        "position without position",
                        b -> b.setPosition(b.getPosition().toBuilder().clearPosition()),
                        "position.position is required"),
                bad(
                        "position without covariance",
                        b -> b.setPosition(b.getPosition().toBuilder().clearCovariance()),
                        "position.covariance is required"),
                bad(
                        "zero east variance",
                        b -> b.setPosition(cov(0, 0, 25)),
                        "position.covariance.ee_m2 must be finite and > 0, was 0.0"),
                bad(
                        "negative north variance",
                        b -> b.setPosition(cov(25, 0, -4)),
                        "position.covariance.nn_m2 must be finite and > 0, was -4.0"),
                bad(
                        "NaN cross covariance",
                        b -> b.setPosition(cov(25, Double.NaN, 25)),
                        "position.covariance.en_m2 must be finite, was NaN"),
                bad(
                        "covariance not positive definite",
                        b -> b.setPosition(cov(25, 30, 25)),
                        "position.covariance must be positive definite (en_m2^2 < ee_m2 * nn_m2),"
                                + " was ee_m2=25.0 en_m2=30.0 nn_m2=25.0"),
                bad(
                        "negative height sigma",
                        b -> b.setPosition(b.getPosition().toBuilder().setSigmaAltM(-1)),
                        "position.sigma_alt_m must be finite and > 0, was -1.0"),
                bad(
                        "radar without its position",
                        b -> b.setRadarPlot(validRadarPlotProto().clearSensorPosition()),
                        "radar_plot.sensor_position is required"),
                bad(
                        "radar position out of range",
                        b ->
                                b.setRadarPlot(
                                        validRadarPlotProto().setSensorPosition(geo(-95, 0, 0))),
                        "radar_plot.sensor_position.lat_deg must be in [-90, 90], was -95.0"),
                bad(
                        "negative range",
                        b -> b.setRadarPlot(validRadarPlotProto().setRangeM(-1)),
                        "radar_plot.range_m must be >= 0, was -1.0"),
                bad(
                        "NaN range",
                        b -> b.setRadarPlot(validRadarPlotProto().setRangeM(Double.NaN)),
                        "radar_plot.range_m must be finite, was NaN"),
                bad(
                        "azimuth 360",
                        b -> b.setRadarPlot(validRadarPlotProto().setAzimuthDeg(360)),
                        "radar_plot.azimuth_deg must be in [0, 360), was 360.0"),
                bad(
                        "negative range sigma",
                        b -> b.setRadarPlot(validRadarPlotProto().setSigmaRangeM(-1)),
                        "radar_plot.sigma_range_m must be finite and > 0, was -1.0"),
                bad(
                        "infinite range sigma",
                        b ->
                                b.setRadarPlot(
                                        validRadarPlotProto()
                                                .setSigmaRangeM(Double.POSITIVE_INFINITY)),
                        "radar_plot.sigma_range_m must be finite and > 0, was Infinity"),
                bad(
                        "missing azimuth sigma",
                        b -> b.setRadarPlot(validRadarPlotProto().clearSigmaAzimuthDeg()),
                        "radar_plot.sigma_azimuth_deg must be finite and > 0, was 0.0"),
                bad(
                        "elevation above 90",
                        b -> b.setRadarPlot(validRadarPlotProto().setElevationDeg(91)),
                        "radar_plot.elevation_deg must be in (-90, 90) (a height from a horizontal"
                                + " range), was 91.0"),
                bad(
                        "elevation at the zenith",
                        b -> b.setRadarPlot(validRadarPlotProto().setElevationDeg(90)),
                        "radar_plot.elevation_deg must be in (-90, 90)"),
                bad(
                        "elevation sigma without elevation",
                        b -> b.setRadarPlot(validRadarPlotProto().setSigmaElevationDeg(1)),
                        "radar_plot.sigma_elevation_deg is set but elevation_deg is not"),
                bad(
                        "negative elevation sigma",
                        b ->
                                b.setRadarPlot(
                                        validRadarPlotProto()
                                                .setElevationDeg(2)
                                                .setSigmaElevationDeg(-1)),
                        "radar_plot.sigma_elevation_deg must be finite and > 0, was -1.0"),
                bad(
                        "NaN range bias",
                        b -> b.setRadarPlot(validRadarPlotProto().setRangeBiasM(Double.NaN)),
                        "radar_plot.range_bias_m must be finite, was NaN"),
                bad(
                        "range bias beyond the range",
                        b -> b.setRadarPlot(validRadarPlotProto().setRangeM(10).setRangeBiasM(11)),
                        "radar_plot.range_m minus range_bias_m must be >= 0, was 10.0 - 11.0"),
                bad(
                        "azimuth bias of half a turn",
                        b -> b.setRadarPlot(validRadarPlotProto().setAzimuthBiasDeg(180)),
                        "radar_plot.azimuth_bias_deg must be in (-180, 180), was 180.0"),
                bad(
                        "sensor track without local id",
                        b -> b.setSensorTrack(sensorTrack(b).clearLocalTrackId()),
                        "sensor_track.local_track_id is required"),
                bad(
                        "sensor track without estimate",
                        b -> b.setSensorTrack(sensorTrack(b).clearEstimate()),
                        "sensor_track.estimate is required"),
                bad(
                        "sensor track with a bad covariance",
                        b -> b.setSensorTrack(sensorTrack(b).setEstimate(cov(25, 0, 0))),
                        "sensor_track.estimate.covariance.nn_m2 must be finite and > 0, was 0.0"),
                bad(
                        "sensor track velocity NaN",
                        b ->
                                b.setSensorTrack(
                                        sensorTrack(b)
                                                .setVelocity(
                                                        VelocityEnu.newBuilder()
                                                                .setNorthMps(Double.NaN))),
                        "sensor_track.velocity.north_mps must be finite, was NaN"),
                bad(
                        "velocity covariance without velocity",
                        b ->
                                b.setSensorTrack(
                                        sensorTrack(b)
                                                .setVelocityCovariance(
                                                        EnuVelocityCovariance2.newBuilder()
                                                                .setEeM2Ps2(1)
                                                                .setNnM2Ps2(1))),
                        "sensor_track.velocity_covariance is set but velocity is not"),
                bad(
                        "velocity covariance not positive definite",
                        b ->
                                b.setSensorTrack(
                                        sensorTrack(b)
                                                .setVelocity(VelocityEnu.newBuilder().setEastMps(1))
                                                .setVelocityCovariance(
                                                        EnuVelocityCovariance2.newBuilder()
                                                                .setEeM2Ps2(1)
                                                                .setEnM2Ps2(1)
                                                                .setNnM2Ps2(1))),
                        "sensor_track.velocity_covariance must be positive definite"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidObservations")
    void invalidValuesAreRefusedWithAReason(
            String name,
            UnaryOperator<io.cordon.proto.v1.Observation.Builder> breakIt,
            String expectedReason) {
        io.cordon.proto.v1.Observation proto = breakIt.apply(validPositionProto()).build();

        DecodeResult<Observation> fromProto = ObservationCodec.fromProto(proto);
        DecodeResult<Observation> parsed = ObservationCodec.parse(proto.toByteArray());

        assertThat(fromProto).isInstanceOf(DecodeResult.Failed.class);
        assertThat(((DecodeResult.Failed<Observation>) fromProto).reason())
                .startsWith(expectedReason);
        assertThat(parsed).isEqualTo(fromProto);
    }

    @Test
    void garbageBytesAreRefusedWithTheParsersReason() {
        byte[] garbage = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF};

        assertThat(ObservationCodec.parse(garbage))
                .isInstanceOfSatisfying(
                        DecodeResult.Failed.class,
                        f -> assertThat(f.reason()).startsWith("not a cordon.v1.Observation: "));
    }

    @Test
    void truncatedRecordIsRefused() {
        byte[] whole = ObservationCodec.toBytes(radarObservation());

        assertThat(ObservationCodec.parse(Arrays.copyOf(whole, whole.length - 3)).isOk()).isFalse();
    }

    @Test
    void emptyAndNullInputsAreRefused() {
        assertThat(ObservationCodec.parse(new byte[0]))
                .isEqualTo(DecodeResult.failed("observation_id is required"));
        assertThat(ObservationCodec.parse(null))
                .isEqualTo(DecodeResult.failed("no bytes (null record value)"));
        assertThat(ObservationCodec.fromProto(null))
                .isEqualTo(DecodeResult.failed("no observation (null)"));
    }

    @Test
    void aTrackOnTheObservationTopicIsRefused() {
        byte[] track =
                io.cordon.proto.v1.EntityTrack.newBuilder()
                        .setTrackId("t-1")
                        .setPosition(geo(31, -110, 0))
                        .build()
                        .toByteArray();

        assertThat(ObservationCodec.parse(track).isOk()).isFalse();
    }

    @Test
    void randomBytesNeverThrowAndNeverDecode() {
        Random random = new Random(20260314L);
        for (int i = 0; i < 5_000; i++) {
            byte[] bytes = new byte[random.nextInt(200)];
            random.nextBytes(bytes);

            DecodeResult<Observation> result = ObservationCodec.parse(bytes);

            assertThat(result).isInstanceOf(DecodeResult.Failed.class);
        }
    }

    private static Arguments bad(
            String name,
            UnaryOperator<io.cordon.proto.v1.Observation.Builder> breakIt,
            String expectedReason) {
        return arguments(name, breakIt, expectedReason);
    }

    private static GeodeticPosition pos(io.cordon.proto.v1.GeoPosition position) {
        return validPositionProto().getPosition().toBuilder().setPosition(position).build();
    }

    private static GeodeticPosition cov(double ee, double en, double nn) {
        return validPositionProto().getPosition().toBuilder()
                .setCovariance(EnuCovariance2.newBuilder().setEeM2(ee).setEnM2(en).setNnM2(nn))
                .build();
    }

    private static io.cordon.proto.v1.Classification confidence(double confidence) {
        return io.cordon.proto.v1.Classification.newBuilder()
                .setTargetClass(io.cordon.proto.v1.TargetClass.TARGET_CLASS_PERSON)
                .setConfidence(confidence)
                .build();
    }

    private static SensorTrackUpdate.Builder sensorTrack(io.cordon.proto.v1.Observation.Builder b) {
        return SensorTrackUpdate.newBuilder().setLocalTrackId("4711").setEstimate(b.getPosition());
    }
}
