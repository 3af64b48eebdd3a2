package io.cordon.connectors.ais.message;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * Bit layouts of the static data messages 5 and 24 (ITU-R M.1371-5 Tables 52, 73, 74). Bit ranges
 * are inclusive, bit 0 first.
 */
final class StaticDataDecoder {
    private static final int AUXILIARY_CRAFT_PREFIX = 98;

    private StaticDataDecoder() {}

    /**
     * Type 5 (424 bits): AIS version 38-39, IMO 40-69, call sign 70-111 (7 chars), name 112-231 (20
     * chars), ship type 232-239, dimensions 240-269, EPFD 270-273, ETA month 274-277, day 278-282,
     * hour 283-287, minute 288-293, draught 294-301 (0.1 m), destination 302-421 (20 chars), DTE
     * 422, spare 423.
     */
    static AisMessage staticAndVoyage(AisBits b) {
        int imo = b.uint(40, 30);
        int draught = b.uint(294, 8);
        return new StaticAndVoyageData(
                b.uint(0, 6),
                b.uint(6, 2),
                b.uint(8, 30),
                b.uint(38, 2),
                imo == 0 ? OptionalInt.empty() : OptionalInt.of(imo),
                b.text(70, 7),
                b.text(112, 20),
                b.uint(232, 8),
                AisFields.dimensions(b, 240),
                b.uint(270, 4),
                eta(b.uint(274, 4), b.uint(278, 5), b.uint(283, 5), b.uint(288, 6)),
                draught == 0 ? OptionalDouble.empty() : OptionalDouble.of(draught / 10.0),
                b.text(302, 20),
                b.flag(422));
    }

    /** Type 24 part A (160 bits + 8 spare): part number 38-39, name 40-159. */
    static AisMessage partA(AisBits b) {
        return new StaticDataReportPartA(b.uint(0, 6), b.uint(6, 2), b.uint(8, 30), b.text(40, 20));
    }

    /**
     * Type 24 part B (168 bits): ship type 40-47, vendor id 48-65 (3 chars), unit model 66-69,
     * serial 70-89, call sign 90-131, dimensions 132-161 or, for auxiliary craft (MMSI 98MIDxxxx),
     * mother ship MMSI 132-161; EPFD and spare 162-167.
     */
    static AisMessage partB(AisBits b) {
        int mmsi = b.uint(8, 30);
        boolean auxiliary = mmsi / 10_000_000 == AUXILIARY_CRAFT_PREFIX;
        return new StaticDataReportPartB(
                b.uint(0, 6),
                b.uint(6, 2),
                mmsi,
                b.uint(40, 8),
                b.text(48, 3),
                b.uint(66, 4),
                b.uint(70, 20),
                b.text(90, 7),
                auxiliary ? Optional.empty() : AisFields.dimensions(b, 132),
                auxiliary ? OptionalInt.of(b.uint(132, 30)) : OptionalInt.empty());
    }

    private static Optional<Eta> eta(int month, int day, int hour, int minute) {
        if (month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59) {
            return Optional.empty();
        }
        return Optional.of(new Eta(month, day, hour, minute));
    }
}
