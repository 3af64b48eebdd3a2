package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.observation.Observation;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The snapshot's writer ({@link TrackerSnapshot.Out}) and its first size. */
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
}
