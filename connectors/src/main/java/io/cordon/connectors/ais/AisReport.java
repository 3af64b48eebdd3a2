package io.cordon.connectors.ais;

import io.cordon.connectors.ais.message.AisMessage;
import java.time.Instant;
import java.util.Optional;

/**
 * A decoded AIS message with what its sentences said about its reception.
 *
 * @param message the decoded message
 * @param receivedAt when it was received: the TAG block's {@code c:} time, else the time the caller
 *     supplied with the input; empty when neither is known
 * @param source the TAG block's {@code s:} source (receiver or satellite id), empty when none
 * @param channel the AIS radio channel ({@code A}, {@code B}, {@code 1}, {@code 2}), empty when not
 *     given
 * @param ownShip true for {@code !AIVDO} (the receiving vessel's own report)
 */
public record AisReport(
        AisMessage message,
        Optional<Instant> receivedAt,
        String source,
        String channel,
        boolean ownShip) {}
