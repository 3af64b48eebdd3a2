package io.cordon.connectors.sapient;

import java.time.Instant;

/** One decoded SAPIENT message: who sent it and when, and what it says. */
public sealed interface SapientReport
        permits SapientDetection, SapientRegistration, SapientOtherContent {
    /** When the node sent the message (SapientMessage.timestamp, UTC). */
    Instant sentTime();

    /** UUID of the sending node (SapientMessage.node_id). */
    String nodeId();
}
