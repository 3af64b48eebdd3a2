package io.cordon.connectors.misb;

import static io.cordon.connectors.misb.KlvPackets.big;
import static io.cordon.connectors.misb.KlvPackets.concat;
import static io.cordon.connectors.misb.KlvPackets.imapb;
import static io.cordon.connectors.misb.KlvPackets.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.connectors.vectors.PeerVectors;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * An ST 0601 packet carrying a VMTI set (tag 74) with located targets, built from the standards.
 */
class MisbNestedVmtiTest {
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00.125Z");
    static final SensorDefaults DRONE =
            new SensorDefaults("us", "uas-3", Marking.UNRESTRICTED, 40.0);

    static byte[] locationPack(
            double lat, double lon, double hae, double sLat, double sLon, double rho) {
        return concat(
                imapb(lat, -90, 90, 4),
                imapb(lon, -180, 180, 4),
                imapb(hae, -900, 19000, 2),
                imapb(sLat, 0, 650, 2),
                imapb(sLon, 0, 650, 2),
                imapb(3.0, 0, 650, 2),
                imapb(rho, -1, 1, 2),
                imapb(0, -1, 1, 2),
                imapb(0, -1, 1, 2));
    }

    static byte[] vTarget(int id, byte[] location) {
        byte[] pack =
                concat(
                        new byte[] {(byte) id},
                        item(1, big(123_456, 3)),
                        item(5, new byte[] {90}),
                        location == null ? new byte[0] : item(17, location));
        return concat(new byte[] {(byte) pack.length}, pack);
    }

    static byte[] uasPacket() {
        long micros = T0.getEpochSecond() * 1_000_000 + T0.getNano() / 1000;
        byte[] vmti =
                concat(
                        item(3, "Test MTI".getBytes(StandardCharsets.US_ASCII)),
                        item(4, new byte[] {5}),
                        item(
                                101,
                                concat(
                                        vTarget(
                                                7,
                                                locationPack(
                                                        32.51, -117.12, 150.0, 12.0, 8.0, 0.25)),
                                        vTarget(8, null))));
        byte[] items =
                concat(
                        item(2, KlvPackets.micros(micros)),
                        // sensor latitude 32.5: s32 = round(32.5 * 4294967294 / 180)
                        item(13, big(Math.round(32.5 * 4294967294.0 / 180), 4)),
                        item(6, big(0x8000, 2)), // pitch "out of range"
                        item(74, vmti),
                        item(65, new byte[] {17}));
        return KlvPackets.packet(MisbKlvDecoder.UAS_DATALINK_KEY, items);
    }

    @Test
    void decodesNestedTargetsAndLocationPack() {
        DecodeResult<MisbPacket> r = new MisbKlvDecoder().decode(uasPacket());
        assertThat(r.errors()).isEmpty();
        UasDatalinkPacket p = (UasDatalinkPacket) r.values().get(0);

        assertThat(p.precisionTimeStamp()).contains(T0);
        assertThat(p.sensorLatitudeDeg().getAsDouble()).isCloseTo(32.5, within(1e-7));
        assertThat(p.platformPitchDeg()).as("0x8000 is out of range").isEmpty();
        assertThat(p.uasLsVersion().getAsInt()).isEqualTo(17);
        VmtiLocalSet vmti = p.vmti().orElseThrow();
        assertThat(vmti.systemName()).isEqualTo("Test MTI");
        assertThat(vmti.targets()).extracting(VmtiTarget::targetId).containsExactly(7L, 8L);
        TargetLocation loc = vmti.targets().get(0).location().orElseThrow();
        // IMAPB resolution: 180 / 2^31 deg, 2^-1 m for HAE on 2 bytes, 2^-5 m for sigmas
        assertThat(loc.latDeg()).isCloseTo(32.51, within(1e-7));
        assertThat(loc.lonDeg()).isCloseTo(-117.12, within(2e-7));
        assertThat(loc.haeM()).isCloseTo(150.0, within(0.5));
        assertThat(loc.sigmaLatM().getAsDouble()).isCloseTo(12.0, within(0.02));
        assertThat(loc.sigmaLonM().getAsDouble()).isCloseTo(8.0, within(0.02));
        assertThat(loc.rhoLatLon().getAsDouble()).isCloseTo(0.25, within(1e-4));
        assertThat(vmti.targets().get(1).location()).isEmpty();
        assertThat(vmti.targets().get(0).confidencePercent().getAsInt()).isEqualTo(90);
    }

    @Test
    void mapsLocatedTargetsToObservations() {
        MisbPacket packet = new MisbKlvDecoder().decode(uasPacket()).values().get(0);
        DecodeResult<Observation> r = new MisbObservationMapper(DRONE).map(packet);

        assertThat(r.errors()).isEmpty();
        assertThat(r.values()).hasSize(1); // target 8 has no location
        Observation o = r.values().get(0);
        assertThat(o.sensorKind()).isEqualTo(SensorKind.DRONE);
        assertThat(o.eventTime()).isEqualTo(T0);
        PositionFix fix = (PositionFix) o.measurement();
        assertThat(fix.covNorthNorthM2()).isCloseTo(144.0, within(0.5));
        assertThat(fix.covEastEastM2()).isCloseTo(64.0, within(0.5));
        assertThat(fix.covEastNorthM2()).isCloseTo(0.25 * 12 * 8, within(0.1));
        assertThat(fix.position().altM()).isCloseTo(150.0, within(0.5));
        // the pack's height sigma (3 m) makes the height a measurement
        assertThat(fix.hasHeight()).isTrue();
        assertThat(fix.sigmaAltM()).isCloseTo(3.0, within(0.02));
        assertThat(o.observationId()).isEqualTo("misb/uas-3/Test MTI/" + T0.toEpochMilli() + "/7");
    }

    @Test
    void platformOnlyPacketYieldsNoObservation() {
        MisbPacket packet =
                new MisbKlvDecoder()
                        .decode(
                                PeerVectors.bytes(
                                        "misb-klv/klvdata/DynamicOnlyMISMMSPacketData.bin"))
                        .values()
                        .get(0);
        DecodeResult<Observation> r = new MisbObservationMapper(DRONE).map(packet);
        assertThat(r.values()).isEmpty();
        assertThat(r.errors()).isEmpty();
    }
}
