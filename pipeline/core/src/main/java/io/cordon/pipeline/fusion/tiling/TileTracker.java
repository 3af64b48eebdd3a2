package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.fusion.FusionStep;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Stage 1 of tiled fusion: the tracker of one tile, fed every observation of the tile's extended
 * area through {@link FusionStep}, so its decisions and its (tile-local) ids are as deterministic
 * as the single tracker's. Each update says where it lies in the tile and whether the identity
 * resolver needs it ({@link TileTrackUpdate#toResolver()}).
 *
 * <p>What goes to the resolver ({@link TileTrackUpdate#toResolver()}): a track's first update, its
 * deletion, a change of status (confirmed, coasting), its first update in or out of the interior, a
 * change of depth band (beyond the hand-over margin outside the core, outside, inside, within the
 * margin inside, deeper), and otherwise one overlap-zone update per {@link #REFRESH_S} seconds,
 * enough for the resolver to predict where each replica is. So the resolver knows a replica is
 * interior without seeing its interior updates, and sees a few updates per replica and minute
 * rather than every one. A track deleted before it was ever published (a tentative track that died)
 * is not passed on.
 */
public final class TileTracker {
    private static final int MAGIC = 0x4354494C; // "CTIL"
    private static final short VERSION = 1;

    /** Longest event time between two overlap-zone updates of a track sent to the resolver, s. */
    public static final double REFRESH_S = 10.0;

    /**
     * A tile's tracker deletes a track predicted farther than this many halo widths outside the
     * tile's core (its observations stop at one halo width).
     */
    static final double RESPONSIBLE_HALOS = 1.5;

    /** What was last sent to the resolver about a published track. */
    private record Routed(boolean interior, int band, TrackStatus status, Instant at) {}

    private final Tile tile;
    private final TileGrid grid;
    private final LocalTangentPlane plane;
    private final MultiTargetTracker tracker;
    private final TreeMap<String, Routed> published;

    public TileTracker(Tile tile, TileGrid grid, TrackerParameters parameters, GeoPoint reference) {
        this(tile, grid, reference, new MultiTargetTracker(parameters, reference), new TreeMap<>());
    }

    private TileTracker(
            Tile tile,
            TileGrid grid,
            GeoPoint reference,
            MultiTargetTracker tracker,
            TreeMap<String, Routed> published) {
        this.tile = tile;
        this.grid = grid;
        this.plane = new LocalTangentPlane(reference);
        this.tracker = tracker;
        this.published = published;
        // A replica farther out than its tile receives observations is not the tile's business.
        double reach = -RESPONSIBLE_HALOS * grid.haloM();
        tracker.restrictTo((e, n) -> grid.depthM(tile, e, n) >= reach);
        // It receives the observations of its extended area only.
        tracker.observesOnly((e, n) -> grid.depthM(tile, e, n) >= -grid.haloM());
    }

    public Tile tile() {
        return tile;
    }

    /** The tile's tracker (for its confirmed tracks and existence probabilities). */
    public MultiTargetTracker tracker() {
        return tracker;
    }

    /**
     * Fuses the tile's observations of one event time and returns the track updates to pass on, in
     * the order {@link FusionStep} gives.
     */
    public List<TileTrackUpdate> step(Instant time, List<Observation> observations) {
        return step(time, observations, List.of());
    }

    /**
     * As {@link #step(Instant, List)}, with the sensors that scanned at this time: those without an
     * observation in the tile are an empty scan for its tracker ({@link
     * FusionStep#changes(io.cordon.pipeline.tracker.Tracker, Instant, List,
     * java.util.Collection)}).
     */
    public List<TileTrackUpdate> step(
            Instant time, List<Observation> observations, Collection<String> scanned) {
        List<EntityTrack> updates = FusionStep.changes(tracker, time, observations, scanned);
        List<TileTrackUpdate> out = new ArrayList<>(updates.size());
        for (EntityTrack t : updates) {
            Routed before = published.get(t.trackId());
            boolean deleted = t.status() == TrackStatus.DELETED;
            if (deleted && before == null) {
                continue; // never published: nobody needs to hear of its end
            }
            EnuPoint p = plane.toEnu(t.position());
            double depth = grid.depthM(tile, p.eastM(), p.northM());
            boolean interior = grid.interior(depth);
            int band = band(depth);
            boolean first = before == null;
            ReplicaState replica =
                    new ReplicaState(
                            tile,
                            t.trackId(),
                            t.time(),
                            t.status(),
                            p.eastM(),
                            p.northM(),
                            t.velocity().eastMps(),
                            t.velocity().northMps(),
                            t.covariance(),
                            depth,
                            first);
            boolean toResolver =
                    first
                            || deleted
                            || t.status() != before.status()
                            || interior != before.interior()
                            || band != before.band()
                            || (!interior && seconds(before.at(), t.time()) >= REFRESH_S);
            out.add(new TileTrackUpdate(t, replica, toResolver));
            if (deleted) {
                published.remove(t.trackId());
            } else if (toResolver) {
                published.put(t.trackId(), new Routed(interior, band, t.status(), t.time()));
            }
        }
        return out;
    }

    /**
     * Which side of the thresholds that matter to ownership a depth lies: beyond the hand-over
     * margin (half a halo) outside the core, outside within it, inside within it, deeper inside.
     */
    private int band(double depthM) {
        double margin = grid.haloM() / 2;
        if (depthM < -margin) {
            return 0;
        }
        if (depthM < 0) {
            return 1;
        }
        return depthM < margin ? 2 : 3;
    }

    private static double seconds(Instant from, Instant to) {
        return (to.getEpochSecond() - from.getEpochSecond())
                + (to.getNano() - from.getNano()) * 1e-9;
    }

    /**
     * The tile's state as bytes: its own header, the tracker's snapshot, and per published track
     * what was last sent to the resolver.
     */
    public byte[] snapshot() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(MAGIC);
            out.writeShort(VERSION);
            GeoPoint ref = plane.origin();
            out.writeDouble(ref.latDeg());
            out.writeDouble(ref.lonDeg());
            out.writeDouble(ref.altM());
            byte[] t = tracker.snapshot();
            out.writeInt(t.length);
            out.write(t);
            out.writeInt(published.size());
            for (Map.Entry<String, Routed> e : published.entrySet()) {
                Routed r = e.getValue();
                out.writeUTF(e.getKey());
                out.writeBoolean(r.interior());
                out.writeByte(r.band());
                out.writeByte(r.status().ordinal());
                out.writeLong(r.at().getEpochSecond());
                out.writeInt(r.at().getNano());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The tile tracker a {@link #snapshot()} captured. */
    public static TileTracker restore(
            Tile tile, TileGrid grid, TrackerParameters parameters, byte[] snapshot) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(snapshot))) {
            if (in.readInt() != MAGIC) {
                throw new IllegalArgumentException("not a tile tracker snapshot");
            }
            short version = in.readShort();
            if (version != VERSION) {
                throw new IllegalArgumentException(
                        "tile tracker snapshot version " + version + "; this reads " + VERSION);
            }
            GeoPoint ref = new GeoPoint(in.readDouble(), in.readDouble(), in.readDouble());
            byte[] t = new byte[in.readInt()];
            in.readFully(t);
            MultiTargetTracker tracker = MultiTargetTracker.restore(parameters, t);
            int n = in.readInt();
            TreeMap<String, Routed> published = new TreeMap<>();
            TrackStatus[] statuses = TrackStatus.values();
            for (int i = 0; i < n; i++) {
                String id = in.readUTF();
                boolean interior = in.readBoolean();
                int band = in.readByte();
                TrackStatus status = statuses[in.readByte()];
                Instant at = Instant.ofEpochSecond(in.readLong(), in.readInt());
                published.put(id, new Routed(interior, band, status, at));
            }
            return new TileTracker(tile, grid, ref, tracker, published);
        } catch (IOException | ArrayIndexOutOfBoundsException e) {
            throw new IllegalArgumentException("truncated or corrupt tile tracker snapshot", e);
        }
    }
}
