package io.cordon.pipeline.tracker;

import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.SortedNames;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.TreeSet;

/**
 * The tracker's mutable record of one live track: its IMM estimate at its last update (flat, see
 * {@link io.cordon.pipeline.filter.FlatImm}) with the moment-matched Gaussian of it, existence, and
 * provenance, and its height ({@link TrackHeight}) when observations have measured one.
 */
final class TrackRecord {
    final String id;
    TrackStatus status;

    /** Time of {@link #state}: the last update (or birth). */
    Instant time;

    /** {@link #time} in nanoseconds since the epoch. */
    long timeNanos;

    /** When the track was started, ns since the epoch. */
    long birthNanos;

    /** IMM state (model probabilities, then one Gaussian block per model). */
    final double[] state;

    /** The moment-matched Gaussian block of {@link #state}. */
    final double[] combined = new double[io.cordon.pipeline.filter.FlatImm.GAUSSIAN];

    /** Existence with visibility ({@link ExistenceModel}): visible, hidden, none; sum 1. */
    double pVisible;

    double pHidden;
    double pNone;

    /** Time the existence probabilities refer to, ns since the epoch. */
    long existenceNanos;

    /** Looks in a row that missed the track while it was in view. */
    int consecutiveMisses;

    long updateCount;
    final TreeSet<String> sensorIds = new TreeSet<>();
    final TreeSet<String> partnerIds = new TreeSet<>();
    // Immutable copies of the two sets for the tracks emitted, made again only when a set has
    // grown (they only ever grow): most updates come from sensors the track already had. Null
    // when the set has changed since: every change to the sets goes through absorb or adopt, which
    // clear them (comparing the sizes instead walks four objects per emitted track, a cache miss
    // each with thousands of tracks).
    private SortedNames sensorView;
    private SortedNames partnerView;

    /**
     * Whether the tracker's row holds {@link #sensorIds} as {@link SensorBits} out of date (to be
     * computed again by the next in-view test that needs them): from birth and after the set has
     * grown. Only absorb and adopt change the set after birth.
     */
    boolean sensorBitsStale = true;

    CooperativeIdentity identity = CooperativeIdentity.NONE;
    Classification classification = Classification.UNKNOWN;
    // The IMM noise profile of the classification (MultiTargetTracker.syncNoise; 0: the
    // parameters' own process noise).
    int noiseProfile;
    Marking marking = Marking.UNRESTRICTED;

    /**
     * The height estimate ({@link TrackHeight}), null while no associated observation has carried a
     * height: the track is then published at the reference height.
     */
    TrackHeight height;

    /** Event time of the last fused cooperative (AIS, ADS-B) observation; null when none. */
    Instant lastCooperative;

    /** Event time of the last fused observation of any other sensor kind; null when none. */
    Instant lastNonCooperative;

    // Bookkeeping of the tracker (not part of the track's state): position in the birth order,
    // prediction slot and output position within the current call.
    int index;
    int slot = -1;
    long slotStamp = -1;
    int outputIndex;
    long outputStamp = -1;
    long checkedNanos;
    private String lastSensorId;
    private final String[] recentSensors = new String[4];
    private int recentCount;
    private String lastPartnerId;

    TrackRecord(String id, TrackStatus status, Instant time, int stateLength) {
        this.id = id;
        this.status = status;
        this.time = time;
        this.timeNanos = nanos(time);
        this.birthNanos = timeNanos;
        this.existenceNanos = timeNanos;
        this.checkedNanos = timeNanos;
        this.state = new double[stateLength];
    }

    /** {@link #sensorIds} as an immutable set, shared by the tracks emitted until it changes. */
    SortedNames sensorIdsView() {
        SortedNames v = sensorView;
        if (v == null) {
            v = SortedNames.of(sensorIds);
            sensorView = v;
        }
        return v;
    }

    /** {@link #partnerIds} as an immutable set, shared by the tracks emitted until it changes. */
    SortedNames partnerIdsView() {
        SortedNames v = partnerView;
        if (v == null) {
            v = SortedNames.of(partnerIds);
            partnerView = v;
        }
        return v;
    }

    static long nanos(Instant t) {
        return t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }

    double existence() {
        return pVisible + pHidden;
    }

    /** Adds an observation's provenance, identity, classification and marking. */
    void absorb(Observation o) {
        String sensor = o.sensorId();
        if (!sensor.equals(lastSensorId)) {
            // Tracks usually alternate between a few sensors: a short array of those seen spares
            // the sorted set a lookup on every update.
            boolean seen = false;
            for (int k = 0; k < recentCount && !seen; k++) {
                seen = recentSensors[k].equals(sensor);
            }
            if (!seen) {
                if (sensorIds.add(sensor)) {
                    sensorView = null;
                    sensorBitsStale = true;
                }
                if (recentCount < recentSensors.length) {
                    recentSensors[recentCount++] = sensor;
                }
            }
            lastSensorId = sensor;
        }
        String partner = o.partnerId();
        if (!partner.equals(lastPartnerId)) {
            if (partnerIds.add(partner)) {
                partnerView = null;
            }
            lastPartnerId = partner;
        }
        CooperativeIdentity other = o.identity();
        if (!other.isEmpty() && !other.equals(identity)) {
            identity = identity.mergedWith(other);
        }
        if (o.classification().confidence() > classification.confidence()) {
            classification = o.classification();
        }
        Marking m = o.marking();
        if (updateCount == 0) {
            marking = m;
        } else if (m != marking && !(m.releasableToAll() && marking.releasableToAll())) {
            marking = marking.intersect(m);
        }
        Instant t = o.eventTime();
        if (o.sensorKind().cooperative()) {
            lastCooperative = later(lastCooperative, t);
        } else {
            lastNonCooperative = later(lastNonCooperative, t);
        }
        updateCount++;
    }

    /**
     * Updates (or starts) the height with an observation assigned to the track at {@code nanos}; an
     * observation without a height leaves it as it is.
     */
    void measureHeight(Observation o, long nanos) {
        height = TrackHeight.updated(height, o, nanos);
    }

    /** As {@link #measureHeight(Observation, long)} with its height and one-sigma error known. */
    void measureHeight(double heightM, double sigmaM, long nanos) {
        height = TrackHeight.updated(height, heightM, sigmaM, nanos);
    }

    /**
     * Takes over the provenance of another track of the same entity (found again): sensors,
     * partners, identity, best classification, the intersection of markings, the update count, the
     * later of the provenance times.
     */
    void adopt(TrackRecord other) {
        if (sensorIds.addAll(other.sensorIds)) {
            sensorView = null;
            sensorBitsStale = true;
        }
        if (partnerIds.addAll(other.partnerIds)) {
            partnerView = null;
        }
        identity = identity.mergedWith(other.identity);
        if (other.classification.confidence() > classification.confidence()) {
            classification = other.classification;
        }
        marking = marking.intersect(other.marking);
        updateCount += other.updateCount;
        lastCooperative = later(lastCooperative, other.lastCooperative);
        lastNonCooperative = later(lastNonCooperative, other.lastNonCooperative);
        height = TrackHeight.merged(height, other.height);
        lastSensorId = null;
        lastPartnerId = null;
    }

    /** The later of two times, either of which may be null (never). */
    static Instant later(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        return b == null || !b.isAfter(a) ? a : b;
    }

    /**
     * Whether the track's target is known to transmit to a cooperative receiver of this kind: an
     * MMSI for AIS, an ICAO address for ADS-B (true for other kinds). A report such a receiver did
     * not get is evidence against a track only when it is: a target without a transponder is never
     * heard, so silence says nothing about it.
     */
    boolean transmitsTo(SensorKind kind) {
        return switch (kind) {
            case AIS -> !identity.mmsi().isEmpty();
            case ADSB -> !identity.icao24().isEmpty();
            default -> true;
        };
    }

    /** True when an observation's cooperative identity contradicts the track's. */
    boolean conflictsWith(CooperativeIdentity other) {
        if (other.isEmpty() || identity.isEmpty()) {
            return false;
        }
        return differs(identity.mmsi(), other.mmsi())
                || differs(identity.icao24(), other.icao24())
                || differs(identity.callsign(), other.callsign());
    }

    /** True when an observation shares a non-empty cooperative identity with the track. */
    boolean sharesIdentityWith(CooperativeIdentity other) {
        if (other.isEmpty() || identity.isEmpty()) {
            return false;
        }
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
