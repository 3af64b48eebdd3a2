/**
 * A seeded simulation of targets along a border and of the partners' sensors that see them: radar
 * plots, drone, satellite and ground-sensor position fixes with their noise, AIS transponders'
 * position and static reports, detection probability and clutter. It feeds the local run and the
 * integration tests; the same seed gives the same observations.
 */
package io.cordon.pipeline.simulation;
