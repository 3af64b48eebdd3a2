package io.cordon.connectors.sapient;

import java.time.Instant;

/**
 * A well-formed SAPIENT message whose content Cordon does not interpret yet (status report, task,
 * alert, acknowledgements, error). It still proves the node is alive.
 *
 * @param sentTime when the node sent it
 * @param nodeId UUID of the sending node
 * @param content the content's name in the standard ({@code status_report}, {@code alert}, ...)
 */
public record SapientOtherContent(Instant sentTime, String nodeId, String content)
        implements SapientReport {}
