package io.cordon.connectors.asterix.feed;

import io.cordon.connectors.asterix.AsterixDecoder;
import io.cordon.connectors.asterix.AsterixMessage;
import io.cordon.connectors.asterix.cat021.Cat021;
import io.cordon.connectors.asterix.cat034.Cat034;
import io.cordon.connectors.asterix.cat048.Cat048;
import io.cordon.connectors.asterix.cat062.Cat062;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;

/**
 * Decodes datagrams that mix CAT021, CAT034, CAT048 and CAT062 blocks into {@link AsterixMessage}s
 * (a {@code Cat021Report}, {@code Cat034Service}, {@code Cat048Plot} or {@code Cat062Track}).
 * Blocks of any other category become one error each ("category 65 is not decoded here") and the
 * next block is still read.
 */
public final class AsterixFeedDecoder implements Decoder<AsterixMessage> {
    private static final AsterixDecoder<AsterixMessage> ALL =
            AsterixDecoder.of(new Cat021(), new Cat034(), new Cat048(), new Cat062());

    /** Decodes one datagram (or raw file) of mixed categories. */
    public static DecodeResult<AsterixMessage> decodeAll(byte[] input) {
        return ALL.decode(input);
    }

    @Override
    public DecodeResult<AsterixMessage> decode(byte[] input) {
        return ALL.decode(input);
    }
}
