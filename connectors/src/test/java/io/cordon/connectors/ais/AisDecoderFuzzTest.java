package io.cordon.connectors.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.ais.message.AisBits;
import io.cordon.connectors.ais.message.AisMessage;
import io.cordon.connectors.ais.message.AisMessageDecoder;
import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.vectors.MutationFuzzer;
import io.cordon.connectors.vectors.PeerVectors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random mutation and truncation of real AIS lines: no exception escapes the decoder, every error
 * has a reason and its bytes, and reassembly state stays bounded. The timeout is a hang guard far
 * above the seconds these runs take, not a performance assertion.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class AisDecoderFuzzTest {
    static final int CASES = 120_000;
    private static final byte[] DICTIONARY =
            bytes("!$\\*,:-#\n\r 0123456789ABCDEFabcdef`wW@ocsg" + "VDMVDOAI");

    @Test
    void mutatedSentencesNeverThrow() {
        List<byte[]> seeds = seedLines();
        MutationFuzzer fuzzer = new MutationFuzzer(seeds, DICTIONARY, 0x5EEDA15L);
        AisStreamDecoder decoder = new AisStreamDecoder();
        Instant[] now = {Instant.parse("2026-01-01T00:00:00Z")};
        SplittableRandom clock = new SplittableRandom(7);
        int[] values = {0};

        int run =
                fuzzer.run(
                        CASES,
                        input -> {
                            now[0] = now[0].plusMillis(clock.nextInt(3000));
                            DecodeResult<AisReport> r =
                                    decoder.decode(input, clock.nextBoolean() ? now[0] : null);
                            values[0] += r.values().size();
                            r.errors().forEach(AisDecoderFuzzTest::checkError);
                        });
        decoder.flush().forEach(AisDecoderFuzzTest::checkError);

        assertThat(run).isEqualTo(CASES);
        assertThat(values[0]).as("mutations that still decode").isPositive();
    }

    @Test
    void randomPayloadsNeverThrow() {
        SplittableRandom random = new SplittableRandom(42);
        int decoded = 0;
        for (int i = 0; i < CASES; i++) {
            byte[] payload = new byte[random.nextInt(180)];
            for (int j = 0; j < payload.length; j++) {
                int v = random.nextInt(64);
                payload[j] = (byte) (v < 40 ? v + 48 : v + 56);
            }
            // force the interesting message types half of the time
            if (payload.length > 0 && random.nextBoolean()) {
                int[] types = {1, 2, 3, 4, 5, 18, 19, 24, 27};
                int t = types[random.nextInt(types.length)];
                payload[0] = (byte) (t < 40 ? t + 48 : t + 56);
            }
            DecodeResult<AisMessage> r =
                    AisMessageDecoder.decode(AisBits.unpack(payload, random.nextInt(6)));
            decoded += r.values().size();
            assertThat(r.values().size() + r.errors().size()).isEqualTo(1);
        }
        assertThat(decoded).isPositive();
    }

    private static void checkError(DecodeError e) {
        if (e.reason().isBlank() || e.raw() == null) {
            throw new AssertionError("error without reason or bytes: " + e);
        }
    }

    static List<byte[]> seedLines() {
        List<byte[]> seeds = new ArrayList<>();
        for (String file :
                List.of(
                        "ais-gpsd/sample.aivdm",
                        "ais-gpsd/daemon/ais-18-27.log",
                        "ais-gpsd/daemon/ais-raw-messages.log",
                        "ais-gpsd/daemon/ais_unpack_sixbit.log")) {
            String previous = null;
            for (String line : PeerVectors.lines(file)) {
                if (line.startsWith("!")) {
                    seeds.add(bytes(line));
                    if (previous != null) {
                        seeds.add(bytes(previous + "\r\n" + line));
                    }
                    previous = line;
                }
            }
        }
        seeds.add(
                bytes(
                        AisStreamDecoderTest.tagged("c:1772366400,s:sat-7,g:1-2-42")
                                + AisStreamDecoderTest.TYPE1));
        return seeds;
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
