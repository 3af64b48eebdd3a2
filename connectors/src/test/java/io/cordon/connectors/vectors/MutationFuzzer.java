package io.cordon.connectors.vectors;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Random mutation and truncation of valid inputs, deterministic for a seed: bit flips, byte
 * replacement (random or from a dictionary of format-significant bytes), insertion, deletion,
 * duplication of a slice, and truncation. Each case is handed to a consumer that must not throw.
 */
public final class MutationFuzzer {
    private final List<byte[]> seeds;
    private final byte[] dictionary;
    private final SplittableRandom random;

    /**
     * @param seeds valid inputs to mutate
     * @param dictionary bytes that matter to the format (delimiters, digits, tag values)
     * @param seed random seed, so that a failure can be replayed
     */
    public MutationFuzzer(List<byte[]> seeds, byte[] dictionary, long seed) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("at least one seed input is needed");
        }
        this.seeds = seeds;
        this.dictionary = dictionary.length == 0 ? new byte[] {0} : dictionary;
        this.random = new SplittableRandom(seed);
    }

    /** Runs {@code cases} mutated inputs through {@code target}; returns the number run. */
    public int run(int cases, Consumer<byte[]> target) {
        for (int i = 0; i < cases; i++) {
            byte[] input = mutate(seeds.get(random.nextInt(seeds.size())));
            try {
                target.accept(input);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(
                        "case " + i + " threw on input " + Arrays.toString(input), e);
            }
        }
        return cases;
    }

    /** One mutated copy of {@code seed}: 1-4 stacked mutations. */
    public byte[] mutate(byte[] seed) {
        byte[] data = seed.clone();
        int rounds = 1 + random.nextInt(4);
        for (int r = 0; r < rounds; r++) {
            data = mutateOnce(data);
        }
        return data;
    }

    private byte[] mutateOnce(byte[] data) {
        int n = data.length;
        int op = random.nextInt(8);
        if (n == 0) {
            return new byte[] {pick()};
        }
        int at = random.nextInt(n);
        switch (op) {
            case 0 -> data[at] ^= (byte) (1 << random.nextInt(8));
            case 1 -> data[at] = (byte) random.nextInt(256);
            case 2 -> data[at] = pick();
            case 3 -> {
                byte[] out = new byte[n + 1];
                System.arraycopy(data, 0, out, 0, at);
                out[at] = random.nextBoolean() ? pick() : (byte) random.nextInt(256);
                System.arraycopy(data, at, out, at + 1, n - at);
                return out;
            }
            case 4 -> {
                int len = 1 + random.nextInt(Math.min(8, n - at));
                byte[] out = new byte[n - len];
                System.arraycopy(data, 0, out, 0, at);
                System.arraycopy(data, at + len, out, at, n - at - len);
                return out;
            }
            case 5 -> {
                int len = 1 + random.nextInt(Math.min(16, n - at));
                byte[] out = new byte[n + len];
                System.arraycopy(data, 0, out, 0, at + len);
                System.arraycopy(data, at, out, at + len, n - at);
                return out;
            }
            case 6 -> {
                return Arrays.copyOf(data, at);
            }
            default -> {
                // extreme values where lengths and counts live
                data[at] = random.nextBoolean() ? (byte) 0xFF : (byte) 0x7F;
            }
        }
        return data;
    }

    private byte pick() {
        return dictionary[random.nextInt(dictionary.length)];
    }
}
