package io.cordon.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {
    private long now;
    private final List<Long> sleeps = new ArrayList<>();
    private final Pacer pacer =
            new Pacer(
                    () -> now,
                    nanos -> {
                        sleeps.add(nanos);
                        now += nanos;
                    });

    @Test
    void holdsEachRecordUntilItsEventTimeOffsetHasPassed() throws InterruptedException {
        Instant t0 = Instant.parse("2024-05-01T12:00:00Z");
        pacer.await(t0);
        pacer.await(t0.plusSeconds(2));
        now += 500_000_000L; // decoding took half a second
        pacer.await(t0.plusSeconds(3));
        assertThat(sleeps).containsExactly(2_000_000_000L, 500_000_000L);
    }

    @Test
    void lateOrEarlierRecordsGoAtOnce() throws InterruptedException {
        Instant t0 = Instant.parse("2024-05-01T12:00:00Z");
        pacer.await(t0);
        now += 5_000_000_000L;
        pacer.await(t0.plusSeconds(1));
        pacer.await(t0.minusSeconds(10));
        assertThat(sleeps).isEmpty();
    }
}
