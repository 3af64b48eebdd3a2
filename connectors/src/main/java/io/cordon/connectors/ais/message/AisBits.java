package io.cordon.connectors.ais.message;

import io.cordon.connectors.ais.nmea.SixBit;

/**
 * An AIS payload as a bit string, most significant bit first, as ITU-R M.1371-5 numbers the bits of
 * a message (bit 0 is the first bit of the message type).
 *
 * <p>Reads past the end return zero bits, the way a transmitter pads a short message; decoders
 * check {@link #length()} against each message's minimum before trusting a field.
 */
public final class AisBits {
    private final long[] words;
    private final int length;

    private AisBits(long[] words, int length) {
        this.words = words;
        this.length = length;
    }

    /**
     * Unpacks armored payload characters (each already checked by {@link SixBit#isArmored}) and
     * drops {@code fillBits} (0-5) from the end.
     */
    public static AisBits unpack(byte[] armored, int fillBits) {
        int total = armored.length * 6;
        int length = Math.max(0, total - Math.max(0, Math.min(fillBits, 5)));
        long[] words = new long[(total >>> 6) + 2];
        int bit = 0;
        for (byte c : armored) {
            long v = SixBit.value(c) & 0x3F;
            int word = bit >>> 6;
            int off = bit & 63;
            if (off <= 58) {
                words[word] |= v << (58 - off);
            } else {
                words[word] |= v >>> (off - 58);
                words[word + 1] |= v << (122 - off);
            }
            bit += 6;
        }
        clearFrom(words, length);
        return new AisBits(words, length);
    }

    private static void clearFrom(long[] words, int length) {
        int word = length >>> 6;
        int off = length & 63;
        if (off == 0) {
            words[word] = 0;
        } else {
            words[word] &= -1L << (64 - off);
        }
        for (int i = word + 1; i < words.length; i++) {
            words[i] = 0;
        }
    }

    /** Number of payload bits (after dropping fill bits). */
    public int length() {
        return length;
    }

    /** The unsigned value of bits {@code [start, start + bits)}, 1 <= bits <= 63. */
    public long unsigned(int start, int bits) {
        if (start < 0 || start >= length) {
            return 0;
        }
        int word = start >>> 6;
        int off = start & 63;
        long value = words[word] << off;
        if (off != 0 && off + bits > 64) {
            value |= words[word + 1] >>> (64 - off);
        }
        return value >>> (64 - bits);
    }

    /** The two's-complement value of bits {@code [start, start + bits)}, 2 <= bits <= 63. */
    public long signed(int start, int bits) {
        long value = unsigned(start, bits);
        return (value << (64 - bits)) >> (64 - bits);
    }

    /** Bits {@code [start, start + bits)} as an int, for fields of at most 31 bits. */
    public int uint(int start, int bits) {
        return (int) unsigned(start, bits);
    }

    /**
     * The bits of {@code [start, start + bits)} that the payload holds, right-aligned: a field cut
     * short by a truncated message keeps its leading bits' value (as gpsd reads the radio status of
     * short position reports).
     */
    public int uintPresent(int start, int bits) {
        int present = Math.min(bits, length - start);
        return present <= 0 ? 0 : (int) unsigned(start, present);
    }

    public boolean flag(int bit) {
        return unsigned(bit, 1) != 0;
    }

    /**
     * Six-bit ASCII text of up to {@code chars} characters from {@code start}: values 0-31 are
     * {@code '@'}-{@code '_'}, 32-63 are {@code ' '}-{@code '?'}. The text ends at the first {@code
     * '@'} (the standard's padding) or at the end of the payload, and trailing spaces are trimmed
     * (as gpsd and the ITU-R M.1371-5 padding rule do).
     */
    public String text(int start, int chars) {
        char[] out = new char[chars];
        int n = 0;
        for (int i = 0; i < chars; i++) {
            int at = start + 6 * i;
            if (at + 6 > length) {
                break;
            }
            int v = (int) unsigned(at, 6);
            if (v == 0) {
                break;
            }
            out[n++] = (char) (v < 32 ? v + 64 : v);
        }
        while (n > 0 && out[n - 1] == ' ') {
            n--;
        }
        return new String(out, 0, n);
    }
}
