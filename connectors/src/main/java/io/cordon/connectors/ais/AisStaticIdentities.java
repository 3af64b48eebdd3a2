package io.cordon.connectors.ais;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one feed's static reports (message 5, message 24 part B) said about each MMSI: its call
 * sign, for the position reports that follow, which carry the MMSI only.
 *
 * <p>Bounded two ways, both on the feed's own receive times (never a clock), so the result depends
 * on the input alone:
 *
 * <ul>
 *   <li>at most {@code maxVessels} MMSIs; beyond that the one whose static report came longest ago
 *       is forgotten. {@value #DEFAULT_MAX_VESSELS} covers a terrestrial receiver (a few thousand
 *       MMSIs) with a wide margin and most of a day of a global satellite feed, at roughly 150
 *       bytes an entry (about 15 MB when full);
 *   <li>a call sign received more than {@code maxAge} before a position report is not attached, and
 *       is dropped. Class A stations send message 5 and class B stations message 24 every 6
 *       minutes, so 24 hours is 240 missed reports: the vessel has left the receiver's range or the
 *       MMSI has been reassigned to another station since.
 * </ul>
 *
 * <p>A static report with an empty call sign ("not available") or without a receive time changes
 * nothing. Not thread-safe: one per feed.
 */
final class AisStaticIdentities {
    static final int DEFAULT_MAX_VESSELS = 100_000;
    static final Duration DEFAULT_MAX_AGE = Duration.ofHours(24);

    private record Entry(String callsign, Instant receivedAt) {}

    private final int maxVessels;
    private final Duration maxAge;

    /** In the order of the last static report per MMSI, oldest first. */
    private final LinkedHashMap<Integer, Entry> byMmsi = new LinkedHashMap<>();

    private Instant newest;

    AisStaticIdentities(int maxVessels, Duration maxAge) {
        if (maxVessels < 1) {
            throw new IllegalArgumentException("maxVessels must be >= 1, was " + maxVessels);
        }
        if (maxAge == null || maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("maxAge must be positive, was " + maxAge);
        }
        this.maxVessels = maxVessels;
        this.maxAge = maxAge;
    }

    /** Remembers the call sign an MMSI sent in a static report received at {@code receivedAt}. */
    void remember(int mmsi, String callsign, Instant receivedAt) {
        if (callsign == null || callsign.isBlank() || receivedAt == null) {
            return;
        }
        byMmsi.remove(mmsi); // re-inserted last: the most recent report
        byMmsi.put(mmsi, new Entry(callsign.strip(), receivedAt));
        if (newest == null || receivedAt.isAfter(newest)) {
            newest = receivedAt;
        }
        Iterator<Map.Entry<Integer, Entry>> oldest = byMmsi.entrySet().iterator();
        while (byMmsi.size() > maxVessels) {
            oldest.next();
            oldest.remove();
        }
        // entries are in (almost) receive time order: drop the expired ones at the head
        while (oldest.hasNext()) {
            if (!expired(oldest.next().getValue(), newest)) {
                break;
            }
            oldest.remove();
        }
    }

    /**
     * The call sign of {@code mmsi} for a position report received at {@code at}; empty when none
     * is known or it is older than the age limit.
     */
    String callsign(int mmsi, Instant at) {
        Entry e = byMmsi.get(mmsi);
        if (e == null) {
            return "";
        }
        if (at != null && expired(e, at)) {
            byMmsi.remove(mmsi);
            return "";
        }
        return e.callsign;
    }

    /** How many MMSIs are remembered. */
    int size() {
        return byMmsi.size();
    }

    private boolean expired(Entry e, Instant at) {
        return Duration.between(e.receivedAt, at).compareTo(maxAge) > 0;
    }
}
