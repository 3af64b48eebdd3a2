package io.cordon.pipeline.association;

/**
 * A track-measurement pair inside the gate with its assignment cost, the negative log-likelihood
 * ratio of "this measurement is this track's detection" against "track missed, measurement is
 * clutter or a new target": {@code -ln(P_D N(y; 0, S) / ((1 - P_D) λ))}.
 *
 * @param track index of the track in the caller's list
 * @param measurement index of the measurement in the caller's list
 * @param cost the cost, finite (lower is better; pairs costing more than 0 are only taken when
 *     nothing else fits better, never forced)
 */
public record GatedPair(int track, int measurement, double cost) {}
