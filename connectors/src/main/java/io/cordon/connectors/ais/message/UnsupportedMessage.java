package io.cordon.connectors.ais.message;

/**
 * A valid message of a type this decoder does not unpack (binary messages 6 and 8, safety text,
 * aids to navigation, ...): only its envelope.
 *
 * @param messageType 1-27
 * @param repeatIndicator 0-3
 * @param mmsi source MMSI
 * @param bitLength the payload length in bits
 */
public record UnsupportedMessage(int messageType, int repeatIndicator, int mmsi, int bitLength)
        implements AisMessage {}
