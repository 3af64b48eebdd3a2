package io.cordon.connectors.ais.nmea;

/**
 * The AIS payload armor: each payload character carries six bits. Characters {@code '0'}-{@code
 * 'W'} (ASCII 48-87) carry 0-39 and {@code '`'}-{@code 'w'} (ASCII 96-119) carry 40-63 (ITU-R
 * M.1371-5 Annex 8 / IEC 61162-1 table 7: value = ASCII - 48, minus 8 more when above 40).
 */
public final class SixBit {
    private SixBit() {}

    public static boolean isArmored(byte c) {
        return (c >= '0' && c <= 'W') || (c >= '`' && c <= 'w');
    }

    /** The six-bit value of an armored character (callers check {@link #isArmored} first). */
    public static int value(byte c) {
        int v = c - 48;
        return v > 40 ? v - 8 : v;
    }
}
