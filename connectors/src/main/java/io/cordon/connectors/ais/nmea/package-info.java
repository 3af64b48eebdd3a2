/**
 * The NMEA 0183 wrapper of AIS: {@code !AIVDM}/{@code !AIVDO} sentences with their checksum, IEC
 * 61162-1 TAG blocks ({@code \c:...,s:...*hh\}) and the reassembly of multi-sentence messages.
 *
 * <p>Reference: IEC 61162-1 (paywalled); the open description is gpsd's {@code www/AIVDM.adoc}
 * ("AIVDM/AIVDO protocol decoding", E. S. Raymond).
 */
package io.cordon.connectors.ais.nmea;
