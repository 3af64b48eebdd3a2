package io.cordon.connectors.cot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.vectors.MutationFuzzer;
import io.cordon.connectors.vectors.PeerVectors;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CotStreamDecoderTest {
    private static final byte[] GOLDEN = PeerVectors.bytes("cot-tak/takproto-golden/event.cot.xml");
    private static final byte[] DRONE = CotXmlDecoderTest.bytes(CotXmlDecoderTest.DRONE);

    @Test
    void splitsBackToBackEventsWhateverTheChunking() {
        byte[] stream = concat(GOLDEN, DRONE, CotXmlDecoderTest.bytes("\n"), GOLDEN);
        CotStreamDecoder decoder = new CotStreamDecoder();
        List<String> uids = new ArrayList<>();
        SplittableRandom random = new SplittableRandom(1);
        int pos = 0;
        while (pos < stream.length) {
            int next = Math.min(stream.length, pos + 1 + random.nextInt(40));
            DecodeResult<CotEvent> r = decoder.decode(Arrays.copyOfRange(stream, pos, next));
            assertThat(r.errors()).isEmpty();
            r.values().forEach(e -> uids.add(e.uid()));
            pos = next;
        }
        assertThat(uids)
                .containsExactly(
                        "aa0b0312-b5cd-4c2c-bbbc-9c4c70216261",
                        "uav-7",
                        "aa0b0312-b5cd-4c2c-bbbc-9c4c70216261");
        assertThat(decoder.flush()).isEmpty();
    }

    @Test
    void badEventCostsOnlyItselfAndRunawayInputIsBounded() {
        byte[] broken =
                CotXmlDecoderTest.bytes(CotXmlDecoderTest.DRONE.replace("lat='32.5'", "lat='x'"));
        DecodeResult<CotEvent> r = new CotStreamDecoder().decode(concat(DRONE, broken, DRONE));
        assertThat(r.values()).hasSize(2);
        assertThat(r.errors())
                .extracting(DecodeError::reason)
                .containsExactly("point lat 'x' is not a decimal");
        assertThat(r.errors().get(0).offset()).isEqualTo(DRONE.length);

        CotStreamDecoder small = new CotStreamDecoder(64);
        DecodeResult<CotEvent> runaway = small.decode(new byte[200]);
        assertThat(runaway.errors())
                .extracting(DecodeError::reason)
                .containsExactly("no </event> within 64 bytes");
        assertThat(small.decode(DRONE).values()).hasSize(1);
    }

    @Test
    void fuzzedStreamsNeverThrow() {
        CotStreamDecoder decoder = new CotStreamDecoder(4096);
        int run =
                new MutationFuzzer(
                                List.of(concat(GOLDEN, DRONE)),
                                CotXmlDecoderTest.bytes("<>/event"),
                                0x5C07L)
                        .run(
                                100_000,
                                input -> {
                                    decoder.decode(input)
                                            .errors()
                                            .forEach(e -> assertThat(e.reason()).isNotBlank());
                                    if (input.length % 7 == 0) {
                                        decoder.flush();
                                    }
                                });
        assertThat(run).isEqualTo(100_000);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
