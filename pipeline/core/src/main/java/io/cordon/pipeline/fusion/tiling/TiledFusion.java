package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.SensorTrackUpdate;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The three stages of tiled fusion in one loop, for offline runs and as the reference the stream
 * job must reproduce update for update: per event time, (1) every tile whose extended area holds an
 * observation fuses its share ({@link TileTracker}); (2) the {@link IdentityResolver} takes the
 * updates the tiles route to it and decides global ids and owners; (3) each owner's updates are
 * published under the global id ({@link Publication}).
 *
 * <p>Feed event times in increasing order ({@link #step}). A tile runs at a time when it has
 * observations then or when a sensor scanned then: every sensor that reported plots or fixes at
 * that time is, for every tile without one of its observations, an empty scan ({@link
 * io.cordon.pipeline.tracker.Tracker#emptyScan}), so each tile's tracks miss the looks they would
 * miss in one tracker of the whole area (a sensor whose detections all fell elsewhere still looked;
 * the tile's tracker applies its coverage). Sensor tracks are not scans. The stream job must send
 * the same: per event time, the ids of the sensors that scanned, to every tile.
 */
public final class TiledFusion {
    /**
     * A published track (under its global id) with the tile and local id of the replica that
     * publishes it and the existence probability its tile's tracker gives it.
     */
    public record OwnedTrack(EntityTrack track, Tile tile, String localId, double existence) {}

    /** Load counters: updates made by tile trackers, routed to the resolver, published. */
    public record Load(long tileUpdates, long resolverUpdates, long published) {}

    private final TilePartitioning partitioning;
    private final TrackerParameters parameters;
    private final TreeMap<Tile, TileTracker> tiles = new TreeMap<>();
    private final IdentityResolver resolver;
    private final Map<ReplicaKey, IdentityDecision> decisions = new HashMap<>();
    private long tileUpdates, resolverUpdates, published;

    public TiledFusion(TileGrid grid, TrackerParameters parameters, GeoPoint reference) {
        this(grid, IdentityResolver.Parameters.defaultsFor(grid), parameters, reference);
    }

    public TiledFusion(
            TileGrid grid,
            IdentityResolver.Parameters identity,
            TrackerParameters parameters,
            GeoPoint reference) {
        this.partitioning = new TilePartitioning(grid, reference);
        this.parameters = parameters;
        this.resolver = new IdentityResolver(grid, identity);
    }

    /** Fuses the observations of one event time; returns the updates to publish. */
    public List<EntityTrack> step(Instant time, List<Observation> observations) {
        TreeMap<Tile, List<Observation>> byTile = new TreeMap<>();
        for (Observation o : observations) {
            for (Tile t : partitioning.tilesOf(o)) {
                byTile.computeIfAbsent(t, k -> new ArrayList<>()).add(o);
            }
        }
        for (Tile t : byTile.keySet()) {
            tiles.computeIfAbsent(
                    t,
                    k ->
                            new TileTracker(
                                    k, partitioning.grid(), parameters, partitioning.reference()));
        }
        SortedSet<String> scanned = scannedSensors(observations);
        List<TileTrackUpdate> updates = new ArrayList<>();
        for (var e : tiles.entrySet()) {
            List<Observation> mine = byTile.getOrDefault(e.getKey(), List.of());
            if (!mine.isEmpty() || !scanned.isEmpty()) {
                updates.addAll(e.getValue().step(time, mine, scanned));
            }
        }
        updates.sort(
                Comparator.comparing(TileTrackUpdate::tile)
                        .thenComparing(TileTrackUpdate::localId));
        List<ReplicaState> routed = new ArrayList<>();
        for (TileTrackUpdate u : updates) {
            if (u.toResolver()) {
                routed.add(u.replica());
            }
        }
        tileUpdates += updates.size();
        resolverUpdates += routed.size();
        Map<ReplicaKey, String> ends = new HashMap<>();
        for (IdentityDecision d : resolver.step(time, routed)) {
            ReplicaKey key = new ReplicaKey(d.tile(), d.localId());
            decisions.put(key, d);
            if (d.ends() != null) {
                ends.put(key, d.ends());
            }
        }
        List<EntityTrack> out = new ArrayList<>();
        for (TileTrackUpdate u : updates) {
            ReplicaKey key = new ReplicaKey(u.tile(), u.localId());
            String ended = ends.get(key);
            if (ended != null) {
                out.add(Publication.deletionOf(ended, u.track()));
            }
            EntityTrack p = Publication.of(decisions.get(key), u.track());
            if (p != null) {
                out.add(p);
            }
            if (u.deleted()) {
                decisions.remove(key);
            }
        }
        published += out.size();
        return out;
    }

    /**
     * The sensors that scanned at this time: those with a plot or fix among the observations (a
     * sensor track is not a scan). Sorted.
     */
    public static SortedSet<String> scannedSensors(List<Observation> observations) {
        SortedSet<String> out = new TreeSet<>();
        for (Observation o : observations) {
            if (!(o.measurement() instanceof SensorTrackUpdate)) {
                out.add(o.sensorId());
            }
        }
        return out;
    }

    /**
     * The published picture at {@code t}: every owner's confirmed (or coasting) track predicted to
     * {@code t}, under its global id.
     */
    public List<OwnedTrack> ownedTracksAt(Instant t) {
        List<OwnedTrack> out = new ArrayList<>();
        for (TileTracker tile : tiles.values()) {
            for (EntityTrack track : tile.tracker().confirmedTracksAt(t)) {
                IdentityDecision d = decisions.get(new ReplicaKey(tile.tile(), track.trackId()));
                if (d != null && d.owner()) {
                    out.add(
                            new OwnedTrack(
                                    Publication.withTrackId(track, d.globalId()),
                                    tile.tile(),
                                    track.trackId(),
                                    tile.tracker().existenceProbability(track.trackId())));
                }
            }
        }
        return out;
    }

    public TilePartitioning partitioning() {
        return partitioning;
    }

    public IdentityResolver resolver() {
        return resolver;
    }

    /** Tiles that have run so far. */
    public int tileCount() {
        return tiles.size();
    }

    public Load load() {
        return new Load(tileUpdates, resolverUpdates, published);
    }
}
