/**
 * Tracking performance metrics computed against ground truth: GOSPA (generalised optimal
 * sub-pattern assignment) with its localisation, missed and false components, as the benchmark
 * scores them.
 */
package io.cordon.pipeline.metrics;
