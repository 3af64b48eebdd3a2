/**
 * Kafka edges of the jobs: raw records in, protobuf payloads out, transactions for exactly once.
 */
package io.cordon.jobs.kafka;
