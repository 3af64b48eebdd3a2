/**
 * Detection on benchmark scenarios ({@code shared/bench/README.md}): the tracker and the detectors
 * over a scenario ({@link io.cordon.pipeline.detect.bench.BenchDetection}), the ground-truth events
 * a generated scenario holds ({@link io.cordon.pipeline.detect.bench.TruthEvents}) and the event
 * score of alerts against them ({@link io.cordon.pipeline.detect.bench.EventScore}).
 */
package io.cordon.pipeline.detect.bench;
