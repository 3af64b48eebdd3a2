/**
 * AIS messages (ITU-R M.1371-5 Annex 8): the six-bit payload unpacked into bits and the message
 * types a surveillance picture uses decoded into records with units in their names. Values the
 * standard marks "not available" (longitude 181, speed 1023, heading 511, ...) are absent ({@code
 * Optional*}), never sentinel numbers.
 *
 * <p>Decoded: 1/2/3 (class A position), 4 (base station), 5 (static and voyage), 18 and 19 (class B
 * position), 24 A/B (class B static) and 27 (long-range, for satellite reception). Every other type
 * yields an {@link io.cordon.connectors.ais.message.UnsupportedMessage} with its envelope (type,
 * repeat, MMSI).
 */
package io.cordon.connectors.ais.message;
