package io.cordon.connectors.misb;

/**
 * The 16-bit running-sum checksum of ST 0601 (and of the ST 0903 sets it carries): each byte is
 * added to a 16-bit sum, shifted left by 8 when its index is even, over the whole packet from the
 * first byte of the Universal Key to the checksum's length byte. It validates the MISB ST 0902
 * Annex C sample (0xC850) and the jMISB ST 0903 samples.
 */
public final class KlvChecksum {
    private KlvChecksum() {}

    public static int compute(byte[] bytes, int from, int to) {
        int sum = 0;
        for (int i = from; i < to; i++) {
            sum += (bytes[i] & 0xFF) << (((i - from) & 1) == 0 ? 8 : 0);
        }
        return sum & 0xFFFF;
    }
}
