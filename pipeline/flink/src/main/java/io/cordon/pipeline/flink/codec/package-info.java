/**
 * Mappers between the {@code cordon.v1} topic schemas (generated protobuf classes) and the core
 * records. Protobuf lives only here, at the Kafka edges; decoding never throws on bad input but
 * returns a {@link io.cordon.pipeline.flink.codec.DecodeResult} with a reason that names the
 * offending proto field.
 */
package io.cordon.pipeline.flink.codec;
