/**
 * The AIS connector: NMEA 0183 {@code !AIVDM}/{@code !AIVDO} lines in, {@link
 * io.cordon.connectors.ais.AisReport}s out ({@link io.cordon.connectors.ais.AisStreamDecoder}), and
 * position reports mapped to core observations ({@link
 * io.cordon.connectors.ais.AisObservationMapper}).
 *
 * <p>Layers: {@code nmea} (sentences, TAG blocks, checksums, multipart reassembly), {@code message}
 * (six-bit payload and message layouts). References: ITU-R M.1371-5 Annex 8 for the messages; IEC
 * 61162-1 for the sentence and TAG block, described openly in gpsd's {@code AIVDM.adoc}.
 */
package io.cordon.connectors.ais;
