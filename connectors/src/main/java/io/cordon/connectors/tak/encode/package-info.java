/**
 * Writers of TAK protocol version 1 (protobuf) messages, for the simulator and for tests: the
 * counterpart of the decoders in {@code io.cordon.connectors.tak}.
 */
package io.cordon.connectors.tak.encode;
