package io.cordon.pipeline.fusion;

import io.cordon.pipeline.observation.Observation;
import java.io.Serializable;

/**
 * Assigns each observation to a fusion partition; one tracker runs per partition. It is {@link
 * Serializable} because stream jobs ship it to their workers.
 */
@FunctionalInterface
public interface Partitioning extends Serializable {
    String partitionOf(Observation observation);

    /** Everything in one partition: exact, and the baseline the spatial partitioning must match. */
    static Partitioning single() {
        return observation -> "all";
    }
}
