package io.cordon.pipeline.flink.codec;

import static io.cordon.pipeline.flink.codec.CodecFixtures.T0;
import static io.cordon.pipeline.flink.codec.CodecFixtures.WALKER_NORTH_OF_FENCE;
import static io.cordon.pipeline.flink.codec.CodecFixtures.geo;
import static io.cordon.pipeline.flink.codec.CodecFixtures.ts;
import static io.cordon.pipeline.flink.codec.CodecFixtures.unrestrictedProto;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.proto.v1.VelocityEnu;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EntityTrackCodecTest {

    /** A full covariance with position-velocity correlation, as a filter would leave it. */
    static final StateCovariance CORRELATED =
            StateCovariance.ofRowMajor(
                    new double[] {
                        400.0, 12.0, 30.0, 1.5,
                        12.0, 380.0, 2.0, 28.0,
                        30.0, 2.0, 4.0, 0.1,
                        1.5, 28.0, 0.1, 3.5
                    });

    static EntityTrack confirmedWalker(TrackStatus status, StateCovariance covariance) {
        return new EntityTrack(
                "trk-9f2c4e",
                status,
                T0,
                WALKER_NORTH_OF_FENCE,
                new Velocity(0.9, 1.2, 0.0),
                covariance,
                new TreeSet<>(Set.of("radar-nogales-1", "ugs-17")),
                new TreeSet<>(Set.of("us-cbp", "mx-sedena")),
                new CooperativeIdentity("", "", "", "uid-77"),
                new Classification(TargetClass.PERSON, 0.8),
                Marking.releasableTo(List.of("mx-sedena", "us-cbp")),
                42L);
    }

    @ParameterizedTest
    @EnumSource(TrackStatus.class)
    void everyStatusRoundTrips(TrackStatus status) {
        EntityTrack track = confirmedWalker(status, CORRELATED);

        assertThat(EntityTrackCodec.parse(EntityTrackCodec.toBytes(track)).orElseThrow())
                .isEqualTo(track);
        assertThat(EntityTrackCodec.toProto(track).getStatus().name())
                .isEqualTo("TRACK_STATUS_" + status.name());
    }

    @Test
    void provenanceTimesRoundTripAndAbsentOnesStayNull() {
        EntityTrack base = confirmedWalker(TrackStatus.CONFIRMED, CORRELATED);
        EntityTrack both = withTimes(base, T0.minusSeconds(200), T0.minusNanos(1_500));
        EntityTrack radarOnly = withTimes(base, null, T0);

        io.cordon.proto.v1.EntityTrack proto = EntityTrackCodec.toProto(both);

        assertThat(proto.getLastCooperativeTime())
                .isEqualTo(ts(T0.getEpochSecond() - 200, T0.getNano()));
        assertThat(EntityTrackCodec.fromProto(proto).orElseThrow()).isEqualTo(both);
        assertThat(EntityTrackCodec.toProto(radarOnly).hasLastCooperativeTime()).isFalse();
        assertThat(EntityTrackCodec.parse(EntityTrackCodec.toBytes(radarOnly)).orElseThrow())
                .isEqualTo(radarOnly);
        assertThat(EntityTrackCodec.fromProto(minimal().build()).orElseThrow())
                .extracting(EntityTrack::lastCooperativeTime, EntityTrack::lastNonCooperativeTime)
                .containsExactly(null, null);
    }

    static EntityTrack withTimes(
            EntityTrack t, java.time.Instant cooperative, java.time.Instant nonCooperative) {
        return new EntityTrack(
                t.trackId(),
                t.status(),
                t.time(),
                t.position(),
                t.velocity(),
                t.covariance(),
                t.sensorIds(),
                t.partnerIds(),
                t.identity(),
                t.classification(),
                t.marking(),
                t.updateCount(),
                cooperative,
                nonCooperative);
    }

    @Test
    void covarianceTravelsRowMajorWithItsElementsInPlace() {
        io.cordon.proto.v1.EntityTrack proto =
                EntityTrackCodec.toProto(confirmedWalker(TrackStatus.CONFIRMED, CORRELATED));

        assertThat(proto.getCovarianceEnuList()).hasSize(16);
        assertThat(proto.getCovarianceEnu(4 * 0 + 2)).isEqualTo(CORRELATED.get(0, 2));
        assertThat(proto.getCovarianceEnu(4 * 3 + 1)).isEqualTo(CORRELATED.get(3, 1));
        assertThat(proto.getCovarianceEnu(4 * 3 + 3)).isEqualTo(3.5);
    }

    @Test
    void missingCovarianceRoundTripsAsEmpty() {
        EntityTrack track = confirmedWalker(TrackStatus.TENTATIVE, null);

        io.cordon.proto.v1.EntityTrack proto = EntityTrackCodec.toProto(track);

        assertThat(proto.getCovarianceEnuList()).isEmpty();
        assertThat(EntityTrackCodec.fromProto(proto).orElseThrow()).isEqualTo(track);
    }

    @Test
    void countryAndZonesAreWrittenSortedAndUnique() {
        io.cordon.proto.v1.EntityTrack proto =
                EntityTrackCodec.toProto(
                        confirmedWalker(TrackStatus.CONFIRMED, CORRELATED),
                        "USA",
                        List.of("poe-nogales", "nogales-wash", "poe-nogales"));

        assertThat(proto.getCountryIsoA3()).isEqualTo("USA");
        assertThat(proto.getZonesList()).containsExactly("nogales-wash", "poe-nogales");
        assertThat(EntityTrackCodec.fromProto(proto).orElseThrow())
                .isEqualTo(confirmedWalker(TrackStatus.CONFIRMED, CORRELATED));
    }

    @Test
    void absentVelocityIdentityAndClassificationReadAsCoreDefaults() {
        EntityTrack track = EntityTrackCodec.fromProto(minimal().build()).orElseThrow();

        assertThat(track.velocity()).isEqualTo(Velocity.ZERO);
        assertThat(track.identity()).isEqualTo(CooperativeIdentity.NONE);
        assertThat(track.classification()).isEqualTo(Classification.UNKNOWN);
        assertThat(track.covariance()).isNull();
        assertThat(track.marking()).isEqualTo(Marking.UNRESTRICTED);
    }

    @Test
    void aMeasuredHeightsSigmaSurvives_andWithoutOneTheHeightIsAPlaceholder() {
        EntityTrack flat = EntityTrackCodec.fromProto(minimal().build()).orElseThrow();
        assertThat(flat.sigmaAltM()).isZero();
        assertThat(flat.hasMeasuredHeight()).isFalse();
        assertThat(EntityTrackCodec.toProto(flat).getSigmaAltM()).isZero();

        EntityTrack measured =
                EntityTrackCodec.fromProto(minimal().setSigmaAltM(9.5).build()).orElseThrow();
        assertThat(measured.sigmaAltM()).isEqualTo(9.5);
        assertThat(measured.hasMeasuredHeight()).isTrue();
        assertThat(EntityTrackCodec.toProto(measured).getSigmaAltM()).isEqualTo(9.5);
        assertThat(EntityTrackCodec.fromProto(EntityTrackCodec.toProto(measured)).orElseThrow())
                .isEqualTo(measured);
    }

    @Test
    void largeUpdateCountSurvives() {
        io.cordon.proto.v1.EntityTrack proto = minimal().setUpdateCount(Long.MAX_VALUE).build();

        assertThat(EntityTrackCodec.fromProto(proto).orElseThrow().updateCount())
                .isEqualTo(Long.MAX_VALUE);
    }

    static io.cordon.proto.v1.EntityTrack.Builder minimal() {
        return io.cordon.proto.v1.EntityTrack.newBuilder()
                .setTrackId("trk-1")
                .setStatus(io.cordon.proto.v1.TrackStatus.TRACK_STATUS_CONFIRMED)
                .setTime(ts(T0.getEpochSecond(), T0.getNano()))
                .setPosition(geo(31.34, -110.94, 0))
                .setMarking(unrestrictedProto());
    }

    static Stream<Arguments> invalidTracks() {
        return Stream.of(
                bad("no track id", b -> b.clearTrackId(), "track_id is required"),
                bad(
                        "negative height sigma",
                        b -> b.setSigmaAltM(-2),
                        "sigma_alt_m must be finite and >= 0, was -2.0"),
                bad(
                        "NaN height sigma",
                        b -> b.setSigmaAltM(Double.NaN),
                        "sigma_alt_m must be finite and >= 0, was NaN"),
                bad(
                        "unspecified status",
                        b -> b.clearStatus(),
                        "status is required (was TRACK_STATUS_UNSPECIFIED)"),
                bad(
                        "status from a newer schema",
                        b -> b.setStatusValue(17),
                        "status has unknown value 17"),
                bad("no time", b -> b.clearTime(), "time is required"),
                bad(
                        "last cooperative time out of range",
                        b -> b.setLastCooperativeTime(ts(0, -1)),
                        "last_cooperative_time must lie in 0001-01-01..9999-12-31"),
                bad(
                        "nanos out of range",
                        b -> b.setTime(ts(0, 1_000_000_000)),
                        "time must lie in 0001-01-01..9999-12-31"),
                bad("no position", b -> b.clearPosition(), "position is required"),
                bad(
                        "latitude out of range",
                        b -> b.setPosition(geo(-90.5, 0, 0)),
                        "position.lat_deg must be in [-90, 90], was -90.5"),
                bad(
                        "velocity infinite",
                        b ->
                                b.setVelocity(
                                        VelocityEnu.newBuilder()
                                                .setUpMps(Double.NEGATIVE_INFINITY)),
                        "velocity.up_mps must be finite, was -Infinity"),
                bad(
                        "covariance of 9 values",
                        b -> b.addAllCovarianceEnu(values(9, 1.0)),
                        "covariance_enu must hold 16 values (4x4 row-major) or none, had 9"),
                bad(
                        "covariance with NaN",
                        b -> b.addAllCovarianceEnu(withAt(7, Double.NaN)),
                        "covariance_enu[7] must be finite, was NaN"),
                bad(
                        "negative variance",
                        b -> b.addAllCovarianceEnu(withAt(10, -1.0)),
                        "covariance_enu diagonal element [2][2] must be >= 0, was -1.0"),
                bad(
                        "asymmetric covariance",
                        b -> b.addAllCovarianceEnu(withAt(1, 5.0)),
                        "covariance_enu must be symmetric, but [0][1]=5.0 and [1][0]=0.0"),
                bad(
                        "blank sensor id",
                        b -> b.addSensorIds("radar-1").addSensorIds(""),
                        "sensor_ids[1] is blank"),
                bad("blank partner id", b -> b.addPartnerIds(" "), "partner_ids[0] is blank"),
                bad(
                        "lower-case country",
                        b -> b.setCountryIsoA3("usa"),
                        "country_iso_a3 must be empty or three upper-case letters, was \"usa\""),
                bad(
                        "two-letter country",
                        b -> b.setCountryIsoA3("US"),
                        "country_iso_a3 must be empty or three upper-case letters, was \"US\""),
                bad("blank zone", b -> b.addZones(""), "zones[0] is blank"),
                bad("no marking", b -> b.clearMarking(), "marking is required"),
                bad(
                        "confidence negative",
                        b ->
                                b.setClassification(
                                        io.cordon.proto.v1.Classification.newBuilder()
                                                .setConfidence(-0.1)),
                        "classification.confidence must be in [0, 1], was -0.1"),
                bad(
                        "update count beyond a long",
                        b -> b.setUpdateCount(-1L),
                        "update_count must be at most 2^63 - 1, was 18446744073709551615"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTracks")
    void invalidValuesAreRefusedWithAReason(
            String name,
            UnaryOperator<io.cordon.proto.v1.EntityTrack.Builder> breakIt,
            String expectedReason) {
        io.cordon.proto.v1.EntityTrack proto = breakIt.apply(minimal()).build();

        DecodeResult<EntityTrack> result = EntityTrackCodec.parse(proto.toByteArray());

        assertThat(result).isInstanceOf(DecodeResult.Failed.class);
        assertThat(((DecodeResult.Failed<EntityTrack>) result).reason()).startsWith(expectedReason);
    }

    @Test
    void tinyAsymmetryFromRoundingIsAccepted() {
        List<Double> nearlySymmetric = withAt(1, 1e-12);

        assertThat(
                        EntityTrackCodec.fromProto(
                                        minimal().addAllCovarianceEnu(nearlySymmetric).build())
                                .isOk())
                .isTrue();
    }

    @Test
    void garbageBytesAreRefusedWithoutThrowing() {
        assertThat(EntityTrackCodec.parse(new byte[] {0x0A, 0x7F, 0x01}))
                .isInstanceOfSatisfying(
                        DecodeResult.Failed.class,
                        f -> assertThat(f.reason()).startsWith("not a cordon.v1.EntityTrack: "));
        assertThat(EntityTrackCodec.parse(null)).isInstanceOf(DecodeResult.Failed.class);
        assertThat(EntityTrackCodec.fromProto(null)).isInstanceOf(DecodeResult.Failed.class);

        Random random = new Random(7L);
        for (int i = 0; i < 2_000; i++) {
            byte[] bytes = new byte[random.nextInt(120)];
            random.nextBytes(bytes);
            assertThat(EntityTrackCodec.parse(bytes).isOk()).isFalse();
        }
    }

    private static Arguments bad(
            String name,
            UnaryOperator<io.cordon.proto.v1.EntityTrack.Builder> breakIt,
            String expectedReason) {
        return arguments(name, breakIt, expectedReason);
    }

    private static List<Double> values(int n, double v) {
        return IntStream.range(0, n).mapToObj(i -> v).toList();
    }

    /** A diagonal unit covariance with one element replaced. */
    private static List<Double> withAt(int index, double value) {
        return IntStream.range(0, 16)
                .mapToObj(i -> i == index ? value : (i % 5 == 0 ? 1.0 : 0.0))
                .toList();
    }
}
