package io.cordon.connectors.asterix;

/**
 * Reads the big-endian integers, bit fields and character encodings ASTERIX items are made of
 * (EUROCONTROL-SPEC-0149 Part 1, section 4.2: octets most significant first, two's complement for
 * signed fields). Callers pass offsets inside items whose lengths were already checked.
 */
public final class AsterixFields {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    /**
     * ICAO Annex 10 vol. IV, 3.1.2.9.1.2: the 6-bit subset of IA-5 used for aircraft
     * identification; '?' marks codes outside the subset. Code 0 (unassigned) is read as a space:
     * transponders that send no identification fill the field with zeros.
     */
    private static final char[] ICAO_CHARS =
            (" ABCDEFGHIJKLMNOPQRSTUVWXYZ?????" + " ???????????????0123456789??????").toCharArray();

    private AsterixFields() {}

    public static int u8(byte[] b, int p) {
        return b[p] & 0xFF;
    }

    public static int s8(byte[] b, int p) {
        return b[p];
    }

    public static int u16(byte[] b, int p) {
        return (b[p] & 0xFF) << 8 | (b[p + 1] & 0xFF);
    }

    public static int s16(byte[] b, int p) {
        return (short) u16(b, p);
    }

    public static int u24(byte[] b, int p) {
        return (b[p] & 0xFF) << 16 | (b[p + 1] & 0xFF) << 8 | (b[p + 2] & 0xFF);
    }

    public static int s24(byte[] b, int p) {
        return u24(b, p) << 8 >> 8;
    }

    public static long u32(byte[] b, int p) {
        return s32(b, p) & 0xFFFFFFFFL;
    }

    public static int s32(byte[] b, int p) {
        return (b[p] & 0xFF) << 24
                | (b[p + 1] & 0xFF) << 16
                | (b[p + 2] & 0xFF) << 8
                | (b[p + 3] & 0xFF);
    }

    /** Sign-extends the low {@code bits} bits of {@code value}. */
    public static int signExtend(int value, int bits) {
        int shift = 32 - bits;
        return value << shift >> shift;
    }

    /** Bit {@code n} (1 = least significant, as the specifications number them) of an octet. */
    public static boolean bit(byte[] b, int p, int n) {
        return (b[p] >> (n - 1) & 1) != 0;
    }

    /** A 24-bit ICAO aircraft address as six upper-case hex digits. */
    public static String icao24(byte[] b, int p) {
        char[] out = new char[6];
        for (int i = 0; i < 3; i++) {
            int v = b[p + i] & 0xFF;
            out[2 * i] = HEX[v >>> 4];
            out[2 * i + 1] = HEX[v & 0xF];
        }
        return new String(out);
    }

    /**
     * {@code chars} characters of 6 bits each, packed from the most significant bit of {@code b[p]}
     * (aircraft identification, CAT048 I240, CAT062 I245 and I380/ID, CAT021 I170), with trailing
     * spaces removed.
     */
    public static String icaoChars(byte[] b, int p, int chars) {
        char[] out = new char[chars];
        int end = 0;
        for (int i = 0; i < chars; i++) {
            int bitIndex = i * 6;
            int octet = p + bitIndex / 8;
            int word = (b[octet] & 0xFF) << 8 | (bitIndex % 8 > 2 ? b[octet + 1] & 0xFF : 0);
            int code = word >>> (10 - bitIndex % 8) & 0x3F;
            out[i] = ICAO_CHARS[code];
            if (out[i] != ' ') {
                end = i + 1;
            }
        }
        return new String(out, 0, end);
    }

    /** A 12-bit Mode 3/A code (four octal digits) from bits 12..1 of a 16-bit field. */
    public static int mode3A(byte[] b, int p) {
        return u16(b, p) & 0x0FFF;
    }

    /** Mode 3/A code as four octal digits ({@code 7500}). */
    public static String mode3AOctal(int code) {
        char[] out = new char[4];
        for (int i = 3; i >= 0; i--) {
            out[i] = (char) ('0' + (code & 7));
            code >>>= 3;
        }
        return new String(out);
    }
}
