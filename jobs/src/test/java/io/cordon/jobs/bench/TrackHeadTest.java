package io.cordon.jobs.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.cordon.proto.v1.EntityTrack;
import io.cordon.proto.v1.GeoPosition;
import io.cordon.proto.v1.Marking;
import io.cordon.proto.v1.TrackStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link TrackHead} reads what the generated parser reads, on any bytes it accepts. */
class TrackHeadTest {
    private static final TrackStatus[] STATUSES = {
        TrackStatus.TRACK_STATUS_UNSPECIFIED,
        TrackStatus.TRACK_STATUS_TENTATIVE,
        TrackStatus.TRACK_STATUS_CONFIRMED,
        TrackStatus.TRACK_STATUS_COASTING,
        TrackStatus.TRACK_STATUS_DELETED
    };

    private static EntityTrack track(Random r) {
        EntityTrack.Builder b = EntityTrack.newBuilder();
        if (r.nextInt(5) != 0) {
            b.setTrackId(
                    r.nextBoolean() ? "trk-" + r.nextInt(10_000) : "trk-\u00e9\u4e2d\ud83d\ude80");
        }
        b.setStatus(STATUSES[r.nextInt(STATUSES.length)]);
        if (r.nextInt(6) != 0) {
            long seconds =
                    switch (r.nextInt(4)) {
                        case 0 -> 0;
                        case 1 -> -r.nextInt(1_000_000_000); // before 1970: a 10-byte varint
                        default -> 1_795_000_000L + r.nextInt(1_000_000);
                    };
            b.setTime(
                    Timestamp.newBuilder()
                            .setSeconds(seconds)
                            .setNanos(r.nextBoolean() ? 0 : r.nextInt(1_000_000_000)));
        }
        if (r.nextBoolean()) {
            b.setPosition(
                    GeoPosition.newBuilder().setLatDeg(r.nextDouble()).setLonDeg(-r.nextDouble()));
        }
        for (int i = r.nextInt(17); i > 0; i--) {
            b.addCovarianceEnu(r.nextGaussian());
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.addSensorIds("radar-" + i);
        }
        b.setUpdateCount(r.nextInt(1000));
        b.setMarking(Marking.newBuilder().setReleasableToAll(r.nextBoolean()));
        return b.build();
    }

    private static void assertSameAsGenerated(byte[] bytes) throws IOException {
        EntityTrack expected = EntityTrack.parseFrom(bytes);
        assertSameAs(expected, TrackHead.parse(ByteBuffer.wrap(bytes)));
        // as a consumer hands a value over without copying it: a slice of a larger buffer, heap
        // or direct, whose position stays where it was
        for (boolean direct : new boolean[] {false, true}) {
            ByteBuffer fetched =
                    direct
                            ? ByteBuffer.allocateDirect(bytes.length + 11)
                            : ByteBuffer.allocate(bytes.length + 11);
            fetched.put(new byte[] {1, 2, 3, 4, 5, 6, 7}).put(bytes).put(new byte[] {9, 9, 9, 9});
            ByteBuffer value = fetched.position(7).limit(7 + bytes.length).slice();
            assertSameAs(expected, TrackHead.parse(value));
            assertThat(value.position()).isZero();
            assertThat(value.remaining()).isEqualTo(bytes.length);
        }
    }

    private static void assertSameAs(EntityTrack expected, TrackHead head) {
        assertThat(head.trackId()).isEqualTo(expected.getTrackId());
        assertThat(head.deleted())
                .isEqualTo(expected.getStatus() == TrackStatus.TRACK_STATUS_DELETED);
        assertThat(head.timeMs())
                .isEqualTo(
                        expected.getTime().getSeconds() * 1000
                                + expected.getTime().getNanos() / 1_000_000);
    }

    @Test
    void readsWhatTheGeneratedParserReads() throws IOException {
        Random r = new Random(28);
        int deleted = 0;
        for (int i = 0; i < 2000; i++) {
            EntityTrack t = track(r);
            deleted += t.getStatus() == TrackStatus.TRACK_STATUS_DELETED ? 1 : 0;
            assertSameAsGenerated(t.toByteArray());
        }
        assertThat(deleted).isGreaterThan(100);
    }

    @Test
    void concatenatedMessagesMergeAsTheGeneratedParserMergesThem() throws IOException {
        // fields out of number order, given twice, the time message merged field by field
        Random r = new Random(29);
        for (int i = 0; i < 500; i++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int j = 1 + r.nextInt(3); j > 0; j--) {
                track(r).writeTo(bytes);
            }
            assertSameAsGenerated(bytes.toByteArray());
        }
    }

    @Test
    void bytesTheGeneratedParserRefusesAreRefused() {
        byte[] valid = track(new Random(30)).toBuilder().setTrackId("trk-1").build().toByteArray();
        byte[] truncated = java.util.Arrays.copyOf(valid, valid.length - 1);
        byte[] badUtf8 = {0x0a, 0x02, (byte) 0xc3, 0x28}; // track_id: an invalid UTF-8 sequence
        byte[] endGroup = {0x0c}; // an end-group tag of field 1 outside any group

        for (byte[] bad : new byte[][] {truncated, badUtf8, endGroup}) {
            assertThatThrownBy(() -> EntityTrack.parseFrom(bad))
                    .isInstanceOf(InvalidProtocolBufferException.class);
            assertThatThrownBy(() -> TrackHead.parse(ByteBuffer.wrap(bad)))
                    .isInstanceOf(InvalidProtocolBufferException.class);
        }
    }
}
