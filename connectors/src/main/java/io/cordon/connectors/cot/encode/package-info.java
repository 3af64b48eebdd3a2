/**
 * Cursor on Target encoders for sensor detections (what a drone's ground station sends), read back
 * by {@link io.cordon.connectors.cot.CotXmlDecoder}. Partner outputs (alerts and fused tracks) are
 * written by {@code io.cordon.connectors.output.cot.CotEventWriter}.
 */
package io.cordon.connectors.cot.encode;
