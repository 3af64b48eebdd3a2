/**
 * SAPIENT (BSI Flex 335 v2.0) encoders for what a ground sensor node sends, read back by {@link
 * io.cordon.connectors.sapient.SapientDecoder}.
 */
package io.cordon.connectors.sapient.encode;
