package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.observation.Observation;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The snapshot's lock-free buffer ({@link TrackerSnapshot.Bytes}) and its first size. */
class TrackerSnapshotBytesTest {
    @Test
    void bytesHoldsWhatByteArrayOutputStreamHoldsForTheSameWrites() {
        Random random = new Random(7);
        TrackerSnapshot.Bytes bytes = new TrackerSnapshot.Bytes(1);
        ByteArrayOutputStream reference = new ByteArrayOutputStream();
        for (int i = 0; i < 5_000; i++) {
            if (random.nextBoolean()) {
                int b = random.nextInt();
                bytes.write(b);
                reference.write(b);
            } else {
                byte[] chunk = new byte[random.nextInt(300)];
                random.nextBytes(chunk);
                int off = chunk.length == 0 ? 0 : random.nextInt(chunk.length);
                int len = random.nextInt(chunk.length - off + 1);
                bytes.write(chunk, off, len);
                reference.write(chunk, off, len);
            }
        }
        assertThat(bytes.toByteArray()).isEqualTo(reference.toByteArray());
        assertThat(new TrackerSnapshot.Bytes(64).toByteArray()).isEmpty();
        assertThatThrownBy(() -> bytes.write(new byte[4], 3, 2))
                .isInstanceOf(IndexOutOfBoundsException.class);
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
