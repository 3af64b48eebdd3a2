/**
 * The tracking benchmark's file format ({@code shared/bench/README.md}): reading a scenario
 * (scenario.json and detections.csv; truth files are for the scorer only and never read here) and
 * running the tracker over it to write confirmed tracks at every evaluation time.
 */
package io.cordon.pipeline.bench;
