package io.cordon.connectors.sapient;

import java.time.Instant;
import java.util.List;

/**
 * A SAPIENT node's registration, reduced to what a sensor registry needs.
 *
 * @param sentTime when the node sent it
 * @param nodeId UUID of the node
 * @param icdVersion interface version the node implements
 * @param name system name
 * @param shortName short name for displays
 * @param nodeTypes the node's types as the standard names them ({@code NODE_TYPE_RADAR}, ...)
 * @param statusIntervalSeconds time between status reports, seconds; {@code NaN} when absent or in
 *     unknown units
 * @param modeNames names of the node's modes
 * @param manufacturer manufacturer from the first configuration data, or ""
 * @param model model from the first configuration data, or ""
 */
public record SapientRegistration(
        Instant sentTime,
        String nodeId,
        String icdVersion,
        String name,
        String shortName,
        List<String> nodeTypes,
        double statusIntervalSeconds,
        List<String> modeNames,
        String manufacturer,
        String model)
        implements SapientReport {
    public SapientRegistration {
        nodeTypes = List.copyOf(nodeTypes);
        modeNames = List.copyOf(modeNames);
    }
}
