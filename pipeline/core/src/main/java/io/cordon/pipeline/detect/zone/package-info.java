/**
 * Zone intrusion: a track entering a restricted zone from configuration, with hysteresis at the
 * zone's edge, and the alert closed when it leaves.
 */
package io.cordon.pipeline.detect.zone;
