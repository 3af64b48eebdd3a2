package io.cordon.connectors.asterix.cat021;

import static io.cordon.connectors.asterix.ItemFormat.compound;
import static io.cordon.connectors.asterix.ItemFormat.explicit;
import static io.cordon.connectors.asterix.ItemFormat.extended;
import static io.cordon.connectors.asterix.ItemFormat.fixed;
import static io.cordon.connectors.asterix.ItemFormat.repetitive;
import static io.cordon.connectors.asterix.ItemSpec.item;
import static io.cordon.connectors.asterix.ItemSpec.spare;

import io.cordon.connectors.asterix.ItemFormat;
import io.cordon.connectors.asterix.Uap;
import java.util.Arrays;

/**
 * The CAT021 User Application Profile (EUROCONTROL-SPEC-0149-12 edition 2.6, table 2; the same FRNs
 * since edition 2.1).
 */
public final class Cat021Uap {
    public static final int I010 = 1;
    public static final int I040 = 2;
    public static final int I161 = 3;
    public static final int I015 = 4;
    public static final int I071 = 5;
    public static final int I130 = 6;
    public static final int I131 = 7;
    public static final int I072 = 8;
    public static final int I150 = 9;
    public static final int I151 = 10;
    public static final int I080 = 11;
    public static final int I073 = 12;
    public static final int I074 = 13;
    public static final int I075 = 14;
    public static final int I076 = 15;
    public static final int I140 = 16;
    public static final int I090 = 17;
    public static final int I210 = 18;
    public static final int I070 = 19;
    public static final int I230 = 20;
    public static final int I145 = 21;
    public static final int I152 = 22;
    public static final int I200 = 23;
    public static final int I155 = 24;
    public static final int I157 = 25;
    public static final int I160 = 26;
    public static final int I165 = 27;
    public static final int I077 = 28;
    public static final int I170 = 29;
    public static final int I020 = 30;
    public static final int I220 = 31;
    public static final int I146 = 32;
    public static final int I148 = 33;
    public static final int I110 = 34;
    public static final int I016 = 35;
    public static final int I008 = 36;
    public static final int I271 = 37;
    public static final int I132 = 38;
    public static final int I250 = 39;
    public static final int I260 = 40;
    public static final int I400 = 41;
    public static final int I295 = 42;
    public static final int RE = 48;
    public static final int SP = 49;

    /**
     * I295 data ages: 23 one-octet subfields (AOS TRD M3A QI TI MAM GH | FL SAL FSA AS TAS MH BVR |
     * GVR GV TAR TI TS MET ROA | ARA SCC).
     */
    private static final ItemFormat I295_FORMAT;

    static {
        ItemFormat[] ages = new ItemFormat[23];
        Arrays.fill(ages, fixed(1));
        I295_FORMAT = compound(ages);
    }

    public static final Uap UAP =
            Uap.of(
                    21,
                    "2.6",
                    item("I010", fixed(2)), // data source identification
                    item("I040", extended(1, 1)), // target report descriptor
                    item("I161", fixed(2)), // track number
                    item("I015", fixed(1)), // service identification
                    item("I071", fixed(3)), // time of applicability for position, 1/128 s
                    item("I130", fixed(6)), // position WGS-84, 180/2^23 deg
                    item("I131", fixed(8)), // high-resolution position WGS-84, 180/2^30 deg
                    item("I072", fixed(3)), // time of applicability for velocity
                    item("I150", fixed(2)), // air speed
                    item("I151", fixed(2)), // true air speed
                    item("I080", fixed(3)), // target address
                    item("I073", fixed(3)), // time of message reception for position
                    item("I074", fixed(4)), // same, high precision
                    item("I075", fixed(3)), // time of message reception for velocity
                    item("I076", fixed(4)), // same, high precision
                    item("I140", fixed(2)), // geometric height, 6.25 ft
                    item("I090", extended(1, 1)), // quality indicators
                    item("I210", fixed(1)), // MOPS version
                    item("I070", fixed(2)), // Mode 3/A code
                    item("I230", fixed(2)), // roll angle
                    item("I145", fixed(2)), // flight level, 1/4 FL
                    item("I152", fixed(2)), // magnetic heading
                    item("I200", fixed(1)), // target status
                    item("I155", fixed(2)), // barometric vertical rate, 6.25 ft/min
                    item("I157", fixed(2)), // geometric vertical rate, 6.25 ft/min
                    item("I160", fixed(4)), // airborne ground vector
                    item("I165", fixed(2)), // track angle rate
                    item("I077", fixed(3)), // time of ASTERIX report transmission
                    item("I170", fixed(6)), // target identification
                    item("I020", fixed(1)), // emitter category
                    item(
                            "I220",
                            compound(fixed(2), fixed(2), fixed(2), fixed(1))), // met: WS WD TMP TRB
                    item("I146", fixed(2)), // selected altitude
                    item("I148", fixed(2)), // final state selected altitude
                    item(
                            "I110",
                            compound(extended(1, 1), repetitive(15))), // trajectory intent: TIS TID
                    item("I016", fixed(1)), // service management
                    item("I008", fixed(1)), // aircraft operational status
                    item("I271", extended(1, 1)), // surface capabilities and characteristics
                    item("I132", fixed(1)), // message amplitude
                    item("I250", repetitive(8)), // Mode S MB data
                    item("I260", fixed(7)), // ACAS resolution advisory report
                    item("I400", fixed(1)), // receiver id
                    item("I295", I295_FORMAT), // data ages
                    spare(),
                    spare(),
                    spare(),
                    spare(),
                    spare(),
                    item("RE", explicit()), // reserved expansion field
                    item("SP", explicit())); // special purpose field

    private Cat021Uap() {}
}
