package io.cordon.connectors.ais.message;

/**
 * Where the position reference point sits on the ship (ITU-R M.1371-5 Fig. 42): distances from the
 * reference point to bow, stern, port and starboard, metres. 511 (bow, stern) and 63 (port,
 * starboard) mean "that or more".
 *
 * @param toBowM metres from the reference point to the bow, 0-511
 * @param toSternM metres to the stern, 0-511
 * @param toPortM metres to port, 0-63
 * @param toStarboardM metres to starboard, 0-63
 */
public record ShipDimensions(int toBowM, int toSternM, int toPortM, int toStarboardM) {
    /** Overall length, metres. */
    public int lengthM() {
        return toBowM + toSternM;
    }

    /** Overall beam, metres. */
    public int beamM() {
        return toPortM + toStarboardM;
    }
}
