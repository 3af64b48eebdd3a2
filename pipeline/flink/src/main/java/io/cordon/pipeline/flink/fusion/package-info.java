/** The fusion job's operators: decode and validate observations, then track per partition. */
package io.cordon.pipeline.flink.fusion;
