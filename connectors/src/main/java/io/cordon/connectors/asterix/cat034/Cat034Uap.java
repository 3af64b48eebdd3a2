package io.cordon.connectors.asterix.cat034;

import static io.cordon.connectors.asterix.ItemFormat.compound;
import static io.cordon.connectors.asterix.ItemFormat.explicit;
import static io.cordon.connectors.asterix.ItemFormat.fixed;
import static io.cordon.connectors.asterix.ItemFormat.repetitive;
import static io.cordon.connectors.asterix.ItemSpec.item;

import io.cordon.connectors.asterix.ItemFormat;
import io.cordon.connectors.asterix.Uap;

/** The CAT034 User Application Profile (EUROCONTROL-SPEC-0149-2b edition 1.27, table 3). */
public final class Cat034Uap {
    public static final int I010 = 1;
    public static final int I000 = 2;
    public static final int I030 = 3;
    public static final int I020 = 4;
    public static final int I041 = 5;
    public static final int I050 = 6;
    public static final int I060 = 7;
    public static final int I070 = 8;
    public static final int I100 = 9;
    public static final int I110 = 10;
    public static final int I120 = 11;
    public static final int I090 = 12;
    public static final int RE = 13;
    public static final int SP = 14;

    /** Subfield index of COM in I050 (system configuration and status). */
    static final int I050_COM = 0;

    private static final ItemFormat SPARE = null;

    public static final Uap UAP =
            Uap.of(
                    34,
                    "1.27",
                    item("I010", fixed(2)), // data source identifier
                    item("I000", fixed(1)), // message type
                    item("I030", fixed(3)), // time of day, 1/128 s
                    item("I020", fixed(1)), // sector number, 360/2^8 deg
                    item("I041", fixed(2)), // antenna rotation period, 1/128 s
                    item(
                            "I050", // system configuration and status: COM, -, -, PSR, SSR, MDS
                            compound(fixed(1), SPARE, SPARE, fixed(1), fixed(1), fixed(2))),
                    item(
                            "I060", // system processing mode: COM, -, -, PSR, SSR, MDS
                            compound(fixed(1), SPARE, SPARE, fixed(1), fixed(1), fixed(1))),
                    item("I070", repetitive(2)), // message count values
                    item("I100", fixed(8)), // generic polar window
                    item("I110", fixed(1)), // data filter
                    item("I120", fixed(8)), // 3D position of data source: height m, WGS-84 180/2^23
                    item("I090", fixed(2)), // collimation error
                    item("RE", explicit()), // reserved expansion field
                    item("SP", explicit())); // special purpose field

    private Cat034Uap() {}
}
