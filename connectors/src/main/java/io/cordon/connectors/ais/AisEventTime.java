package io.cordon.connectors.ais;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;

/**
 * The time a position report was taken, from its receive time and the UTC second it carries.
 *
 * <p>A report states only its second of the minute. The event time is the latest instant with that
 * second at or before the receive time plus a small allowance for receiver clock skew; reports that
 * took longer than a minute to arrive (store-and-forward satellite AIS) cannot be placed by their
 * second and should carry a TAG block time of reception close to the transmission.
 */
final class AisEventTime {
    /** Receiver clocks run ahead of or behind the transmitter's GNSS second by this much. */
    private static final long SKEW_ALLOWANCE_S = 5;

    private AisEventTime() {}

    static Instant of(Instant receivedAt, OptionalInt utcSecond) {
        if (utcSecond.isEmpty()) {
            return receivedAt;
        }
        Instant candidate =
                receivedAt.truncatedTo(ChronoUnit.MINUTES).plusSeconds(utcSecond.getAsInt());
        if (candidate.isAfter(receivedAt.plusSeconds(SKEW_ALLOWANCE_S))) {
            candidate = candidate.minusSeconds(60);
        }
        return candidate;
    }
}
