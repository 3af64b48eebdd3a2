package io.cordon.connectors.asterix.cat048;

import static io.cordon.connectors.asterix.ItemFormat.compound;
import static io.cordon.connectors.asterix.ItemFormat.explicit;
import static io.cordon.connectors.asterix.ItemFormat.extended;
import static io.cordon.connectors.asterix.ItemFormat.fixed;
import static io.cordon.connectors.asterix.ItemFormat.repetitive;
import static io.cordon.connectors.asterix.ItemSpec.item;

import io.cordon.connectors.asterix.Uap;

/**
 * The CAT048 User Application Profile (EUROCONTROL-SPEC-0149-4 edition 1.21, table 3; unchanged in
 * editions up to 1.32) with the FRN of each item.
 */
public final class Cat048Uap {
    public static final int I010 = 1;
    public static final int I140 = 2;
    public static final int I020 = 3;
    public static final int I040 = 4;
    public static final int I070 = 5;
    public static final int I090 = 6;
    public static final int I130 = 7;
    public static final int I220 = 8;
    public static final int I240 = 9;
    public static final int I250 = 10;
    public static final int I161 = 11;
    public static final int I042 = 12;
    public static final int I200 = 13;
    public static final int I170 = 14;
    public static final int I210 = 15;
    public static final int I030 = 16;
    public static final int I080 = 17;
    public static final int I100 = 18;
    public static final int I110 = 19;
    public static final int I120 = 20;
    public static final int I230 = 21;
    public static final int I260 = 22;
    public static final int I055 = 23;
    public static final int I050 = 24;
    public static final int I065 = 25;
    public static final int I060 = 26;
    public static final int SP = 27;
    public static final int RE = 28;

    public static final Uap UAP =
            Uap.of(
                    48,
                    "1.21",
                    item("I010", fixed(2)), // data source identifier: SAC, SIC
                    item("I140", fixed(3)), // time of day, 1/128 s
                    item("I020", extended(1, 1)), // target report descriptor
                    item(
                            "I040",
                            fixed(4)), // measured position, polar: RHO 1/256 NM, THETA 360/2^16 deg
                    item("I070", fixed(2)), // Mode-3/A code in octal
                    item("I090", fixed(2)), // flight level in binary, 1/4 FL
                    item(
                            "I130", // radar plot characteristics: SRL SRR SAM PRL PAM RPD APD
                            compound(
                                    fixed(1), fixed(1), fixed(1), fixed(1), fixed(1), fixed(1),
                                    fixed(1))),
                    item("I220", fixed(3)), // aircraft address
                    item("I240", fixed(6)), // aircraft identification, 8 ICAO 6-bit characters
                    item("I250", repetitive(8)), // BDS register data: 56 bits MB data + BDS1/BDS2
                    item("I161", fixed(2)), // track number
                    item("I042", fixed(4)), // calculated position, Cartesian, 1/128 NM
                    item("I200", fixed(4)), // calculated track velocity, polar
                    item("I170", extended(1, 1)), // track status
                    item("I210", fixed(4)), // track quality
                    item("I030", extended(1, 1)), // warning/error conditions
                    item("I080", fixed(2)), // Mode-3/A code confidence
                    item("I100", fixed(4)), // Mode-C code and confidence
                    item("I110", fixed(2)), // height measured by 3D radar, 25 ft
                    item("I120", compound(fixed(2), repetitive(6))), // radial Doppler: CAL, RDS
                    item("I230", fixed(2)), // communications/ACAS capability and flight status
                    item("I260", fixed(7)), // ACAS resolution advisory report
                    item("I055", fixed(1)), // Mode-1 code
                    item("I050", fixed(2)), // Mode-2 code
                    item("I065", fixed(1)), // Mode-1 code confidence
                    item("I060", fixed(2)), // Mode-2 code confidence
                    item("SP", explicit()), // special purpose field
                    item("RE", explicit())); // reserved expansion field

    private Cat048Uap() {}
}
