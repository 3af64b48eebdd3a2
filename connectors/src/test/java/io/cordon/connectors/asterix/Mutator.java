package io.cordon.connectors.asterix;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Seeded random mutation of valid inputs for fuzz tests: bit flips, interesting-value overwrites,
 * truncation, insertion, deletion and duplication of byte runs, and overwrites of 16-bit big-endian
 * length fields (ASTERIX LEN) with boundary values.
 */
public final class Mutator {
    private static final int[] INTERESTING = {0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF, 0x03, 0x40};

    private final Random random;
    private final List<byte[]> seeds;

    public Mutator(long seed, List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("need at least one seed input");
        }
        this.random = new Random(seed);
        this.seeds = seeds;
    }

    /** A new mutant of a random seed (1 to 4 stacked mutations). */
    public byte[] next() {
        byte[] b = seeds.get(random.nextInt(seeds.size())).clone();
        int rounds = 1 + random.nextInt(4);
        for (int i = 0; i < rounds; i++) {
            b = mutate(b);
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        if (b.length == 0) {
            return new byte[] {(byte) random.nextInt(256)};
        }
        int at = random.nextInt(b.length);
        switch (random.nextInt(8)) {
            case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> b[at] = (byte) INTERESTING[random.nextInt(INTERESTING.length)];
            case 2 -> b[at] = (byte) random.nextInt(256);
            case 3 -> b = Arrays.copyOf(b, at); // truncation
            case 4 -> { // insertion
                int n = 1 + random.nextInt(8);
                byte[] out = new byte[b.length + n];
                System.arraycopy(b, 0, out, 0, at);
                for (int i = 0; i < n; i++) {
                    out[at + i] = (byte) random.nextInt(256);
                }
                System.arraycopy(b, at, out, at + n, b.length - at);
                b = out;
            }
            case 5 -> { // deletion
                int n = Math.min(b.length - at, 1 + random.nextInt(8));
                byte[] out = new byte[b.length - n];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + n, out, at, b.length - at - n);
                b = out;
            }
            case 6 -> { // duplicate a run
                int n = Math.min(b.length - at, 1 + random.nextInt(16));
                byte[] out = new byte[b.length + n];
                System.arraycopy(b, 0, out, 0, at + n);
                System.arraycopy(b, at, out, at + n, b.length - at);
                b = out;
            }
            default -> { // 16-bit length field with a boundary value
                if (at + 1 < b.length) {
                    int[] values = {0, 1, 2, 3, 4, b.length - 1, b.length, b.length + 1, 0xFFFF};
                    int v = values[random.nextInt(values.length)];
                    b[at] = (byte) (v >>> 8);
                    b[at + 1] = (byte) v;
                }
            }
        }
        return b;
    }
}
