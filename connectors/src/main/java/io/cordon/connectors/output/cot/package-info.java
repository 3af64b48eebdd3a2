/**
 * Cursor on Target output: released alerts and tracks as CoT XML events ({@link
 * io.cordon.connectors.output.cot.CotEventWriter}, types and how codes in {@link
 * io.cordon.connectors.output.cot.CotTypes}) streamed over TCP or TLS to a TAK endpoint ({@link
 * io.cordon.connectors.output.cot.CotStreamClient}).
 */
package io.cordon.connectors.output.cot;
