package io.cordon.pipeline.simulation;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * Ground truth of one transponder switched off in a {@link BorderSimulation} (the target goes dark
 * in the cooperative sense): for scoring, never given to the tracker or the detectors.
 *
 * @param targetIndex index of the target in {@link BorderSimulation#targets()}
 * @param targetId the target's truth id
 * @param mmsi the transponder's MMSI, 9 digits
 * @param timeS the switch-off time, seconds since the simulation epoch: it transmits nothing from
 *     then on
 * @param position where the target is at that time (on the surface)
 */
public record SwitchOff(
        int targetIndex, String targetId, String mmsi, double timeS, GeoPoint position) {}
