package io.cordon.connectors.runtime;

import java.time.Instant;
import java.util.function.LongSupplier;

/**
 * Real-time replay: holds each record back until as much wall time has passed since the first
 * record as event time has. Records whose event time is before the first one's, or that are already
 * late, go at once (a replay never reorders). Not thread-safe: one per replay.
 */
public final class Pacer {
    /** Sleeps for the given nanoseconds. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final LongSupplier nanoClock;
    private final Sleeper sleeper;
    private Instant firstEvent;
    private long firstNanos;

    public Pacer() {
        this(System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    public Pacer(LongSupplier nanoClock, Sleeper sleeper) {
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /** Waits until the record with this event time is due. */
    public void await(Instant eventTime) throws InterruptedException {
        long now = nanoClock.getAsLong();
        if (firstEvent == null) {
            firstEvent = eventTime;
            firstNanos = now;
            return;
        }
        long dueNanos;
        try {
            dueNanos = firstNanos + java.time.Duration.between(firstEvent, eventTime).toNanos();
        } catch (ArithmeticException e) {
            return; // centuries apart: not a replay to pace
        }
        long wait = dueNanos - now;
        if (wait > 0) {
            sleeper.sleepNanos(wait);
        }
    }
}
