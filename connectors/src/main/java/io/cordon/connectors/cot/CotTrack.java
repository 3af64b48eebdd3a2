package io.cordon.connectors.cot;

import java.util.OptionalDouble;

/**
 * The {@code <detail><track>} of a CoT event (MITRE CoT Track Schema).
 *
 * @param courseDeg direction of motion from true north, degrees, [0, 360)
 * @param speedMps magnitude of the 3-D velocity, metres per second, >= 0
 * @param slopeDeg vertical angle of the motion, degrees, [-90, 90], negative downwards; absent when
 *     not given
 */
public record CotTrack(double courseDeg, double speedMps, OptionalDouble slopeDeg) {}
