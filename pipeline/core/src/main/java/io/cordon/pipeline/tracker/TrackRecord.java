package io.cordon.pipeline.tracker;

import io.cordon.pipeline.filter.ImmState;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.TreeSet;

/** The tracker's mutable record of one live track: estimate at its last update, and provenance. */
final class TrackRecord {
    final String id;
    TrackStatus status;

    /** Time of {@link #state}: the last update (or birth). */
    Instant time;

    ImmState state;

    /** Existence with visibility ({@link ExistenceModel}): visible, hidden, none; sum 1. */
    double pVisible;

    double pHidden;
    double pNone;

    /** Time the existence probabilities refer to. */
    Instant existenceTime;

    /** Looks in a row that missed the track while it was in view. */
    int consecutiveMisses;

    long updateCount;
    final TreeSet<String> sensorIds = new TreeSet<>();
    final TreeSet<String> partnerIds = new TreeSet<>();
    CooperativeIdentity identity = CooperativeIdentity.NONE;
    Classification classification = Classification.UNKNOWN;
    Marking marking = Marking.UNRESTRICTED;

    TrackRecord(String id, TrackStatus status, Instant time, ImmState state) {
        this.id = id;
        this.status = status;
        this.time = time;
        this.existenceTime = time;
        this.state = state;
    }

    double existence() {
        return pVisible + pHidden;
    }

    /** Adds an observation's provenance, identity, classification and marking. */
    void absorb(Observation o) {
        sensorIds.add(o.sensorId());
        partnerIds.add(o.partnerId());
        identity = identity.mergedWith(o.identity());
        if (o.classification().confidence() > classification.confidence()) {
            classification = o.classification();
        }
        marking = updateCount == 0 ? o.marking() : marking.intersect(o.marking());
        updateCount++;
    }

    /** True when an observation's cooperative identity contradicts the track's. */
    boolean conflictsWith(CooperativeIdentity other) {
        return differs(identity.mmsi(), other.mmsi())
                || differs(identity.icao24(), other.icao24())
                || differs(identity.callsign(), other.callsign());
    }

    /** True when an observation shares a non-empty cooperative identity with the track. */
    boolean sharesIdentityWith(CooperativeIdentity other) {
        return same(identity.mmsi(), other.mmsi())
                || same(identity.icao24(), other.icao24())
                || same(identity.callsign(), other.callsign());
    }

    private static boolean differs(String a, String b) {
        return !a.isEmpty() && !b.isEmpty() && !a.equals(b);
    }

    private static boolean same(String a, String b) {
        return !a.isEmpty() && a.equals(b);
    }

    boolean isConfirmed() {
        return status == TrackStatus.CONFIRMED || status == TrackStatus.COASTING;
    }
}
