/**
 * Identity conflict: the same cooperative identity (MMSI, ICAO 24-bit address, CoT uid) claimed by
 * two tracks in places no single entity could be at once, the mark of a spoofed or cloned
 * transponder. Keyed by identity.
 */
package io.cordon.pipeline.detect.identity;
