package io.cordon.connectors.misb;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.connectors.vectors.MutationFuzzer;
import io.cordon.connectors.vectors.PeerVectors;
import io.cordon.pipeline.observation.Marking;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Random mutation and truncation of the MISB vectors: through the framed decoder (where the
 * checksum rejects most mutations) and straight into the local-set decoders (past the checksum, so
 * that mutated tag values reach them). The timeout only guards against hangs.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class MisbFuzzTest {
    static final int CASES = 100_000;
    private static final byte[] DICTIONARY = {
        0x06,
        0x0E,
        0x2B,
        0x34,
        0x01,
        0x02,
        0x4A,
        0x65,
        0x11,
        (byte) 0x80,
        (byte) 0x81,
        (byte) 0x82,
        (byte) 0x84,
        (byte) 0x88,
        (byte) 0xFF,
        0x7F,
        0x00
    };

    private static List<byte[]> seeds() {
        return List.of(
                PeerVectors.bytes("misb-klv/klvdata/DynamicConstantMISMMSPacketData.bin"),
                PeerVectors.bytes("misb-klv/klvdata/DynamicOnlyMISMMSPacketData.bin"),
                PeerVectors.bytes("misb-klv/jmisb/0903.bin"),
                MisbNestedVmtiTest.uasPacket());
    }

    @Test
    void framedDecoderNeverThrows() {
        MisbKlvDecoder decoder = new MisbKlvDecoder();
        MisbObservationMapper mapper =
                new MisbObservationMapper(new SensorDefaults("p", "s", Marking.UNRESTRICTED, 10));
        int[] decoded = {0};
        int run =
                new MutationFuzzer(seeds(), DICTIONARY, 0x4B1L)
                        .run(
                                CASES,
                                input -> {
                                    DecodeResult<MisbPacket> r = decoder.decode(input);
                                    decoded[0] += r.values().size();
                                    r.errors().forEach(MisbFuzzTest::check);
                                    r.values().forEach(mapper::map);
                                });
        assertThat(run).isEqualTo(CASES);
        assertThat(decoded[0]).isPositive();
    }

    @Test
    void localSetDecodersNeverThrowPastTheChecksum() {
        int[] decoded = {0};
        new MutationFuzzer(seeds(), DICTIONARY, 0x4B2L)
                .run(
                        CASES,
                        input -> {
                            // skip the key and a one-byte length, as the framed decoder would
                            int from = Math.min(17, input.length);
                            DecodeResult<UasDatalinkPacket> uas =
                                    UasDatalinkDecoder.decode(input, from, input.length);
                            DecodeResult<VmtiLocalSet> vmti =
                                    VmtiDecoder.decode(input, from, input.length);
                            decoded[0] += uas.values().size() + vmti.values().size();
                            assertThat(uas.values().size() + uas.errors().size()).isEqualTo(1);
                            assertThat(vmti.values().size() + vmti.errors().size()).isEqualTo(1);
                        });
        assertThat(decoded[0]).isPositive();
    }

    private static void check(DecodeError e) {
        if (e.reason().isBlank() || e.raw() == null) {
            throw new AssertionError("error without reason or bytes: " + e);
        }
    }
}
