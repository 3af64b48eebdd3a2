package io.cordon.connectors.asterix;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decodes ASTERIX data blocks (one UDP datagram, one raw file, or any concatenation of blocks) into
 * typed values with the given categories. Every record becomes a value or an error; errors carry
 * the offset of the offending bytes in the input and those bytes.
 *
 * @param <T> what records become (a category's record type, or {@link AsterixMessage} for a mixed
 *     feed)
 */
public final class AsterixDecoder<T> implements Decoder<T> {
    private final AsterixCategory<? extends T>[] byCategory;
    private final AsterixRecordReader reader;

    private AsterixDecoder(List<? extends AsterixCategory<? extends T>> categories) {
        @SuppressWarnings("unchecked")
        AsterixCategory<? extends T>[] table = new AsterixCategory[256];
        List<Uap> uaps = new ArrayList<>();
        for (AsterixCategory<? extends T> category : categories) {
            int cat = category.uap().category();
            if (table[cat] != null) {
                throw new IllegalArgumentException("category " + cat + " given twice");
            }
            table[cat] = category;
            uaps.add(category.uap());
        }
        this.byCategory = table;
        this.reader = new AsterixRecordReader(uaps);
    }

    /** A decoder for blocks of the given categories; other categories become errors. */
    @SafeVarargs
    public static <T> AsterixDecoder<T> of(AsterixCategory<? extends T>... categories) {
        return new AsterixDecoder<>(Arrays.asList(categories));
    }

    @Override
    public DecodeResult<T> decode(byte[] input) {
        DecodeResult.Builder<T> out = new DecodeResult.Builder<>();
        decode(input, out);
        return out.build();
    }

    /** Decodes {@code input} into {@code out}, for callers that reuse one builder. */
    public void decode(byte[] input, DecodeResult.Builder<T> out) {
        if (input == null) {
            out.error("no input (null)", 0, new byte[0]);
            return;
        }
        reader.read(
                input,
                new AsterixRecordReader.Sink() {
                    @Override
                    public void record(AsterixRecord record) {
                        byCategory[record.category()].decode(record, out);
                    }

                    @Override
                    public void error(String reason, int from, int to) {
                        out.error(reason, from, Arrays.copyOfRange(input, from, to));
                    }
                });
    }
}
