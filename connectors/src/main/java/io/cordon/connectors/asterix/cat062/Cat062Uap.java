package io.cordon.connectors.asterix.cat062;

import static io.cordon.connectors.asterix.ItemFormat.compound;
import static io.cordon.connectors.asterix.ItemFormat.explicit;
import static io.cordon.connectors.asterix.ItemFormat.extended;
import static io.cordon.connectors.asterix.ItemFormat.fixed;
import static io.cordon.connectors.asterix.ItemFormat.repetitive;
import static io.cordon.connectors.asterix.ItemSpec.item;
import static io.cordon.connectors.asterix.ItemSpec.spare;

import io.cordon.connectors.asterix.ItemFormat;
import io.cordon.connectors.asterix.Uap;

/** The CAT062 User Application Profile (EUROCONTROL-SPEC-0149-9 edition 1.18, table 3). */
public final class Cat062Uap {
    public static final int I010 = 1;
    public static final int I015 = 3;
    public static final int I070 = 4;
    public static final int I105 = 5;
    public static final int I100 = 6;
    public static final int I185 = 7;
    public static final int I210 = 8;
    public static final int I060 = 9;
    public static final int I245 = 10;
    public static final int I380 = 11;
    public static final int I040 = 12;
    public static final int I080 = 13;
    public static final int I290 = 14;
    public static final int I200 = 15;
    public static final int I295 = 16;
    public static final int I136 = 17;
    public static final int I130 = 18;
    public static final int I135 = 19;
    public static final int I220 = 20;
    public static final int I390 = 21;
    public static final int I270 = 22;
    public static final int I300 = 23;
    public static final int I110 = 24;
    public static final int I120 = 25;
    public static final int I510 = 26;
    public static final int I500 = 27;
    public static final int I340 = 28;
    public static final int RE = 34;
    public static final int SP = 35;

    /** I380 (aircraft derived data) subfield indices. */
    static final int I380_ADR = 0;

    static final int I380_ID = 1;

    /** I500 (estimated accuracies) subfield indices. */
    static final int I500_APC = 0;

    static final int I500_COV = 1;

    private static final ItemFormat SPARE = null;

    private static ItemFormat ones(int count) {
        ItemFormat[] subfields = new ItemFormat[count];
        java.util.Arrays.fill(subfields, fixed(1));
        return compound(subfields);
    }

    /**
     * I380: ADR ID MHG IAS TAS SAL FSS | TIS TID COM SAB ACS BVR GVR | RAN TAR TAN GSP VUN MET EMC
     * | POS GAL PUN MB IAR MAC BPS.
     */
    private static final ItemFormat I380_FORMAT =
            compound(
                    fixed(3),
                    fixed(6),
                    fixed(2),
                    fixed(2),
                    fixed(2),
                    fixed(2),
                    fixed(2),
                    extended(1, 1),
                    repetitive(15),
                    fixed(2),
                    fixed(2),
                    fixed(7),
                    fixed(2),
                    fixed(2),
                    fixed(2),
                    fixed(2),
                    fixed(2),
                    fixed(2),
                    fixed(1),
                    fixed(8),
                    fixed(1),
                    fixed(6),
                    fixed(2),
                    fixed(1),
                    repetitive(8),
                    fixed(2),
                    fixed(2),
                    fixed(2));

    /** I290 (system track update ages): TRK PSR SSR MDS ADS ES VDL | UAT LOP MLT. */
    private static final ItemFormat I290_FORMAT =
            compound(
                    fixed(1), fixed(1), fixed(1), fixed(1), fixed(2), fixed(1), fixed(1), fixed(1),
                    fixed(1), fixed(1));

    /**
     * I390 (flight plan related data): TAG CSN IFI FCT TAC WTC DEP | DST RDS CFL CTL TOD AST STS |
     * STD STA PEM PEC.
     */
    private static final ItemFormat I390_FORMAT =
            compound(
                    fixed(2),
                    fixed(7),
                    fixed(4),
                    fixed(1),
                    fixed(4),
                    fixed(1),
                    fixed(4),
                    fixed(4),
                    fixed(3),
                    fixed(2),
                    fixed(2),
                    repetitive(4),
                    fixed(6),
                    fixed(1),
                    fixed(7),
                    fixed(7),
                    fixed(2),
                    fixed(7));

    public static final Uap UAP =
            Uap.of(
                    62,
                    "1.18",
                    item("I010", fixed(2)), // data source identifier
                    spare(),
                    item("I015", fixed(1)), // service identification
                    item("I070", fixed(3)), // time of track information, 1/128 s
                    item("I105", fixed(8)), // calculated position WGS-84, 180/2^25 deg
                    item("I100", fixed(6)), // calculated position Cartesian, 0.5 m
                    item("I185", fixed(4)), // calculated velocity Cartesian, 0.25 m/s
                    item("I210", fixed(2)), // calculated acceleration Cartesian, 0.25 m/s^2
                    item("I060", fixed(2)), // track Mode 3/A code
                    item("I245", fixed(7)), // target identification
                    item("I380", I380_FORMAT), // aircraft derived data
                    item("I040", fixed(2)), // track number
                    item("I080", extended(1, 1)), // track status
                    item("I290", I290_FORMAT), // system track update ages
                    item("I200", fixed(1)), // mode of movement
                    item("I295", ones(31)), // track data ages: 31 one-octet subfields
                    item("I136", fixed(2)), // measured flight level, 1/4 FL
                    item("I130", fixed(2)), // calculated track geometric altitude, 6.25 ft
                    item("I135", fixed(2)), // calculated track barometric altitude, 1/4 FL
                    item("I220", fixed(2)), // calculated rate of climb/descent, 6.25 ft/min
                    item("I390", I390_FORMAT), // flight plan related data
                    item("I270", extended(1, 1)), // target size and orientation
                    item("I300", fixed(1)), // vehicle fleet identification
                    item(
                            "I110", // Mode 5 data and extended Mode 1: SUM PMN POS GA EM1 TOS XP
                            compound(
                                    fixed(1), fixed(4), fixed(6), fixed(2), fixed(2), fixed(1),
                                    fixed(1))),
                    item("I120", fixed(2)), // track Mode 2 code
                    item("I510", extended(3, 3)), // composed track number
                    item(
                            "I500", // estimated accuracies: APC COV APW AGA ABA ATV AA | ARC
                            compound(
                                    fixed(4), fixed(2), fixed(4), fixed(1), fixed(1), fixed(2),
                                    fixed(2), fixed(1))),
                    item(
                            "I340", // measured information: SID POS HEI MDC MDA TYP
                            compound(
                                    fixed(2), fixed(4), fixed(2), fixed(2), fixed(2), fixed(1),
                                    SPARE)),
                    spare(),
                    spare(),
                    spare(),
                    spare(),
                    spare(),
                    item("RE", explicit()), // reserved expansion field
                    item("SP", explicit())); // special purpose field

    private Cat062Uap() {}
}
