/** The detection job's operators: decode track updates, run the detectors per key. */
package io.cordon.pipeline.flink.detect;
