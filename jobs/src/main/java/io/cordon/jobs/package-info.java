/**
 * The deployable Flink jobs. Each job takes its sources and sinks as constructor arguments, so
 * tests pass in-memory or test-broker ones; {@link io.cordon.jobs.CordonJobs} wires them to Kafka.
 */
package io.cordon.jobs;
