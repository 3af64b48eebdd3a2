package io.cordon.connectors.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.asterix.cat021.Cat021;
import io.cordon.connectors.asterix.cat034.Cat034;
import io.cordon.connectors.asterix.cat048.Cat048;
import io.cordon.connectors.asterix.cat062.Cat062;
import io.cordon.connectors.asterix.feed.AsterixFeedDecoder;
import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.decode.Decoder;
import io.cordon.connectors.pcap.PcapReader;
import io.cordon.connectors.pcap.UdpDatagram;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 100 000 mutated and truncated variants of the public vectors per decoder (fixed seeds, so a
 * failure reproduces): no exception escapes, every call returns, every non-empty input yields a
 * value or an error, and every error has a reason, an offset inside the input and at most the
 * input's bytes. The timeout only guards against a hang.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class AsterixFuzzTest {
    static final int CASES = 100_000;

    static List<byte[]> radarSeeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (UdpDatagram d :
                PcapReader.read(PeerData.bytes("asterix/input/cat_034_048.pcap")).values()) {
            seeds.add(d.payload());
        }
        seeds.add(PeerData.bytes("asterix/input/cat048.raw"));
        return seeds;
    }

    static List<byte[]> sdpsSeeds() {
        List<byte[]> seeds = new ArrayList<>();
        for (UdpDatagram d :
                PcapReader.read(PeerData.bytes("asterix/input/cat_062_065.pcap")).values()) {
            seeds.add(d.payload());
        }
        return seeds;
    }

    static List<byte[]> adsbSeeds() {
        return List.of(Cat021DecodeTest.block());
    }

    static <T> int fuzz(Decoder<T> decoder, List<byte[]> seeds, long seed) {
        Mutator mutator = new Mutator(seed, seeds);
        int decodedValues = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] input = mutator.next();
            DecodeResult<T> result;
            try {
                result = decoder.decode(input);
            } catch (RuntimeException | StackOverflowError e) {
                throw new AssertionError(
                        "case " + i + " (seed " + seed + ") threw on " + Hex.upper(input), e);
            }
            assertThat(result).isNotNull();
            if (input.length > 0) {
                assertThat(result.values().size() + result.errors().size())
                        .as("case %d: input %s yielded nothing", i, Hex.upper(input))
                        .isPositive();
            }
            for (DecodeError e : result.errors()) {
                assertThat(e.reason()).isNotBlank();
                assertThat(e.offset()).isBetween(0L, (long) input.length);
                assertThat(e.raw().length).isLessThanOrEqualTo(input.length);
            }
            decodedValues += result.values().size();
        }
        return decodedValues;
    }

    @Test
    void cat048() {
        assertThat(fuzz(Cat048.decoder(), radarSeeds(), 48)).isPositive();
    }

    @Test
    void cat034() {
        assertThat(fuzz(Cat034.decoder(), radarSeeds(), 34)).isPositive();
    }

    @Test
    void cat062() {
        assertThat(fuzz(Cat062.decoder(), sdpsSeeds(), 62)).isPositive();
    }

    @Test
    void cat021() {
        assertThat(fuzz(Cat021.decoder(), adsbSeeds(), 21)).isPositive();
    }

    @Test
    void mixedFeed() {
        List<byte[]> all = new ArrayList<>(radarSeeds());
        all.addAll(sdpsSeeds());
        all.addAll(adsbSeeds());
        assertThat(fuzz(new AsterixFeedDecoder(), all, 1)).isPositive();
    }
}
