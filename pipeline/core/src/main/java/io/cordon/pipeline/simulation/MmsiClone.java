package io.cordon.pipeline.simulation;

import io.cordon.pipeline.geo.GeoPoint;

/**
 * Ground truth of one MMSI clone of a {@link BorderSimulation} ({@link
 * BorderSimulation#withMmsiClones}): for scoring, never given to the tracker or the detectors.
 *
 * @param cloneIndex index of the clone in {@link BorderSimulation#targets()}
 * @param carrierIndex index of the target whose MMSI it uses
 * @param mmsi the shared MMSI, 9 digits
 * @param near whether it is a near clone (a decoy within 1 km, no conflict) rather than a spoof
 * @param bornS when the clone appears, s since the simulation epoch
 * @param firstTransmissionS when it first transmits its position (the two then claim the MMSI at
 *     once), s since the simulation epoch
 * @param position where the clone is then
 * @param separationM how far it is from the carrier (constant: both move alike), m
 */
public record MmsiClone(
        int cloneIndex,
        int carrierIndex,
        String mmsi,
        boolean near,
        double bornS,
        double firstTransmissionS,
        GeoPoint position,
        double separationM) {}
