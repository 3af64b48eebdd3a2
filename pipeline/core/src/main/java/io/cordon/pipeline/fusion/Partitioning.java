package io.cordon.pipeline.fusion;

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
}
