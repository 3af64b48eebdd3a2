package io.cordon.connectors.cot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.tak.TakMeshDecoder;
import io.cordon.connectors.tak.TakMessage;
import io.cordon.connectors.tak.TakStreamDecoder;
import io.cordon.connectors.vectors.MutationFuzzer;
import io.cordon.connectors.vectors.PeerVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random mutation and truncation of the CoT/TAK vectors (100 000+ cases per decoder): no exception
 * escapes and every error has a reason. The timeout only guards against hangs.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CotTakFuzzTest {
    static final int CASES = 100_000;
    private static final byte[] XML_DICTIONARY =
            CotXmlDecoderTest.bytes(
                    "<>/='\"&;!?-:.0123456789eE+ TZ\u00e9eventpointdetailtrackcontact");
    private static final byte[] BINARY_DICTIONARY = {
        (byte) 0xBF,
        0x01,
        0x00,
        (byte) 0x80,
        (byte) 0xFF,
        0x7F,
        0x0A,
        0x12,
        0x51,
        0x59,
        0x7A,
        0x3A,
        0x09
    };

    @Test
    void xmlDecoderNeverThrows() {
        List<byte[]> seeds = xmlSeeds();
        CotXmlDecoder decoder = new CotXmlDecoder();
        int[] decoded = {0};
        int run =
                new MutationFuzzer(seeds, XML_DICTIONARY, 0xC07L)
                        .run(
                                CASES,
                                input -> {
                                    DecodeResult<CotEvent> r = decoder.decode(input);
                                    decoded[0] += r.values().size();
                                    check(r);
                                });
        assertThat(run).isEqualTo(CASES);
        assertThat(decoded[0]).isPositive();
    }

    @Test
    void meshDecoderNeverThrows() {
        List<byte[]> seeds =
                List.of(
                        PeerVectors.bytes("cot-tak/takproto-golden/event.takv1-mesh.bin"),
                        PeerVectors.bytes("cot-tak/takproto-golden/event.cot.xml"));
        TakMeshDecoder decoder = new TakMeshDecoder();
        int[] decoded = {0};
        new MutationFuzzer(seeds, BINARY_DICTIONARY, 0x7A1L)
                .run(
                        CASES,
                        input -> {
                            DecodeResult<TakMessage> r = decoder.decode(input);
                            decoded[0] += r.values().size();
                            check(r);
                        });
        assertThat(decoded[0]).isPositive();
    }

    @Test
    void streamDecoderNeverThrowsWhateverTheChunking() {
        byte[] frame = PeerVectors.bytes("cot-tak/takproto-golden/event.takv1-stream.bin");
        byte[] three = new byte[frame.length * 3];
        for (int i = 0; i < 3; i++) {
            System.arraycopy(frame, 0, three, i * frame.length, frame.length);
        }
        TakStreamDecoder decoder = new TakStreamDecoder(4096);
        SplittableRandom split = new SplittableRandom(3);
        int[] decoded = {0};
        new MutationFuzzer(List.of(frame, three), BINARY_DICTIONARY, 0x57EL)
                .run(
                        CASES,
                        input -> {
                            int at = input.length == 0 ? 0 : split.nextInt(input.length + 1);
                            DecodeResult<TakMessage> a = decoder.decode(Arrays.copyOf(input, at));
                            DecodeResult<TakMessage> b =
                                    decoder.decode(Arrays.copyOfRange(input, at, input.length));
                            decoded[0] += a.values().size() + b.values().size();
                            check(a);
                            check(b);
                            if (split.nextInt(8) == 0) {
                                decoder.flush().forEach(CotTakFuzzTest::check);
                            }
                        });
        assertThat(decoded[0]).isPositive();
    }

    private static void check(DecodeResult<?> r) {
        r.errors().forEach(CotTakFuzzTest::check);
    }

    private static void check(DecodeError e) {
        if (e.reason().isBlank() || e.raw() == null) {
            throw new AssertionError("error without reason or bytes: " + e);
        }
    }

    static List<byte[]> xmlSeeds() {
        List<byte[]> seeds = new ArrayList<>();
        seeds.add(PeerVectors.bytes("cot-tak/takproto-golden/event.cot.xml"));
        seeds.add(CotXmlDecoderTest.bytes(CotXmlDecoderTest.DRONE));
        try (Stream<Path> files =
                Files.list(PeerVectors.root().resolve("cot-tak/takcot/examples"))) {
            for (Path p : files.sorted().toList()) {
                seeds.add(Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return seeds;
    }
}
