/**
 * The Cursor on Target connector: CoT 2.0 {@code <event>} XML ({@link
 * io.cordon.connectors.cot.CotXmlDecoder}) into {@link io.cordon.connectors.cot.CotEvent}s, and
 * their mapping to core observations ({@link io.cordon.connectors.cot.CotObservationMapper}). TAK
 * protocol v1 (protobuf) carries the same events; its framing lives in {@code
 * io.cordon.connectors.tak}.
 *
 * <p>Reference: MITRE "CoT Base-Event Schema (PUBLIC RELEASE)" 2.0 and its Track and Contact
 * sub-schemas; the type tree in MITRE's {@code types.txt}.
 */
package io.cordon.connectors.cot;
