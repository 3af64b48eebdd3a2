/**
 * TAK protocol: mesh framing ({@code 0xBF <version varint> 0xBF} + payload, one message per UDP
 * datagram), stream framing ({@code 0xBF <length varint>} + payload, messages back to back on TCP)
 * and the version 1 payload, a protobuf {@code TakMessage} read here with our own wire reader from
 * the published field numbers into the same {@link io.cordon.connectors.cot.CotEvent} the XML path
 * yields. Version 0 (legacy CoT XML) datagrams are passed to the XML decoder.
 *
 * <p>Reference: ATAK-CIV {@code takproto/README.md} (framing, varint, negotiation) and its {@code
 * takmessage.proto}, {@code cotevent.proto}, {@code detail.proto}, {@code contact.proto}, {@code
 * track.proto}, {@code takcontrol.proto} for the field numbers; protobuf encoding per protobuf.dev
 * "Encoding".
 */
package io.cordon.connectors.tak;
