package io.cordon.connectors.sapient;

import java.time.Instant;
import java.util.List;

/**
 * A SAPIENT detection report. Exactly one of {@code location} and {@code rangeBearing} is non-null.
 * Absent strings are {@code ""}, absent numbers {@code NaN}.
 *
 * @param sentTime when the node sent the report
 * @param nodeId UUID of the reporting node
 * @param reportId ULID of this report
 * @param objectId ULID of the detected object (stable across reports when the node tracks)
 * @param taskId ULID of the task the node was performing
 * @param state special condition such as "lost"
 * @param location geodetic position, or null
 * @param rangeBearing position relative to the node, or null
 * @param detectionConfidence probability the detection is real, [0, 1]
 * @param classifications classes with their probabilities, in the node's order
 * @param eastMps velocity east, in the units the node registered (m/s for SPEED_UNITS_MS)
 * @param northMps velocity north, same units
 * @param upMps velocity up, same units
 * @param colour colour of the object
 * @param objectIdentity an identity of the object such as a tail number (DetectionReport.id)
 */
public record SapientDetection(
        Instant sentTime,
        String nodeId,
        String reportId,
        String objectId,
        String taskId,
        String state,
        SapientLocation location,
        SapientRangeBearing rangeBearing,
        double detectionConfidence,
        List<SapientClassification> classifications,
        double eastMps,
        double northMps,
        double upMps,
        String colour,
        String objectIdentity)
        implements SapientReport {
    public SapientDetection {
        classifications = List.copyOf(classifications);
    }

    /** The most probable class, or null when none is given. */
    public SapientClassification mostLikelyClass() {
        SapientClassification best = null;
        for (SapientClassification c : classifications) {
            if (best == null || c.confidence() > best.confidence()) {
                best = c;
            }
        }
        return best;
    }
}
