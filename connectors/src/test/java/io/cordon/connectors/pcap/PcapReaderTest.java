package io.cordon.connectors.pcap;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.asterix.PeerData;
import io.cordon.connectors.decode.DecodeResult;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PcapReaderTest {
    static final byte[] PAYLOAD = {48, 0, 6, (byte) 0x80, 25, (byte) 201};
    static final long T0_SECONDS = 1_700_000_000L;

    @ParameterizedTest(name = "{0} nanos={1}")
    @CsvSource({"BIG_ENDIAN,false", "LITTLE_ENDIAN,false", "BIG_ENDIAN,true", "LITTLE_ENDIAN,true"})
    void readsBothByteOrdersAndTimestampResolutions(String orderName, boolean nanos) {
        ByteOrder order =
                orderName.equals("BIG_ENDIAN") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        byte[] file =
                new PcapBuilder(order, nanos, 1)
                        .packet(
                                T0_SECONDS,
                                nanos ? 123_456_789 : 123_456,
                                PcapBuilder.ethernet(
                                        0x0800, PcapBuilder.ipv4Udp(PAYLOAD, 0x4000), false))
                        .build();
        DecodeResult<UdpDatagram> result = PcapReader.read(file);

        assertThat(result.errors()).isEmpty();
        UdpDatagram d = result.values().get(0);
        assertThat(d.captureTime())
                .isEqualTo(Instant.ofEpochSecond(T0_SECONDS, nanos ? 123_456_789 : 123_456_000));
        assertThat(d.payload()).isEqualTo(PAYLOAD);
        assertThat(d.sourceIp()).isEqualTo("10.0.0.1");
        assertThat(d.sourcePort()).isEqualTo(5000);
        assertThat(d.destinationIp()).isEqualTo("232.1.1.31");
        assertThat(d.destinationPort()).isEqualTo(8600);
        assertThat(d.packetIndex()).isZero();
    }

    @Test
    void peelsVlanTagsLinuxCookedRawIpAndIpv6() {
        byte[] ip = PcapBuilder.ipv4Udp(PAYLOAD, 0);
        byte[][] files = {
            new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 1)
                    .packet(1, 0, PcapBuilder.ethernet(0x0800, ip, true))
                    .build(),
            new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 113)
                    .packet(1, 0, PcapBuilder.linuxCooked(ip))
                    .build(),
            new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 276)
                    .packet(1, 0, PcapBuilder.linuxCooked2(ip))
                    .build(),
            new PcapBuilder(ByteOrder.BIG_ENDIAN, false, 101).packet(1, 0, ip).build(),
            new PcapBuilder(ByteOrder.BIG_ENDIAN, false, 1)
                    .packet(1, 0, PcapBuilder.ethernet(0x86DD, PcapBuilder.ipv6Udp(PAYLOAD), false))
                    .build(),
        };
        for (byte[] file : files) {
            DecodeResult<UdpDatagram> result = PcapReader.read(file);
            assertThat(result.errors()).isEmpty();
            assertThat(result.values())
                    .singleElement()
                    .satisfies(d -> assertThat(d.payload()).isEqualTo(PAYLOAD));
        }
        UdpDatagram v6 = PcapReader.read(files[4]).values().get(0);
        assertThat(v6.sourceIp()).isEqualTo("fe80:0:0:0:0:0:0:1");
        assertThat(v6.destinationPort()).isEqualTo(6001);
    }

    @Test
    void skipsNonUdpFramesAndReportsFragmentsAndSnappedDatagrams() {
        byte[] ip = PcapBuilder.ipv4Udp(PAYLOAD, 0);
        byte[] tcp = ip.clone();
        tcp[9] = 6;
        byte[] snapped = PcapBuilder.ethernet(0x0800, ip, false);
        byte[] file =
                new PcapBuilder(ByteOrder.LITTLE_ENDIAN, false, 1)
                        .packet(1, 0, PcapBuilder.ethernet(0x0806, new byte[28], false)) // ARP
                        .packet(2, 0, PcapBuilder.ethernet(0x0800, tcp, false))
                        .packet(
                                3,
                                0,
                                PcapBuilder.ethernet(
                                        0x0800, PcapBuilder.ipv4Udp(PAYLOAD, 0x2000), false))
                        .packet(4, 0, Arrays.copyOf(snapped, snapped.length - 2), snapped.length)
                        .packet(5, 0, snapped)
                        .build();
        DecodeResult<UdpDatagram> result = PcapReader.read(file);

        assertThat(result.values())
                .singleElement()
                .satisfies(d -> assertThat(d.packetIndex()).isEqualTo(4));
        assertThat(result.errors()).hasSize(2);
        assertThat(result.errors().get(0).reason()).contains("packet 2").contains("fragment");
        assertThat(result.errors().get(1).reason()).contains("packet 3").contains("snap length");
    }

    @Test
    void aFileCutShortKeepsEveryCompletePacketAndSaysWhy() {
        byte[] frame = PcapBuilder.ethernet(0x0800, PcapBuilder.ipv4Udp(PAYLOAD, 0), false);
        byte[] file =
                new PcapBuilder(ByteOrder.BIG_ENDIAN, false, 1)
                        .packet(1, 0, frame)
                        .packet(2, 0, frame)
                        .build();
        for (int cut = 0; cut < file.length; cut++) {
            DecodeResult<UdpDatagram> result = PcapReader.read(Arrays.copyOf(file, cut));
            int complete =
                    cut >= 24 + 2 * (16 + frame.length) ? 2 : cut >= 24 + 16 + frame.length ? 1 : 0;
            assertThat(result.values()).as("cut at %d", cut).hasSize(complete);
            boolean clean = cut == 24 || cut == 24 + 16 + frame.length;
            assertThat(result.errors()).as("cut at %d", cut).hasSize(clean ? 0 : 1);
        }
    }

    @Test
    void rejectsWhatIsNotClassicPcap() {
        assertThat(PcapReader.read(new byte[0]).errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("cut short"));
        byte[] pcapng = new byte[32];
        pcapng[0] = 0x0A;
        pcapng[1] = 0x0D;
        pcapng[2] = 0x0D;
        pcapng[3] = 0x0A;
        assertThat(PcapReader.read(pcapng).errors().get(0).reason()).contains("pcapng");
        assertThat(PcapReader.read(new byte[24]).errors().get(0).reason())
                .contains("not a pcap file");
        byte[] ppp = new PcapBuilder(ByteOrder.BIG_ENDIAN, false, 9).build();
        assertThat(PcapReader.read(ppp).errors().get(0).reason()).contains("link type 9");
        assertThat(PcapReader.read(null).errors()).hasSize(1);
    }

    @Test
    void readsThePublicAsterixCaptures() {
        DecodeResult<UdpDatagram> radar =
                PcapReader.read(PeerData.bytes("asterix/input/cat_034_048.pcap"));
        assertThat(radar.errors()).isEmpty();
        assertThat(radar.values()).isNotEmpty();
        assertThat(radar.values())
                .allSatisfy(d -> assertThat(d.payload()[0]).isIn((byte) 34, (byte) 48));
        assertThat(radar.values().get(0).captureTime())
                .isEqualTo(Instant.ofEpochSecond(0x572AF7DCL, 0x07C3EEL * 1000));

        DecodeResult<UdpDatagram> sdps =
                PcapReader.read(PeerData.bytes("asterix/input/cat_062_065.pcap"));
        assertThat(sdps.errors()).isEmpty();
        assertThat(sdps.values())
                .singleElement()
                .satisfies(d -> assertThat(d.payload()[0]).isEqualTo((byte) 62));
    }
}
