/**
 * Records that travel between operators, as Flink POJOs (public fields, no-arg constructor) so they
 * never fall back to Kryo. Payloads stay protobuf bytes, validated once at the edge.
 */
package io.cordon.pipeline.flink.record;
