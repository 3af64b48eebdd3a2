package io.cordon.connectors.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.asterix.Hex;
import io.cordon.connectors.asterix.Mutator;
import io.cordon.connectors.asterix.PeerData;
import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import java.nio.ByteOrder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 100 000 mutated and truncated pcap files (the public captures and small built ones, fixed seed):
 * the reader never throws, always returns, and every error is well formed. The timeout only guards
 * against a hang.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class PcapFuzzTest {
    @Test
    void mutatedCapturesNeverThrow() {
        byte[] ip = PcapBuilder.ipv4Udp(new byte[] {1, 2, 3}, 0);
        List<byte[]> seeds =
                List.of(
                        PeerData.bytes("asterix/input/cat_062_065.pcap"),
                        PeerData.bytes("asterix/input/cat_001_002.pcap"),
                        PeerData.bytes("asterix/input/cat_034_048.pcap"),
                        new PcapBuilder(ByteOrder.BIG_ENDIAN, true, 113)
                                .packet(1, 2, PcapBuilder.linuxCooked(ip))
                                .build(),
                        new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 1)
                                .packet(
                                        1,
                                        2,
                                        PcapBuilder.ethernet(
                                                0x86DD, PcapBuilder.ipv6Udp(new byte[] {4}), true))
                                .build(),
                        new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 0)
                                .packet(1, 2, concat(new byte[] {2, 0, 0, 0}, ip))
                                .build());
        Mutator mutator = new Mutator(7, seeds);
        int datagrams = 0;
        for (int i = 0; i < 100_000; i++) {
            byte[] file = mutator.next();
            DecodeResult<UdpDatagram> result;
            try {
                result = PcapReader.read(file);
            } catch (RuntimeException e) {
                throw new AssertionError("case " + i + " threw on " + Hex.upper(file), e);
            }
            for (DecodeError e : result.errors()) {
                assertThat(e.reason()).isNotBlank();
                assertThat(e.offset()).isBetween(0L, (long) file.length);
            }
            for (UdpDatagram d : result.values()) {
                assertThat(d.payload().length).isLessThanOrEqualTo(file.length);
            }
            datagrams += result.values().size();
        }
        assertThat(datagrams).isPositive();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
