package io.cordon.connectors.misb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.vectors.PeerVectors;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Conformance with {@code shared/peerdata/misb-klv}: the MISB ST 0902 Annex C samples (via klvdata)
 * and the jMISB ST 0903 samples.
 */
class MisbConformanceTest {
    private static final String DYNAMIC_CONSTANT =
            "misb-klv/klvdata/DynamicConstantMISMMSPacketData.bin";
    private static final String DYNAMIC_ONLY = "misb-klv/klvdata/DynamicOnlyMISMMSPacketData.bin";
    private static final double TOLERANCE = 1e-9;

    private final MisbKlvDecoder decoder = new MisbKlvDecoder();

    @Test
    void packetWithWrongChecksumIsRejectedWithBothValues() {
        byte[] packet = PeerVectors.bytes(DYNAMIC_CONSTANT);
        DecodeResult<MisbPacket> r = decoder.decode(packet);

        assertThat(r.values()).isEmpty();
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).reason())
                .isEqualTo("ST 0601 checksum mismatch: stated 0xAA43, computed 0x3E1E");
        assertThat(r.errors().get(0).raw()).isEqualTo(packet);
    }

    /** The rejected packet's values still match the published decode (read past the checksum). */
    @Test
    void dynamicConstantValuesMatchThePublishedDecode() throws IOException {
        byte[] packet = PeerVectors.bytes(DYNAMIC_CONSTANT);
        JsonNode tags =
                new ObjectMapper()
                        .readTree(
                                PeerVectors.bytes("misb-klv/expected-st0601-DynamicConstant.json"))
                        .get("tags");
        // key (16) + BER 0x81 0xD2 (2), value of 210 bytes ending with the 4-byte checksum item
        DecodeResult<UasDatalinkPacket> r =
                UasDatalinkDecoder.decode(packet, 18, packet.length - 4);
        assertThat(r.errors()).isEmpty();
        UasDatalinkPacket p = r.values().get(0);

        assertThat(p.precisionTimeStamp())
                .contains(Instant.parse(tags.get("2").get("utc").asText()));
        assertThat(p.precisionTimeStamp().get().toEpochMilli() * 1000)
                .isEqualTo(Long.parseLong(tags.get("2").get("raw_hex").asText(), 16) / 1000 * 1000);
        assertThat(p.missionId()).isEqualTo(tags.get("3").asText());
        assertThat(p.platformDesignation()).isEqualTo(tags.get("10").asText());
        assertThat(p.imageSourceSensor()).isEqualTo(tags.get("11").asText());
        assertThat(p.imageCoordinateSystem()).isEqualTo(tags.get("12").asText());
        assertThat(p.uasLsVersion().getAsInt()).isEqualTo(tags.get("65").asInt());
        assertThat(p.platformHeadingDeg().getAsDouble())
                .isCloseTo(tags.get("5").asDouble(), within(TOLERANCE));
        assertThat(p.platformPitchDeg().getAsDouble())
                .isCloseTo(tags.get("6").asDouble(), within(TOLERANCE));
        assertThat(p.platformRollDeg().getAsDouble())
                .isCloseTo(tags.get("7").asDouble(), within(TOLERANCE));
        assertThat(p.sensorLatitudeDeg().getAsDouble())
                .isCloseTo(tags.get("13").asDouble(), within(TOLERANCE));
        assertThat(p.sensorLongitudeDeg().getAsDouble())
                .isCloseTo(tags.get("14").asDouble(), within(TOLERANCE));
        assertThat(p.sensorTrueAltitudeM().getAsDouble())
                .isCloseTo(tags.get("15").asDouble(), within(TOLERANCE));
        assertThat(p.sensorHorizontalFovDeg().getAsDouble())
                .isCloseTo(tags.get("16").asDouble(), within(TOLERANCE));
        assertThat(p.sensorVerticalFovDeg().getAsDouble())
                .isCloseTo(tags.get("17").asDouble(), within(TOLERANCE));
        assertThat(p.sensorRelativeAzimuthDeg().getAsDouble())
                .isCloseTo(tags.get("18").asDouble(), within(TOLERANCE));
        assertThat(p.sensorRelativeElevationDeg().getAsDouble())
                .isCloseTo(tags.get("19").asDouble(), within(TOLERANCE));
        assertThat(p.sensorRelativeRollDeg().getAsDouble())
                .isCloseTo(tags.get("20").asDouble(), within(TOLERANCE));
        assertThat(p.slantRangeM().getAsDouble())
                .isCloseTo(tags.get("21").asDouble(), within(TOLERANCE));
        assertThat(p.targetWidthM().getAsDouble())
                .isCloseTo(tags.get("22").asDouble(), within(TOLERANCE));
        assertThat(p.frameCenterLatitudeDeg().getAsDouble())
                .isCloseTo(tags.get("23").asDouble(), within(TOLERANCE));
        assertThat(p.frameCenterLongitudeDeg().getAsDouble())
                .isCloseTo(tags.get("24").asDouble(), within(TOLERANCE));
        assertThat(p.frameCenterElevationM().getAsDouble())
                .isCloseTo(tags.get("25").asDouble(), within(TOLERANCE));
        assertThat(p.tags())
                .containsExactly(
                        2, 3, 5, 6, 7, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24,
                        25, 48, 65, 94);
    }

    @Test
    void dynamicOnlyPacketPassesItsChecksum() throws IOException {
        JsonNode tags =
                new ObjectMapper()
                        .readTree(
                                PeerVectors.bytes("misb-klv/expected-st0601-DynamicConstant.json"))
                        .get("tags");
        DecodeResult<MisbPacket> r = decoder.decode(PeerVectors.bytes(DYNAMIC_ONLY));

        assertThat(r.errors()).isEmpty();
        UasDatalinkPacket p = (UasDatalinkPacket) r.values().get(0);
        // the same platform and sensor values as the dynamic+constant sample
        assertThat(p.precisionTimeStamp()).contains(Instant.parse("2009-01-12T22:08:22Z"));
        assertThat(p.platformHeadingDeg().getAsDouble())
                .isCloseTo(tags.get("5").asDouble(), within(TOLERANCE));
        assertThat(p.sensorLatitudeDeg().getAsDouble())
                .isCloseTo(tags.get("13").asDouble(), within(TOLERANCE));
        assertThat(p.sensorLongitudeDeg().getAsDouble())
                .isCloseTo(tags.get("14").asDouble(), within(TOLERANCE));
        assertThat(p.frameCenterLatitudeDeg().getAsDouble())
                .isCloseTo(tags.get("23").asDouble(), within(TOLERANCE));
        assertThat(p.sensorRelativeRollDeg().getAsDouble()).isZero();
        assertThat(p.uasLsVersion().getAsInt()).isEqualTo(6);
        assertThat(p.missionId()).isEmpty();
        assertThat(p.vmti()).isEmpty();
    }

    @Test
    void jmisbVmtiSamplesDecodeToFiveSetsWithTheirTopLevelTags() {
        DecodeResult<MisbPacket> r = decoder.decode(PeerVectors.bytes("misb-klv/jmisb/0903.bin"));

        assertThat(r.errors()).isEmpty();
        assertThat(r.values()).hasSize(5);
        Set<Integer> expectedTags = Set.of(2, 3, 4, 7, 8, 9, 10, 101, 102, 103);
        for (MisbPacket packet : r.values()) {
            VmtiLocalSet v = (VmtiLocalSet) packet;
            TreeSet<Integer> withoutChecksum = new TreeSet<>(v.tags());
            withoutChecksum.remove(1);
            assertThat(withoutChecksum).isEqualTo(expectedTags);
            assertThat(v.systemName()).isEqualTo("Example Targeting System");
            // tag 10 has length 7: "EO Nose"; the 'e' after it (0x65) is tag 101, the VTarget
            // series (the folder's MANIFEST reads the name as "EO Nosee")
            assertThat(v.sourceSensor()).isEqualTo("EO Nose");
            assertThat(v.version().getAsInt()).isEqualTo(4);
            assertThat(v.frameWidthPixels().getAsLong()).isEqualTo(1000);
            assertThat(v.frameHeightPixels().getAsLong()).isEqualTo(600);
            assertThat(v.targets()).hasSize(2);
        }
        VmtiLocalSet first = (VmtiLocalSet) r.values().get(0);
        assertThat(first.frameNumber().getAsLong()).isEqualTo(1);
        assertThat(first.precisionTimeStamp().get())
                .isEqualTo(Instant.ofEpochSecond(0, 0x0005EA1958E3FB58L * 1000));
        VmtiTarget t0 = first.targets().get(0);
        assertThat(t0.targetId()).isZero();
        assertThat(t0.centroidPixel().getAsLong()).isEqualTo(0x05EA12);
        assertThat(t0.boundingBoxTopLeftPixel().getAsLong()).isEqualTo(0x08127A);
        assertThat(t0.boundingBoxBottomRightPixel().getAsLong()).isEqualTo(0x063FD6);
        assertThat(t0.confidencePercent().getAsInt()).isEqualTo(15);
        assertThat(t0.location()).isEmpty();
        assertThat(first.targets().get(1).targetId()).isEqualTo(1);
        assertThat(first.targets().get(1).confidencePercent().getAsInt()).isEqualTo(0x54);
    }

    @Test
    void vmtiParsesWithKeyLengthAndChecksumStripped() {
        byte[] all = PeerVectors.bytes("misb-klv/jmisb/0903.bin");
        VmtiLocalSet framed = (VmtiLocalSet) decoder.decode(all).values().get(0);
        // first packet: key (16) + length 0x71 (1) + 113 bytes whose last 4 are the checksum
        byte[] stripped = Arrays.copyOfRange(all, 17, 17 + 113 - 4);
        DecodeResult<VmtiLocalSet> r = VmtiDecoder.decode(stripped, 0, stripped.length);

        assertThat(r.errors()).isEmpty();
        VmtiLocalSet bare = r.values().get(0);
        assertThat(bare.targets()).isEqualTo(framed.targets());
        assertThat(bare.precisionTimeStamp()).isEqualTo(framed.precisionTimeStamp());
        assertThat(bare.tags()).doesNotContain(1);
    }

    @Test
    void corruptedSamplesAreRejectedWithReasons() {
        byte[] vmti = PeerVectors.bytes("misb-klv/jmisb/0903.bin");
        byte[] flipped = vmti.clone();
        flipped[40] ^= 0x01; // inside the system name of the first packet
        DecodeResult<MisbPacket> r = decoder.decode(flipped);
        assertThat(r.values()).hasSize(4);
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).reason()).startsWith("ST 0903 checksum mismatch");
        assertThat(r.errors().get(0).offset()).isZero();

        byte[] truncated = Arrays.copyOf(PeerVectors.bytes(DYNAMIC_ONLY), 60);
        assertThat(decoder.decode(truncated).errors().get(0).reason())
                .isEqualTo("packet length 97 runs past the end of the input");

        byte[] otherKey = PeerVectors.bytes(DYNAMIC_ONLY);
        otherKey[12] = 0x02;
        assertThat(decoder.decode(otherKey).errors().get(0).reason())
                .isEqualTo("key 060E2B34020B01010E01030102000000 is not ST 0601 or ST 0903");
        assertThat(List.of(decoder.decode(new byte[0]).errors().get(0).reason()))
                .containsExactly("empty input");
    }
}
