package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.fusion.Partitioning;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import java.util.ArrayList;
import java.util.List;

/**
 * Spatial partitioning by a {@link TileGrid} over the tangent plane at the fusion reference point:
 * an observation belongs to its core tile ({@link #partitionOf}) and is fused by every tile whose
 * extended area holds it ({@link #partitionsOf}).
 */
public final class TilePartitioning implements Partitioning {
    private static final long serialVersionUID = 1L;

    private final TileGrid grid;
    private final double referenceLatDeg;
    private final double referenceLonDeg;
    private final double referenceAltM;
    private transient ObservationPlacer placer;

    public TilePartitioning(TileGrid grid, GeoPoint reference) {
        if (grid == null || reference == null) {
            throw new IllegalArgumentException("grid and reference are required");
        }
        this.grid = grid;
        this.referenceLatDeg = reference.latDeg();
        this.referenceLonDeg = reference.lonDeg();
        this.referenceAltM = reference.altM();
    }

    public TileGrid grid() {
        return grid;
    }

    public GeoPoint reference() {
        return new GeoPoint(referenceLatDeg, referenceLonDeg, referenceAltM);
    }

    /** The observation's core tile. */
    public Tile tileOf(Observation observation) {
        EnuPoint p = placer().place(observation.measurement());
        return grid.tileOf(p.eastM(), p.northM());
    }

    /** Every tile that fuses the observation: its core tile first. */
    public List<Tile> tilesOf(Observation observation) {
        EnuPoint p = placer().place(observation.measurement());
        return grid.tilesCovering(p.eastM(), p.northM());
    }

    @Override
    public String partitionOf(Observation observation) {
        return tileOf(observation).key();
    }

    @Override
    public List<String> partitionsOf(Observation observation) {
        List<Tile> tiles = tilesOf(observation);
        List<String> keys = new ArrayList<>(tiles.size());
        for (Tile t : tiles) {
            keys.add(t.key());
        }
        return keys;
    }

    private ObservationPlacer placer() {
        if (placer == null) {
            placer = new ObservationPlacer(new LocalTangentPlane(reference()));
        }
        return placer;
    }
}
