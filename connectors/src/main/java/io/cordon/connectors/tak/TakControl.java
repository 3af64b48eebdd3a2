package io.cordon.connectors.tak;

/**
 * TAK protocol negotiation data carried in a {@code TakMessage}.
 *
 * @param minProtoVersion lowest TAK protocol version the sender supports (0 read as 1)
 * @param maxProtoVersion highest version it supports (0 read as 1)
 * @param contactUid the sender's uid, empty when omitted
 */
public record TakControl(int minProtoVersion, int maxProtoVersion, String contactUid) {}
