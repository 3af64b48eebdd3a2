/**
 * SAPIENT (BSI Flex 335 v2.0) from ground sensor nodes: the TCP framing (each message preceded by
 * its length as a 4-octet little-endian unsigned integer), the {@code sapient.v2.SapientMessage}
 * protobuf (Cordon's own definitions in the proto module, written from the published field
 * numbers), and the typed reports Cordon consumes: {@link
 * io.cordon.connectors.sapient.SapientDetection} and {@link
 * io.cordon.connectors.sapient.SapientRegistration}, with units converted to degrees and metres.
 */
package io.cordon.connectors.sapient;
