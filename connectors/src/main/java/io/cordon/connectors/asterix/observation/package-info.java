/**
 * Turns decoded ASTERIX records into Cordon {@link io.cordon.pipeline.observation.Observation}s:
 * CAT048 plots as radar plots in the radar's frame, CAT062 system tracks as sensor-track updates,
 * CAT021 ADS-B reports as position fixes; the sensor registry entry supplies what the formats do
 * not carry (radar position, noise, owner, releasability).
 */
package io.cordon.connectors.asterix.observation;
