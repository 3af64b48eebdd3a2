package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Stage 2 of tiled fusion: gives every tile's track (a <i>replica</i>) a global id and decides
 * which replica of an entity publishes, so that an entity keeps one id across tiles and is never
 * published twice at one time.
 *
 * <p>It sees, in event-time order, what {@link TileTracker} routes to it: each replica's first
 * update, its updates in the overlap zone, its first update back in the interior, and its deletion.
 * All updates of one event time are handled together in (tile, local id) order, so the result
 * depends neither on arrival order nor on parallelism.
 *
 * <p><b>Identity.</b> A replica's global id is fixed at its first update: (1) a replica of another
 * tile with the same local id started from the same observation, so it is the same entity: same
 * global id; (2) otherwise the replica is associated with the nearest replica of a neighbouring
 * tile (predicted to the time at constant velocity, Mahalanobis distance on position with both
 * covariances, within the chi-square gate and {@code maxGateDistanceM}; ties by global id), whose
 * entity has no replica in this tile yet; (3) otherwise it starts an entity whose global id is its
 * local id. Since (2) takes the neighbour's global id, identities pass on transitively: a target
 * that goes from tile A through B to C keeps A's id.
 *
 * <p><b>Re-mapping.</b> Later, a replica outside its interior takes another entity's id in two
 * cases: its tile's track went over to another target in the halo (it coincides with a neighbour's
 * replica of that entity while its own entity's replica there is elsewhere), or two tiles each hold
 * one track on one target under two entities (it coincides with a neighbour's confirmed replica of
 * another entity, neither entity has a confirmed replica in the other's tile, and it is the less
 * deep of the two in its own tile's core). The entity it leaves goes on with another eligible
 * replica; when there is none it ends, and the replica's decision names it ({@link
 * IdentityDecision#ends}) so that its deletion is published with the replica's update.
 *
 * <p><b>Ownership.</b> One replica per entity publishes. A new entity is published by its deepest
 * replica (largest {@link TileGrid#depthM depth} in its own tile's core). The owner keeps
 * publishing while its depth, predicted to the time, is at least {@code -handoverMarginM}
 * (hysteresis: a target moving along an edge does not flap between tiles); then the deepest replica
 * takes over if it is deeper. When the owner is deleted, the deepest remaining replica still inside
 * its tile's extended area takes over; if there is none the entity ends and the owner's deletion is
 * published. A replica whose last update was in its interior is still there (it would have reported
 * leaving it).
 *
 * <p>Not thread-safe. Its state is a versioned binary {@link #snapshot()}.
 */
public final class IdentityResolver {
    private static final int MAGIC = 0x43494452; // "CIDR"
    private static final short VERSION = 1;

    /**
     * @param handoverMarginM how far (m) beyond its core an owner keeps publishing, >= 0 and less
     *     than the halo
     * @param gateChiSquare association gate on the squared Mahalanobis distance of two replicas'
     *     positions (2 degrees of freedom), > 0
     * @param maxGateDistanceM association gate on the plain distance, m, > 0
     */
    public record Parameters(
            double handoverMarginM, double gateChiSquare, double maxGateDistanceM) {
        public Parameters {
            if (!(handoverMarginM >= 0) || !(gateChiSquare > 0) || !(maxGateDistanceM > 0)) {
                throw new IllegalArgumentException(
                        "need handoverMarginM >= 0, gateChiSquare > 0 and maxGateDistanceM > 0,"
                                + " were "
                                + handoverMarginM
                                + ", "
                                + gateChiSquare
                                + ", "
                                + maxGateDistanceM);
            }
        }

        /**
         * Half the halo as hand-over margin, the 99.99 % chi-square gate (2 dof) and the halo as
         * largest association distance.
         */
        public static Parameters defaultsFor(TileGrid grid) {
            return new Parameters(grid.haloM() / 2, 18.42, grid.haloM());
        }
    }

    /** Counters since construction (not part of the snapshot). */
    public record Stats(
            long updates,
            long replicas,
            long associations,
            long entities,
            long handovers,
            long remapped) {}

    private static final class Replica {
        final ReplicaKey key;
        String globalId;
        ReplicaState last;
        boolean interior;

        long cell = NO_CELL;

        Replica(ReplicaKey key, String globalId, ReplicaState last, boolean interior) {
            this.key = key;
            this.globalId = globalId;
            this.last = last;
            this.interior = interior;
        }
    }

    private static final class Entity {
        final TreeSet<ReplicaKey> replicas = new TreeSet<>();
        ReplicaKey owner;
    }

    private final TileGrid grid;
    private final Parameters parameters;
    private final TreeMap<ReplicaKey, Replica> replicas = new TreeMap<>();
    private final TreeMap<String, Entity> entities = new TreeMap<>();

    /**
     * Replicas outside their tile's interior by square cells of {@code maxGateDistanceM} at their
     * last position: a new replica is compared with those within two cells only.
     */
    private final Map<Long, TreeMap<ReplicaKey, Replica>> cells = new HashMap<>();

    private long updates, created, associations, newEntities, handovers, remapped;

    public IdentityResolver(TileGrid grid, Parameters parameters) {
        if (grid == null || parameters == null) {
            throw new IllegalArgumentException("grid and parameters are required");
        }
        if (parameters.handoverMarginM() >= grid.haloM()) {
            throw new IllegalArgumentException(
                    "handoverMarginM must be less than the halo ("
                            + grid.haloM()
                            + " m), was "
                            + parameters.handoverMarginM());
        }
        this.grid = grid;
        this.parameters = parameters;
    }

    public IdentityResolver(TileGrid grid) {
        this(grid, Parameters.defaultsFor(grid));
    }

    /**
     * Handles the replica updates of one event time and returns the decisions that take effect at
     * that time, in (tile, local id) order.
     */
    public List<IdentityDecision> step(Instant time, List<ReplicaState> batch) {
        // Known replicas first, so that new ones are matched against this time's states; new
        // ones deepest first, so that a tile's track in its core decides before a twin in a
        // neighbour's halo inherits its id.
        List<ReplicaState> known = new ArrayList<>();
        List<ReplicaState> fresh = new ArrayList<>();
        for (ReplicaState u : batch) {
            (replicas.containsKey(new ReplicaKey(u.tile(), u.localId())) ? known : fresh).add(u);
        }
        Comparator<ReplicaState> byKey =
                Comparator.comparing(ReplicaState::tile).thenComparing(ReplicaState::localId);
        known.sort(byKey);
        fresh.sort(
                Comparator.comparingDouble(ReplicaState::depthM).reversed().thenComparing(byKey));
        List<ReplicaState> sorted = new ArrayList<>(known);
        sorted.addAll(fresh);
        TreeMap<ReplicaKey, IdentityDecision> decisions = new TreeMap<>();
        TreeSet<String> touched = new TreeSet<>();
        TreeMap<String, ReplicaKey> ownerBefore = new TreeMap<>();
        List<ReplicaKey> deleted = new ArrayList<>();
        List<Replica> moved = new ArrayList<>();
        for (ReplicaState u : sorted) {
            if (!u.time().equals(time)) {
                throw new IllegalArgumentException(
                        "update of " + u.localId() + " at " + u.time() + " is not at " + time);
            }
            updates++;
            ReplicaKey key = new ReplicaKey(u.tile(), u.localId());
            Replica r = replicas.get(key);
            if (r == null) {
                if (u.status() == TrackStatus.DELETED) {
                    continue; // never known: nothing to undo
                }
                Mapping m = map(u, key);
                r = new Replica(key, m.globalId(), u, false);
                replicas.put(key, r);
                created++;
                Entity e = entities.get(r.globalId);
                if (m.fresh()) {
                    e = new Entity();
                    entities.put(r.globalId, e);
                    newEntities++;
                }
                if (e != null) {
                    ownerBefore.putIfAbsent(r.globalId, e.owner);
                    e.replicas.add(key);
                }
                decisions.put(key, decision(r, time, false));
            } else {
                r.last = u;
                moved.add(r);
            }
            place(r, grid.interior(u.depthM()));
            Entity e = entities.get(r.globalId);
            if (e != null) {
                ownerBefore.putIfAbsent(r.globalId, e.owner);
                touched.add(r.globalId);
            }
            if (u.status() == TrackStatus.DELETED) {
                deleted.add(key);
            }
        }
        TreeMap<String, ReplicaKey> deletedOwners = new TreeMap<>();
        for (Replica r : moved) {
            if (r.last.status() == TrackStatus.DELETED) {
                continue;
            }
            String from = r.globalId;
            Replica twin = divergedTo(r);
            if (twin == null) {
                twin = duplicateOf(r, time);
            }
            if (twin == null) {
                continue;
            }
            Entity e = entities.get(from);
            Entity f = entities.get(twin.globalId);
            ownerBefore.putIfAbsent(twin.globalId, f.owner);
            e.replicas.remove(r.key);
            if (r.key.equals(e.owner)) {
                e.owner = null;
                deletedOwners.put(from, r.key);
            }
            r.globalId = twin.globalId;
            f.replicas.add(r.key);
            touched.add(twin.globalId);
            remapped++;
            decisions.put(r.key, decision(r, time, false));
        }
        for (ReplicaKey key : deleted) {
            Replica r = replicas.remove(key);
            place(r, true);
            Entity e = entities.get(r.globalId);
            if (e != null) {
                e.replicas.remove(key);
                if (key.equals(e.owner)) {
                    e.owner = null;
                    deletedOwners.put(r.globalId, key);
                }
            }
            decisions.remove(key);
        }
        // Entities that end because their owner went over to another entity: that replica's
        // decision carries the end, so that their deletion is published with its update.
        TreeMap<ReplicaKey, String> ends = new TreeMap<>();
        for (String id : touched) {
            Entity e = entities.get(id);
            ReplicaKey before = ownerBefore.get(id);
            boolean ownerDeleted = deletedOwners.containsKey(id);
            ReplicaKey after = chooseOwner(e, before, ownerDeleted, time);
            if (after == null) {
                if (ownerDeleted || e.replicas.isEmpty()) {
                    // Ended: the owner's deletion is published, the remaining replicas are dead.
                    entities.remove(id);
                    ReplicaKey gone = deletedOwners.get(id);
                    if (gone != null && replicas.containsKey(gone)) {
                        ends.put(gone, id); // not deleted: it went over to another entity
                    }
                }
                continue;
            }
            e.owner = after;
            if (!after.equals(before)) {
                Replica was = before == null ? null : replicas.get(before);
                if (before != null && (was == null || was.globalId.equals(id))) {
                    handovers++;
                    decisions.put(
                            before,
                            new IdentityDecision(before.tile(), before.localId(), time, id, false));
                } else if (before != null) {
                    handovers++; // it went on with another entity: its decision says which
                }
                decisions.put(after, decision(replicas.get(after), time, true));
            }
        }
        for (var end : ends.entrySet()) {
            IdentityDecision d = decisions.get(end.getKey());
            decisions.put(
                    end.getKey(),
                    new IdentityDecision(
                            d.tile(),
                            d.localId(),
                            d.time(),
                            d.globalId(),
                            d.owner(),
                            end.getValue()));
        }
        return new ArrayList<>(decisions.values());
    }

    private IdentityDecision decision(Replica r, Instant time, boolean owner) {
        return new IdentityDecision(r.key.tile(), r.key.localId(), time, r.globalId, owner);
    }

    /**
     * The owner after this step, or null: none eligible yet, or the entity ended (when {@code
     * ownerDeleted}). {@code before} is the owner at the start of the step (null for a new entity
     * or one none of whose replicas has been eligible yet).
     */
    private ReplicaKey chooseOwner(Entity e, ReplicaKey before, boolean ownerDeleted, Instant t) {
        double margin = parameters.handoverMarginM();
        ReplicaKey best = null;
        double bestDepth = Double.NEGATIVE_INFINITY;
        boolean bestCoasting = true;
        for (ReplicaKey k : e.replicas) {
            Replica r = replicas.get(k);
            double d = depthAt(r, t);
            if (d < -margin) {
                continue; // not eligible: its tile is not authoritative there
            }
            boolean coasting = r.last.status() == TrackStatus.COASTING;
            if ((bestCoasting && !coasting) || (coasting == bestCoasting && d > bestDepth)) {
                best = k;
                bestDepth = d;
                bestCoasting = coasting;
            }
        }
        if (before == null || ownerDeleted) {
            return best;
        }
        Replica owner = replicas.get(before);
        if (best != null && owner.last.status() == TrackStatus.COASTING && !bestCoasting) {
            return best; // the owner lost the target that another tile still sees
        }
        double ownerDepth = depthAt(owner, t);
        if (ownerDepth >= -margin || best == null || bestDepth <= ownerDepth) {
            return before;
        }
        return best;
    }

    /** A replica's depth in its tile at {@code t}, its last estimate moved at constant velocity. */
    private double depthAt(Replica r, Instant t) {
        ReplicaState s = r.last;
        if (r.interior) {
            return Math.max(s.depthM(), grid.interiorDepthM());
        }
        double dt = seconds(s.time(), t);
        return grid.depthM(
                r.key.tile(),
                s.eastM() + s.velocityEastMps() * dt,
                s.northM() + s.velocityNorthMps() * dt);
    }

    /** A new replica's global id; fresh when it starts an entity. */
    private record Mapping(String globalId, boolean fresh) {}

    private Mapping map(ReplicaState u, ReplicaKey key) {
        for (int dx = -1; dx <= 1; dx++) {
            for (int dy = -1; dy <= 1; dy++) {
                Tile t = new Tile(key.tile().ix() + dx, key.tile().iy() + dy);
                Replica twin =
                        t.equals(key.tile())
                                ? null
                                : replicas.get(new ReplicaKey(t, key.localId()));
                if (twin != null) {
                    return new Mapping(twin.globalId, false); // possibly an entity that ended
                }
            }
        }
        TreeSet<String> near = new TreeSet<>();
        long cx = cellIndex(u.eastM()), cy = cellIndex(u.northM());
        for (long dx = -2; dx <= 2; dx++) {
            for (long dy = -2; dy <= 2; dy++) {
                for (Replica q : cells.getOrDefault(cellKey(cx + dx, cy + dy), EMPTY).values()) {
                    if (!q.key.tile().equals(key.tile())) {
                        near.add(q.globalId);
                    }
                }
            }
        }
        // Entities that already have a replica of their own near u in u's tile come second: the
        // tile's tracker then holds two tracks there, which in the tile's authoritative zone means
        // two targets (or a duplicate the single tracker would make too), and in the outer halo a
        // duplicate of the tile's own (less well informed) replica.
        String best = null;
        double bestD2 = Double.POSITIVE_INFINITY;
        String second = null;
        double secondD2 = Double.POSITIVE_INFINITY;
        for (String id : near) {
            Entity e = entities.get(id);
            if (e == null) {
                continue;
            }
            Replica rep = representative(e);
            if (rep == null) {
                continue;
            }
            double d2 = mahalanobisSquared(u, rep.last);
            if (!(d2 < Double.POSITIVE_INFINITY)) {
                continue;
            }
            if (tracksItHere(e, u, key.tile())) {
                if (d2 < secondD2) {
                    second = id;
                    secondD2 = d2;
                }
            } else if (d2 < bestD2) {
                best = id;
                bestD2 = d2;
            }
        }
        if (best == null && u.depthM() < -parameters.handoverMarginM()) {
            best = second;
        }
        if (best != null) {
            associations++;
            return new Mapping(best, false);
        }
        return new Mapping(u.localId(), !entities.containsKey(u.localId()));
    }

    private static final TreeMap<ReplicaKey, Replica> EMPTY = new TreeMap<>();

    /**
     * The replica of another entity that {@code r} now tracks, or null. A tile's track can go over
     * to another target in the tile's halo (its own target left the tile, the other came in): then
     * it coincides with a neighbouring tile's replica {@code q} of another entity, while its own
     * entity's replica in q's tile is elsewhere. That tile sees both targets apart, so r follows
     * q's target, not its entity's. Its entity must keep an eligible replica (it goes on being
     * published there). The nearest such q; ties by key.
     */
    private Replica divergedTo(Replica r) {
        if (r.interior || r.last.status() == TrackStatus.COASTING) {
            return null;
        }
        Entity own = entities.get(r.globalId);
        if (own == null) {
            return null;
        }
        if (!anyApart(own, r)) {
            return null; // every replica of its entity in other tiles is where it is (most often)
        }
        Replica best = null;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (Replica q : othersNear(r)) {
            double d2 = mahalanobisSquared(r.last, q.last);
            if (!(d2 < bestD2) || !divergedFrom(own, r, q.key.tile())) {
                continue;
            }
            best = q;
            bestD2 = d2;
        }
        return best;
    }

    /**
     * The confirmed replicas of other live entities in other tiles than r's, in the 3 × 3 cells
     * around r's last position; cell by cell, by key within a cell.
     */
    private List<Replica> othersNear(Replica r) {
        List<Replica> out = new ArrayList<>();
        long cx = cellIndex(r.last.eastM()), cy = cellIndex(r.last.northM());
        for (long dx = -1; dx <= 1; dx++) {
            for (long dy = -1; dy <= 1; dy++) {
                for (Replica q : cells.getOrDefault(cellKey(cx + dx, cy + dy), EMPTY).values()) {
                    if (!q.key.tile().equals(r.key.tile())
                            && !q.globalId.equals(r.globalId)
                            && q.last.status() == TrackStatus.CONFIRMED
                            && entities.containsKey(q.globalId)) {
                        out.add(q);
                    }
                }
            }
        }
        return out;
    }

    /**
     * The replica of another entity that is the same target as {@code r}, or null. Two tiles can
     * each start their own track on one target: a tile whose track of it faded (coasting, then
     * deleted) while the target was in its core starts a new one there, when the neighbour whose
     * halo it is in kept its replica of the old entity on it. Each tile then holds one track on the
     * target and none of the other's entity, and the entity would be published twice for as long as
     * the target stays in the overlap. A confirmed {@code r} outside its interior that coincides
     * (the association gate) with a confirmed replica q of another entity in a neighbouring tile,
     * while r's entity has no confirmed replica in q's tile and q's entity none in r's, is such a
     * duplicate; the replica less deep in its own tile's core at {@code t} (r here; q when its own
     * update comes) takes the other's identity, as the single tracker keeps the track of the tile
     * whose core the target is in. The nearest such q; ties by key.
     */
    private Replica duplicateOf(Replica r, Instant t) {
        if (r.interior || r.last.status() != TrackStatus.CONFIRMED) {
            return null;
        }
        Entity own = entities.get(r.globalId);
        if (own == null) {
            return null;
        }
        double depth = depthAt(r, t);
        Replica best = null;
        double bestD2 = Double.POSITIVE_INFINITY;
        for (Replica q : othersNear(r)) {
            Tile tile = q.key.tile();
            if (tracksIn(own, tile) || tracksIn(entities.get(q.globalId), r.key.tile())) {
                continue;
            }
            double qDepth = depthAt(q, t);
            if (depth > qDepth || (depth == qDepth && r.key.compareTo(q.key) < 0)) {
                continue; // q is the one to take the other's identity
            }
            double d2 = mahalanobisSquared(r.last, q.last);
            if (!(d2 < bestD2)
                    && !(d2 == bestD2 && best != null && q.key.compareTo(best.key) < 0)) {
                continue;
            }
            best = q;
            bestD2 = d2;
        }
        return best != null && bestD2 < Double.POSITIVE_INFINITY ? best : null;
    }

    /**
     * Whether entity {@code e} has a confirmed replica in {@code tile} (a coasting one has lost its
     * target there).
     */
    private boolean tracksIn(Entity e, Tile tile) {
        for (ReplicaKey k = e.replicas.ceiling(new ReplicaKey(tile, ""));
                k != null && k.tile().equals(tile);
                k = e.replicas.higher(k)) {
            if (replicas.get(k).last.status() == TrackStatus.CONFIRMED) {
                return true;
            }
        }
        return false;
    }

    /** Whether entity {@code own} has a replica in another tile than r's away from r. */
    private boolean anyApart(Entity own, Replica r) {
        for (ReplicaKey k : own.replicas) {
            if (k.tile().equals(r.key.tile())) {
                continue;
            }
            Replica o = replicas.get(k);
            if (o.last.status() != TrackStatus.DELETED && !coincide(r, o)) {
                return true;
            }
        }
        return false;
    }

    private boolean coincide(Replica r, Replica o) {
        return mahalanobisSquared(r.last, o.last) < Double.POSITIVE_INFINITY
                || mahalanobisSquared(o.last, r.last) < Double.POSITIVE_INFINITY;
    }

    /**
     * Whether entity {@code own} has, in {@code tile}, a confirmed replica away from {@code r} (not
     * within the gate) and eligible to publish when r owns the entity.
     */
    private boolean divergedFrom(Entity own, Replica r, Tile tile) {
        for (ReplicaKey k = own.replicas.ceiling(new ReplicaKey(tile, ""));
                k != null && k.tile().equals(tile);
                k = own.replicas.higher(k)) {
            Replica o = replicas.get(k);
            if (o.last.status() == TrackStatus.DELETED || coincide(r, o)) {
                continue;
            }
            if (!r.key.equals(own.owner)
                    || depthAt(o, r.last.time()) >= -parameters.handoverMarginM()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where an entity is best known now: its most recently updated replica (the owner on a tie), or
     * null when one of its replicas is in its tile's interior (then the entity is there, beyond the
     * reach of any neighbouring tile's new track).
     */
    private Replica representative(Entity e) {
        Replica best = null;
        for (ReplicaKey k : e.replicas) {
            Replica r = replicas.get(k);
            if (r.interior) {
                return null;
            }
            if (best == null
                    || r.last.time().isAfter(best.last.time())
                    || (r.last.time().equals(best.last.time()) && k.equals(e.owner))) {
                best = r;
            }
        }
        return best;
    }

    /**
     * Whether the entity has a replica in {@code tile} within the gate of {@code u}: then the
     * tile's tracker keeps two tracks there on purpose (two targets, or a duplicate it will
     * resolve) and {@code u} is not that entity. A replica of the entity elsewhere in the tile has
     * lost it.
     */
    private boolean tracksItHere(Entity e, ReplicaState u, Tile tile) {
        for (ReplicaKey k = e.replicas.ceiling(new ReplicaKey(tile, ""));
                k != null && k.tile().equals(tile);
                k = e.replicas.higher(k)) {
            if (mahalanobisSquared(u, replicas.get(k).last) < Double.POSITIVE_INFINITY) {
                return true;
            }
        }
        return false;
    }

    /**
     * Squared Mahalanobis distance between the positions of {@code u} and of {@code c} predicted to
     * u's time at constant velocity; infinite when outside the distance gate or the chi-square
     * gate.
     */
    private double mahalanobisSquared(ReplicaState u, ReplicaState c) {
        double dt = Math.max(0, seconds(c.time(), u.time()));
        double ce = c.eastM() + c.velocityEastMps() * dt;
        double cn = c.northM() + c.velocityNorthMps() * dt;
        double de = u.eastM() - ce, dn = u.northM() - cn;
        if (Math.hypot(de, dn) > parameters.maxGateDistanceM()) {
            return Double.POSITIVE_INFINITY;
        }
        StateCovariance p = c.covariance(), q = u.covariance();
        // Position block of F P Fᵀ with F = [[I, dt I], [0, I]], plus u's position covariance.
        double a = p.get(0, 0) + 2 * dt * p.get(0, 2) + dt * dt * p.get(2, 2) + q.get(0, 0);
        double b =
                p.get(0, 1)
                        + dt * (p.get(0, 3) + p.get(2, 1))
                        + dt * dt * p.get(2, 3)
                        + q.get(0, 1);
        double d = p.get(1, 1) + 2 * dt * p.get(1, 3) + dt * dt * p.get(3, 3) + q.get(1, 1);
        double det = a * d - b * b;
        if (!(det > 0)) {
            return Double.POSITIVE_INFINITY;
        }
        double d2 = (d * de * de - 2 * b * de * dn + a * dn * dn) / det;
        return d2 <= parameters.gateChiSquare() ? d2 : Double.POSITIVE_INFINITY;
    }

    private static final long NO_CELL = Long.MIN_VALUE;

    /** Records whether the replica is interior and files it under its cell if it is not. */
    private void place(Replica r, boolean interior) {
        r.interior = interior;
        long cell =
                interior ? NO_CELL : cellKey(cellIndex(r.last.eastM()), cellIndex(r.last.northM()));
        if (cell == r.cell) {
            return;
        }
        if (r.cell != NO_CELL) {
            TreeMap<ReplicaKey, Replica> old = cells.get(r.cell);
            old.remove(r.key);
            if (old.isEmpty()) {
                cells.remove(r.cell);
            }
        }
        if (cell != NO_CELL) {
            cells.computeIfAbsent(cell, c -> new TreeMap<>()).put(r.key, r);
        }
        r.cell = cell;
    }

    private long cellIndex(double m) {
        return (long) Math.floor(m / parameters.maxGateDistanceM());
    }

    private static long cellKey(long ix, long iy) {
        return (ix << 32) ^ (iy & 0xffffffffL);
    }

    private static double seconds(Instant from, Instant to) {
        return (to.getEpochSecond() - from.getEpochSecond())
                + (to.getNano() - from.getNano()) * 1e-9;
    }

    /** Live replicas known (every published tile track not yet deleted). */
    public int replicaCount() {
        return replicas.size();
    }

    /** Live entities (global ids with an owner). */
    public int entityCount() {
        return entities.size();
    }

    public Stats stats() {
        return new Stats(updates, created, associations, newEntities, handovers, remapped);
    }

    /** The global id of a live replica, or null when unknown. */
    public String globalIdOf(Tile tile, String localId) {
        Replica r = replicas.get(new ReplicaKey(tile, localId));
        return r == null ? null : r.globalId;
    }

    /**
     * The resolver's state as bytes (big-endian {@link DataOutputStream}): magic {@code "CIDR"},
     * version, the live replicas in key order (tile, local id, global id, last update), then the
     * live entities (global id, owner). Counters are not included.
     */
    public byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            out.writeInt(replicas.size());
            for (Replica r : replicas.values()) {
                ReplicaState s = r.last;
                out.writeInt(r.key.tile().ix());
                out.writeInt(r.key.tile().iy());
                out.writeUTF(r.key.localId());
                out.writeUTF(r.globalId);
                out.writeLong(s.time().getEpochSecond());
                out.writeInt(s.time().getNano());
                out.writeByte(s.status().ordinal());
                out.writeDouble(s.eastM());
                out.writeDouble(s.northM());
                out.writeDouble(s.velocityEastMps());
                out.writeDouble(s.velocityNorthMps());
                for (double v : s.covariance().toRowMajor()) {
                    out.writeDouble(v);
                }
                out.writeDouble(s.depthM());
                out.writeBoolean(s.first());
            }
            out.writeInt(entities.size());
            for (Map.Entry<String, Entity> e : entities.entrySet()) {
                out.writeUTF(e.getKey());
                ReplicaKey owner = e.getValue().owner;
                out.writeBoolean(owner != null);
                if (owner != null) {
                    out.writeInt(owner.tile().ix());
                    out.writeInt(owner.tile().iy());
                    out.writeUTF(owner.localId());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** A resolver in the state a {@link #snapshot()} captured. */
    public static IdentityResolver restore(TileGrid grid, Parameters parameters, byte[] snapshot) {
        IdentityResolver resolver = new IdentityResolver(grid, parameters);
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not an identity resolver snapshot");
            }
            short version = in.readShort();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "identity resolver snapshot version "
                                + version
                                + "; this reads "
                                + VERSION);
            }
            TrackStatus[] statuses = TrackStatus.values();
            int n = in.readInt();
            for (int i = 0; i < n; i++) {
                Tile tile = new Tile(in.readInt(), in.readInt());
                String localId = in.readUTF();
                String globalId = in.readUTF();
                Instant time = Instant.ofEpochSecond(in.readLong(), in.readInt());
                TrackStatus status = statuses[in.readByte()];
                double e = in.readDouble(), nn = in.readDouble();
                double ve = in.readDouble(), vn = in.readDouble();
                double[] cov = new double[16];
                for (int k = 0; k < 16; k++) {
                    cov[k] = in.readDouble();
                }
                double depth = in.readDouble();
                boolean first = in.readBoolean();
                ReplicaState s =
                        new ReplicaState(
                                tile,
                                localId,
                                time,
                                status,
                                e,
                                nn,
                                ve,
                                vn,
                                StateCovariance.ofRowMajor(cov),
                                depth,
                                first);
                ReplicaKey key = new ReplicaKey(tile, localId);
                Replica r = new Replica(key, globalId, s, false);
                resolver.replicas.put(key, r);
                resolver.place(r, grid.interior(depth));
            }
            int m = in.readInt();
            for (int i = 0; i < m; i++) {
                String id = in.readUTF();
                Entity e = new Entity();
                if (in.readBoolean()) {
                    e.owner = new ReplicaKey(new Tile(in.readInt(), in.readInt()), in.readUTF());
                }
                resolver.entities.put(id, e);
            }
            for (Replica r : resolver.replicas.values()) {
                Entity e = resolver.entities.get(r.globalId);
                if (e != null) {
                    e.replicas.add(r.key);
                }
            }
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException(
                    "truncated or corrupt identity resolver snapshot", e);
        }
        return resolver;
    }
}
