/** Geodetic positions, WGS84 frames (geodetic, ECEF, local east-north-up) and geodesics. */
package io.cordon.pipeline.geo;
