package io.cordon.pipeline.flink.codec;

import static io.cordon.pipeline.flink.codec.CodecFixtures.positionObservation;
import static io.cordon.pipeline.flink.codec.CodecFixtures.radarObservation;
import static io.cordon.pipeline.flink.codec.CodecFixtures.sensorTrackObservation;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Timestamp;
import com.google.protobuf.UnknownFieldSet;
import io.cordon.pipeline.observation.Observation;
import io.cordon.proto.v1.Classification;
import io.cordon.proto.v1.CooperativeIdentity;
import io.cordon.proto.v1.EnuCovariance2;
import io.cordon.proto.v1.EnuVelocityCovariance2;
import io.cordon.proto.v1.GeoPosition;
import io.cordon.proto.v1.GeodeticPosition;
import io.cordon.proto.v1.Marking;
import io.cordon.proto.v1.Provenance;
import io.cordon.proto.v1.RadarPolarPlot;
import io.cordon.proto.v1.SensorTrackUpdate;
import io.cordon.proto.v1.VelocityEnu;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link ObservationWire} against the generated parser: on every input, valid or not, {@link
 * ObservationCodec#parse} (the direct reader first) gives exactly what the generated path gives,
 * the same observation (records compare every double bit for bit) or the same refusal.
 */
class ObservationWireTest {

    private static Observation value(DecodeResult<Observation> r) {
        return r instanceof DecodeResult.Ok<Observation> ok ? ok.value() : null;
    }

    /** Asserts both paths agree; returns whether the direct reader took the input. */
    private static boolean agree(byte[] bytes) {
        DecodeResult<Observation> reference = ObservationCodec.parseGenerated(bytes);
        DecodeResult<Observation> parsed = ObservationCodec.parse(bytes);
        assertThat(parsed).as("bytes %s", Arrays.toString(bytes)).isEqualTo(reference);
        Observation direct = ObservationWire.read(bytes);
        if (direct != null) {
            // the direct reader takes only what the generated path accepts, as the same value
            assertThat(value(reference)).isEqualTo(direct);
        }
        return direct != null;
    }

    @Test
    void readsTheFixturesOfEveryMeasurementKindDirectly() {
        for (Observation o :
                new Observation[] {
                    radarObservation(), positionObservation(), sensorTrackObservation()
                }) {
            byte[] bytes = ObservationCodec.toBytes(o);
            assertThat(ObservationWire.read(bytes)).isEqualTo(o);
            assertThat(agree(bytes)).isTrue();
        }
    }

    @Test
    void randomObservationsValidOrNotGiveWhatTheGeneratedParserGives() {
        Random random = new Random(20261129);
        int direct = 0;
        int valid = 0;
        int n = 20_000;
        for (int i = 0; i < n; i++) {
            byte[] bytes = randomObservation(random).build().toByteArray();
            if (ObservationCodec.parseGenerated(bytes).isOk()) {
                valid++;
            }
            if (agree(bytes)) {
                direct++;
            }
        }
        // both outcomes drawn often enough to mean something, and every valid one in the
        // usual encoding taken directly
        assertThat(valid).isBetween(n / 20, n - n / 20);
        assertThat(direct).isEqualTo(valid);
    }

    @Test
    void mutatedBytesGiveWhatTheGeneratedParserGives() {
        Random random = new Random(7);
        int directAfterMutation = 0;
        for (int i = 0; i < 20_000; i++) {
            byte[] bytes = validObservation(random).build().toByteArray();
            byte[] m = bytes.clone();
            switch (random.nextInt(4)) {
                case 0 -> m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                case 1 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
                case 2 -> m = Arrays.copyOf(m, random.nextInt(m.length));
                default -> {
                    int at = random.nextInt(m.length + 1);
                    byte[] extra = new byte[1 + random.nextInt(4)];
                    random.nextBytes(extra);
                    byte[] grown = new byte[m.length + extra.length];
                    System.arraycopy(m, 0, grown, 0, at);
                    System.arraycopy(extra, 0, grown, at, extra.length);
                    System.arraycopy(m, at, grown, at + extra.length, m.length - at);
                    m = grown;
                }
            }
            if (agree(m) && !Arrays.equals(m, bytes)) {
                directAfterMutation++;
            }
        }
        // a changed double or character is still a valid observation, read directly
        assertThat(directAfterMutation).isGreaterThan(1_000);
    }

    @Test
    void concatenatedMessagesAreMergedAsProtobufMergesThem() {
        Random random = new Random(11);
        for (int i = 0; i < 5_000; i++) {
            byte[] a = validObservation(random).build().toByteArray();
            byte[] b = randomObservation(random).build().toByteArray();
            byte[] ab = new byte[a.length + b.length];
            System.arraycopy(a, 0, ab, 0, a.length);
            System.arraycopy(b, 0, ab, a.length, b.length);
            agree(ab);
        }
    }

    @Test
    void unusualEncodingsGoToTheGeneratedParser() throws IOException {
        Random random = new Random(3);
        byte[] valid = validObservation(random).build().toByteArray();
        assertThat(agree(valid)).isTrue();

        // an unknown field: kept by protobuf, not this reader's case
        byte[] unknown =
                validObservation(random)
                        .setUnknownFields(
                                UnknownFieldSet.newBuilder()
                                        .addField(
                                                99,
                                                UnknownFieldSet.Field.newBuilder()
                                                        .addVarint(5)
                                                        .build())
                                        .build())
                        .build()
                        .toByteArray();
        assertThat(agree(unknown)).isFalse();
        assertThat(ObservationCodec.parse(unknown).isOk()).isTrue();

        // a scalar field written twice: the last one wins in protobuf
        ByteArrayOutputStream twice = new ByteArrayOutputStream();
        twice.write(valid);
        CodedOutputStream out = CodedOutputStream.newInstance(twice);
        out.writeString(1, "second-id");
        out.flush();
        assertThat(agree(twice.toByteArray())).isFalse();
        assertThat(value(ObservationCodec.parse(twice.toByteArray())).observationId())
                .isEqualTo("second-id");

        // an observation id that is not UTF-8: refused, with the generated parser's message
        ByteArrayOutputStream badUtf8 = new ByteArrayOutputStream();
        CodedOutputStream o2 = CodedOutputStream.newInstance(badUtf8);
        o2.writeByteArray(1, new byte[] {'a', (byte) 0xc3, '(', 'b'});
        o2.flush();
        badUtf8.write(validObservation(random).clearObservationId().build().toByteArray());
        assertThat(agree(badUtf8.toByteArray())).isFalse();
        assertThat(ObservationCodec.parse(badUtf8.toByteArray()).isOk()).isFalse();

        // an event time before 1970: a ten-byte varint, valid, read by the generated parser
        byte[] early =
                validObservation(random)
                        .setEventTime(Timestamp.newBuilder().setSeconds(-86_400).setNanos(5))
                        .build()
                        .toByteArray();
        assertThat(agree(early)).isFalse();
        assertThat(value(ObservationCodec.parse(early)).eventTime().getEpochSecond())
                .isEqualTo(-86_400);

        // a non-ASCII partner: valid UTF-8, left to the generated parser
        byte[] accented =
                validObservation(random)
                        .setProvenance(
                                Provenance.newBuilder()
                                        .setPartnerId("méx-semar")
                                        .setSensorId("radar-ñ")
                                        .setSensorKindValue(1))
                        .build()
                        .toByteArray();
        assertThat(agree(accented)).isFalse();
        assertThat(value(ObservationCodec.parse(accented)).partnerId()).isEqualTo("méx-semar");
    }

    // --- random inputs: each field present or not, its value valid, at an edge, or invalid ---

    private static final double[] EDGES = {
        0.0,
        -0.0,
        1.0,
        -1.0,
        90.0,
        -90.0,
        180.0,
        -180.0,
        359.999,
        360.0,
        1e-300,
        Double.NaN,
        Double.POSITIVE_INFINITY,
        Double.NEGATIVE_INFINITY,
        1e300,
        0.5
    };

    private static final String[] TEXTS = {
        "", " ", "\t", "a", "us-cbp", "mx-semar", "x y", "radar-1"
    };

    private static double d(Random r, double lo, double hi) {
        return r.nextInt(6) == 0 ? EDGES[r.nextInt(EDGES.length)] : lo + (hi - lo) * r.nextDouble();
    }

    private static String text(Random r) {
        return r.nextInt(3) == 0 ? TEXTS[r.nextInt(TEXTS.length)] : "id-" + r.nextInt(1000);
    }

    private static boolean maybe(Random r, int outOf) {
        return r.nextInt(outOf) != 0;
    }

    private static GeoPosition geo(Random r) {
        GeoPosition.Builder b = GeoPosition.newBuilder();
        if (maybe(r, 8)) {
            b.setLatDeg(d(r, -89, 89));
        }
        if (maybe(r, 8)) {
            b.setLonDeg(d(r, -179, 179));
        }
        if (maybe(r, 3)) {
            b.setAltM(d(r, -100, 3000));
        }
        return b.build();
    }

    private static GeodeticPosition geodetic(Random r) {
        GeodeticPosition.Builder b = GeodeticPosition.newBuilder();
        if (maybe(r, 12)) {
            b.setPosition(geo(r));
        }
        if (maybe(r, 12)) {
            b.setCovariance(
                    EnuCovariance2.newBuilder()
                            .setEeM2(d(r, 1, 400))
                            .setEnM2(d(r, -20, 20))
                            .setNnM2(d(r, 1, 400)));
        }
        if (r.nextInt(3) == 0) {
            b.setSigmaAltM(d(r, 1, 50));
        }
        return b.build();
    }

    private static RadarPolarPlot radar(Random r) {
        RadarPolarPlot.Builder b = RadarPolarPlot.newBuilder();
        if (maybe(r, 12)) {
            b.setSensorPosition(geo(r));
        }
        b.setRangeM(d(r, 0, 60_000))
                .setAzimuthDeg(d(r, 0, 360))
                .setSigmaRangeM(d(r, 1, 50))
                .setSigmaAzimuthDeg(d(r, 0.05, 1));
        if (r.nextInt(3) == 0) {
            b.setElevationDeg(d(r, -10, 60));
        }
        if (r.nextInt(4) == 0) {
            b.setSigmaElevationDeg(d(r, 0.05, 1));
        }
        if (r.nextInt(4) == 0) {
            b.setRangeBiasM(d(r, -30, 30));
        }
        if (r.nextInt(4) == 0) {
            b.setAzimuthBiasDeg(d(r, -2, 2));
        }
        return b.build();
    }

    private static VelocityEnu velocity(Random r) {
        return VelocityEnu.newBuilder()
                .setEastMps(d(r, -30, 30))
                .setNorthMps(d(r, -30, 30))
                .setUpMps(maybe(r, 3) ? 0 : d(r, -5, 5))
                .build();
    }

    private static io.cordon.proto.v1.Observation.Builder randomObservation(Random r) {
        io.cordon.proto.v1.Observation.Builder b = io.cordon.proto.v1.Observation.newBuilder();
        if (maybe(r, 15)) {
            b.setObservationId(text(r));
        }
        if (maybe(r, 15)) {
            Provenance.Builder p = Provenance.newBuilder();
            if (maybe(r, 10)) {
                p.setPartnerId(text(r));
            }
            if (maybe(r, 10)) {
                p.setSensorId(text(r));
            }
            // 0 (unset), the known kinds, and numbers this build does not know
            p.setSensorKindValue(maybe(r, 10) ? 1 + r.nextInt(8) : r.nextInt(3) * 50);
            b.setProvenance(p);
        }
        if (maybe(r, 15)) {
            long seconds =
                    maybe(r, 20)
                            ? 1_700_000_000L + r.nextInt(100_000_000)
                            : (r.nextBoolean() ? 253_402_300_800L : 253_402_300_799L);
            int nanos = maybe(r, 20) ? r.nextInt(1_000_000_000) : 1_000_000_000;
            b.setEventTime(Timestamp.newBuilder().setSeconds(seconds).setNanos(nanos));
        }
        switch (r.nextInt(7)) {
            case 0, 1 -> b.setRadarPlot(radar(r));
            case 2, 3, 4 -> b.setPosition(geodetic(r));
            case 5 -> {
                SensorTrackUpdate.Builder s = SensorTrackUpdate.newBuilder();
                if (maybe(r, 10)) {
                    s.setLocalTrackId(text(r));
                }
                if (maybe(r, 10)) {
                    s.setEstimate(geodetic(r));
                }
                if (r.nextBoolean()) {
                    s.setVelocity(velocity(r));
                }
                if (r.nextInt(3) == 0) {
                    s.setVelocityCovariance(
                            EnuVelocityCovariance2.newBuilder()
                                    .setEeM2Ps2(d(r, 0.1, 4))
                                    .setEnM2Ps2(d(r, -0.5, 0.5))
                                    .setNnM2Ps2(d(r, 0.1, 4)));
                }
                b.setSensorTrack(s);
            }
            default -> {} // no measurement
        }
        if (r.nextInt(3) == 0) {
            b.setVelocity(velocity(r));
        }
        if (r.nextInt(3) == 0) {
            b.setIdentity(
                    CooperativeIdentity.newBuilder()
                            .setMmsi(r.nextBoolean() ? "" : "2470" + r.nextInt(100_000))
                            .setIcao24(r.nextBoolean() ? "" : "A1B2C" + r.nextInt(10))
                            .setCallsign(r.nextBoolean() ? "" : text(r))
                            .setCotUid(r.nextBoolean() ? "" : text(r)));
        }
        if (r.nextInt(3) == 0) {
            b.setClassification(
                    Classification.newBuilder()
                            .setTargetClassValue(r.nextInt(12))
                            .setConfidence(d(r, 0, 1)));
        }
        if (maybe(r, 15)) {
            Marking.Builder m = Marking.newBuilder();
            if (r.nextBoolean()) {
                m.setReleasableToAll(true);
            }
            int partners = r.nextInt(4) == 0 ? 1 + r.nextInt(3) : 0;
            for (int i = 0; i < partners; i++) {
                m.addPartners(r.nextInt(5) == 0 ? " " : TEXTS[4 + r.nextInt(2)]);
            }
            b.setMarking(m);
        }
        return b;
    }

    /** A random observation that the generated path accepts. */
    private static io.cordon.proto.v1.Observation.Builder validObservation(Random r) {
        while (true) {
            io.cordon.proto.v1.Observation.Builder b = randomObservation(r);
            if (ObservationCodec.parseGenerated(b.build().toByteArray()).isOk()) {
                return b;
            }
        }
    }
}
