/**
 * End-to-end benchmarks on a real broker: a generator writes observations into Kafka, the job runs
 * on a mini cluster, and the results are read back from the output topic.
 */
package io.cordon.jobs.bench;
