package io.cordon.pipeline.fusion;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.fusion.tiling.TileGrid;
import io.cordon.pipeline.fusion.tiling.TilePartitioning;
import io.cordon.pipeline.observation.Observation;
import java.io.Serializable;
import java.util.List;

/**
 * Assigns each observation to fusion partitions; one tracker runs per partition. It is {@link
 * Serializable} because stream jobs ship it to their workers.
 */
@FunctionalInterface
public interface Partitioning extends Serializable {
    /** The partition that owns the observation. */
    String partitionOf(Observation observation);

    /**
     * Every partition that fuses the observation, the owning one first: with spatial tiles, the
     * core tile and each tile whose halo holds it.
     */
    default List<String> partitionsOf(Observation observation) {
        return List.of(partitionOf(observation));
    }

    /** Everything in one partition: exact, and the baseline the spatial partitioning must match. */
    static Partitioning single() {
        return observation -> "all";
    }

    /** What the configuration's {@code fusion} section asks for: tiles, or one partition. */
    static Partitioning of(CordonConfig config) {
        if (!config.fusion().tiled()) {
            return single();
        }
        return new TilePartitioning(
                new TileGrid(config.fusion().tileSizeM(), config.fusion().haloM()),
                config.reference());
    }
}
