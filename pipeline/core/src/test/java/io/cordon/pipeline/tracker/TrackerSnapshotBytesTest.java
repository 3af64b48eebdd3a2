package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.observation.Observation;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The snapshot's writer ({@link TrackerSnapshot.Out}), its reader ({@link TrackerSnapshot.In}) and
 * its first size.
 */
class TrackerSnapshotBytesTest {
    @Test
    void outWritesWhatDataOutputStreamWritesForTheSameValues() throws IOException {
        Random random = new Random(7);
        TrackerSnapshot.Out out = new TrackerSnapshot.Out(1);
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(reference);
        double[] special = {
            Double.NaN,
            Double.longBitsToDouble(0x7FF8_0000_0000_0001L),
            -0.0,
            Double.POSITIVE_INFINITY,
            Double.MIN_VALUE,
            -Double.MAX_VALUE
        };
        for (int i = 0; i < 20_000; i++) {
            switch (random.nextInt(6)) {
                case 0 -> {
                    boolean v = random.nextBoolean();
                    out.writeBoolean(v);
                    data.writeBoolean(v);
                }
                case 1 -> {
                    int v = random.nextInt();
                    out.writeShort(v);
                    data.writeShort(v);
                }
                case 2 -> {
                    int v = random.nextInt();
                    out.writeInt(v);
                    data.writeInt(v);
                }
                case 3 -> {
                    long v = random.nextLong();
                    out.writeLong(v);
                    data.writeLong(v);
                }
                case 4 -> {
                    double v =
                            random.nextInt(4) == 0
                                    ? special[random.nextInt(special.length)]
                                    : random.nextGaussian() * 1e6;
                    out.writeDouble(v);
                    data.writeDouble(v);
                }
                default -> {
                    String v = randomString(random);
                    out.writeUTF(v);
                    data.writeUTF(v);
                }
            }
        }
        data.flush();
        assertThat(out.toByteArray()).isEqualTo(reference.toByteArray());
        assertThat(new TrackerSnapshot.Out(64).toByteArray()).isEmpty();
    }

    @Test
    void aStringLongerThanModifiedUtf8AllowsIsRefusedAndNothingIsWritten() {
        TrackerSnapshot.Out out = new TrackerSnapshot.Out(16);
        out.writeInt(42);
        String ascii = "a".repeat(65_535);
        String wide = "\u00e9".repeat(32_768); // two bytes each: 65 536
        out.writeUTF(ascii);
        assertThatThrownBy(() -> out.writeUTF(wide))
                .isInstanceOf(UncheckedIOException.class)
                .hasCauseInstanceOf(UTFDataFormatException.class)
                .hasMessageContaining("65536 bytes");
        assertThat(out.toByteArray()).hasSize(4 + 2 + 65_535);
    }

    @Test
    void inReadsWhatDataInputStreamReadsFromTheSameBytes() throws IOException {
        Random random = new Random(11);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(bytes);
        int[] kinds = new int[20_000];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = random.nextInt(6);
            switch (kinds[i]) {
                case 0 -> data.writeBoolean(random.nextBoolean());
                case 1 -> data.writeShort(random.nextInt());
                case 2 -> data.writeInt(random.nextInt());
                case 3 -> data.writeLong(random.nextLong());
                case 4 ->
                        data.writeDouble(
                                random.nextInt(4) == 0
                                        ? Double.longBitsToDouble(random.nextLong())
                                        : random.nextGaussian() * 1e6);
                default -> data.writeUTF(randomString(random));
            }
        }
        data.flush();
        byte[] written = bytes.toByteArray();
        TrackerSnapshot.In in = new TrackerSnapshot.In(written);
        DataInputStream reference = new DataInputStream(new ByteArrayInputStream(written));
        for (int kind : kinds) {
            switch (kind) {
                case 0 -> assertThat(in.readBoolean()).isEqualTo(reference.readBoolean());
                case 1 -> assertThat(in.readShort()).isEqualTo(reference.readShort());
                case 2 -> assertThat(in.readInt()).isEqualTo(reference.readInt());
                case 3 -> assertThat(in.readLong()).isEqualTo(reference.readLong());
                case 4 ->
                        assertThat(Double.doubleToRawLongBits(in.readDouble()))
                                .isEqualTo(Double.doubleToRawLongBits(reference.readDouble()));
                default -> assertThat(in.readUTF()).isEqualTo(reference.readUTF());
            }
            assertThat(in.available()).isEqualTo(reference.available());
        }
        assertThat(in.available()).isZero();
        assertThatThrownBy(in::readBoolean).isInstanceOf(EOFException.class);
    }

    @Test
    void inFailsAsDataInputStreamDoesOnMalformedAndTruncatedBytes() {
        // Random bytes after a byte count: malformed sequences (stray continuation bytes, 0xF0
        // and above, a lead byte without its continuations, a character cut by the end) must
        // fail with the same exception and message, and everything else decode to the same
        // string; a count beyond the bytes is end of input for both.
        Random random = new Random(5);
        int failures = 0;
        for (int i = 0; i < 20_000; i++) {
            int n = random.nextInt(12);
            byte[] body = new byte[n];
            for (int k = 0; k < n; k++) {
                body[k] =
                        (byte)
                                (random.nextInt(3) == 0
                                        ? 0x80 | random.nextInt(0x80)
                                        : random.nextInt(4) == 0
                                                ? 0xC0 | random.nextInt(0x40)
                                                : random.nextInt(0x80));
            }
            int declared = random.nextInt(8) == 0 ? n + 1 + random.nextInt(3) : n;
            byte[] buf = new byte[2 + n];
            buf[0] = (byte) (declared >>> 8);
            buf[1] = (byte) declared;
            System.arraycopy(body, 0, buf, 2, n);
            Object expected =
                    outcome(() -> new DataInputStream(new ByteArrayInputStream(buf)).readUTF());
            Object actual = outcome(() -> new TrackerSnapshot.In(buf).readUTF());
            assertThat(actual).as("bytes %s", java.util.Arrays.toString(buf)).isEqualTo(expected);
            if (!(expected instanceof String)) {
                failures++;
            }
        }
        assertThat(failures).as("malformed or truncated cases among 20 000").isGreaterThan(5_000);
    }

    private interface Read {
        String read() throws IOException;
    }

    /** The string read, or the failure's class and message. */
    private static Object outcome(Read read) {
        try {
            return read.read();
        } catch (IOException e) {
            return List.of(e.getClass().getName(), String.valueOf(e.getMessage()));
        }
    }

    /** Ids as they come: ASCII mostly, some NUL, Latin-1, CJK, emoji and lone surrogates. */
    private static String randomString(Random random) {
        int n = random.nextInt(40);
        StringBuilder b = new StringBuilder(n);
        boolean ascii = random.nextInt(3) > 0;
        for (int k = 0; k < n; k++) {
            if (ascii) {
                b.append((char) (0x20 + random.nextInt(0x5F)));
                continue;
            }
            switch (random.nextInt(6)) {
                case 0 -> b.append('\u0000');
                case 1 -> b.append((char) (0x80 + random.nextInt(0x780)));
                case 2 -> b.append((char) (0x800 + random.nextInt(0xD000)));
                case 3 -> b.appendCodePoint(0x1F600 + random.nextInt(64));
                case 4 -> b.append((char) (0xD800 + random.nextInt(0x800)));
                default -> b.append((char) (0x01 + random.nextInt(0x7F)));
            }
        }
        return b.toString();
    }

    @Test
    void theSnapshotIsTheSameWhateverTheBufferIsFirstSizedAndReadsBack() {
        TrackerParameters parameters = TrackerParameters.defaults();
        MultiTargetTracker tracker = new MultiTargetTracker(parameters, CrossingScenario.REF);
        List<List<Observation>> batches = CrossingScenario.batches(11, 160);
        for (List<Observation> batch : batches) {
            tracker.update(batch);
        }
        assertThat(tracker.liveTrackCount()).isPositive();
        byte[] snapshot = tracker.snapshot();
        for (int capacity : new int[] {1, snapshot.length, snapshot.length + 1, 1 << 20}) {
            assertThat(TrackerSnapshot.write(tracker, TrackerSnapshot.VERSION, capacity))
                    .as("first sized %d", capacity)
                    .isEqualTo(snapshot);
        }
        assertThat(MultiTargetTracker.restore(parameters, snapshot).snapshot()).isEqualTo(snapshot);
    }

    @Test
    void aCutDamagedOrLengthenedSnapshotFailsWithAClearErrorOrRestores() {
        TrackerParameters parameters = TrackerParameters.defaults();
        MultiTargetTracker tracker = new MultiTargetTracker(parameters, CrossingScenario.REF);
        for (List<Observation> batch : CrossingScenario.batches(3, 160)) {
            tracker.update(batch);
        }
        byte[] snapshot = tracker.snapshot();
        Random random = new Random(17);
        for (int i = 0; i < 400; i++) {
            int cut = random.nextInt(snapshot.length);
            assertThatThrownBy(
                            () ->
                                    MultiTargetTracker.restore(
                                            parameters, java.util.Arrays.copyOf(snapshot, cut)))
                    .as("cut at %d of %d", cut, snapshot.length)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThatThrownBy(
                        () ->
                                MultiTargetTracker.restore(
                                        parameters,
                                        java.util.Arrays.copyOf(snapshot, snapshot.length + 3)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("3 trailing bytes");
        int restored = 0;
        for (int i = 0; i < 2_000; i++) {
            byte[] damaged = snapshot.clone();
            for (int k = 1 + random.nextInt(3); k > 0; k--) {
                damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
            }
            try {
                MultiTargetTracker.restore(parameters, damaged);
                restored++;
            } catch (IllegalArgumentException expected) {
                assertThat(expected.getMessage()).isNotBlank();
            }
        }
        // Most single-byte changes land in a number and restore a different but valid tracker.
        assertThat(restored).isPositive();
    }
}
