/**
 * Thin Flink operators around the plain-Java core: they hold state and time, call the core, and
 * route what cannot be decoded to the dead-letter output.
 */
package io.cordon.pipeline.flink;
