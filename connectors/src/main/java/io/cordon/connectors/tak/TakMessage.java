package io.cordon.connectors.tak;

import io.cordon.connectors.cot.CotEvent;
import java.util.Optional;

/**
 * One TAK protocol message.
 *
 * @param control negotiation data; absent when the message carries none
 * @param cotEvent the CoT event; absent for control-only messages
 */
public record TakMessage(Optional<TakControl> control, Optional<CotEvent> cotEvent) {}
