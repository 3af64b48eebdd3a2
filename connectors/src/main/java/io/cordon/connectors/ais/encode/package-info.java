/**
 * AIS encoders: ITU-R M.1371 messages 1 (class A position), 18 (class B position) and 5 (static and
 * voyage data) as NMEA 0183 {@code !AIVDM} sentences with optional TAG blocks, in the form {@link
 * io.cordon.connectors.ais.AisStreamDecoder} reads.
 */
package io.cordon.connectors.ais.encode;
