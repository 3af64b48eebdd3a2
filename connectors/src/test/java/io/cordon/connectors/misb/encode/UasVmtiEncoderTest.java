package io.cordon.connectors.misb.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.misb.KlvChecksum;
import io.cordon.connectors.misb.MisbKlvDecoder;
import io.cordon.connectors.misb.MisbObservationMapper;
import io.cordon.connectors.misb.MisbPacket;
import io.cordon.connectors.misb.UasDatalinkPacket;
import io.cordon.connectors.misb.encode.UasVmtiEncoder.Frame;
import io.cordon.connectors.misb.encode.UasVmtiEncoder.Target;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class UasVmtiEncoderTest {
    // one IMAPB step of each mapping (ST 1201: 2^(ceil(log2 range) - (8 bytes - 1)))
    private static final double LAT_STEP = Math.scalb(1.0, 8 - 31);
    private static final double LON_STEP = Math.scalb(1.0, 9 - 31);
    private static final double HAE_STEP = Math.scalb(1.0, 15 - 15);
    private static final double SIGMA_STEP = Math.scalb(1.0, 10 - 15);
    private static final double RHO_STEP = Math.scalb(1.0, 1 - 15);
    private static final SensorDefaults DRONE =
            new SensorDefaults("mex", "mex-drone-2", Marking.UNRESTRICTED, 10.0);

    private final MisbKlvDecoder decoder = new MisbKlvDecoder();
    private final MisbObservationMapper mapper = new MisbObservationMapper(DRONE);

    @Test
    void everyDetectionComesBackWithinTheResolutionOfItsMapping() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int frame = 0; frame < 200; frame++) {
            Instant t =
                    Instant.ofEpochSecond(1_780_000_000L + frame, rnd.nextInt(1_000_000) * 1000);
            List<Target> targets = new ArrayList<>();
            int n = 1 + rnd.nextInt(frame % 10 == 0 ? 60 : 6); // some packets need long BER lengths
            for (int k = 0; k < n; k++) {
                boolean sigmas = rnd.nextBoolean();
                targets.add(
                        new Target(
                                rnd.nextDouble(-90, 90),
                                rnd.nextDouble(-180, 180),
                                rnd.nextDouble(-900, 19000),
                                sigmas ? rnd.nextDouble(0.5, 600) : Double.NaN,
                                sigmas ? rnd.nextDouble(0.5, 600) : Double.NaN,
                                sigmas ? rnd.nextDouble(-0.99, 0.99) : Double.NaN,
                                sigmas && rnd.nextBoolean()
                                        ? rnd.nextDouble(0.5, 600)
                                        : Double.NaN));
            }
            byte[] bytes =
                    UasVmtiEncoder.encode(
                            new Frame(
                                    t, "m1", "mex-drone-2", 31.29, -110.68, 1500, "sim", targets));
            DecodeResult<MisbPacket> decoded = decoder.decode(bytes);
            assertThat(decoded.errors()).isEmpty();
            assertThat(decoded.values()).hasSize(1);
            UasDatalinkPacket uas = (UasDatalinkPacket) decoded.values().get(0);
            assertThat(uas.precisionTimeStamp()).contains(t);
            DecodeResult<Observation> mapped = mapper.map(uas);
            assertThat(mapped.errors()).isEmpty();
            assertThat(mapped.values()).hasSize(n);
            for (int k = 0; k < n; k++) {
                Target want = targets.get(k);
                Observation o = mapped.values().get(k);
                assertThat(o.eventTime()).isEqualTo(t);
                assertThat(o.sensorKind()).isEqualTo(SensorKind.DRONE);
                PositionFix f = (PositionFix) o.measurement();
                // floor mapping: the decoded value is at most one step below the written one
                assertThat(want.latDeg() - f.position().latDeg()).isBetween(-1e-12, LAT_STEP);
                assertThat(want.lonDeg() - f.position().lonDeg()).isBetween(-1e-12, LON_STEP);
                assertThat(want.haeM() - f.position().altM()).isBetween(-1e-9, HAE_STEP);
                if (want.hasSigmas()) {
                    double sLat = Math.sqrt(f.covNorthNorthM2());
                    double sLon = Math.sqrt(f.covEastEastM2());
                    assertThat(sLat).isCloseTo(want.sigmaLatM(), within(SIGMA_STEP));
                    assertThat(sLon).isCloseTo(want.sigmaLonM(), within(SIGMA_STEP));
                    assertThat(f.covEastNorthM2() / (sLat * sLon))
                            .isCloseTo(want.rhoLatLon(), within(RHO_STEP + 1e-9));
                    // a height sigma makes the height a measurement; unknown (NaN): none
                    if (Double.isFinite(want.sigmaHaeM())) {
                        assertThat(want.sigmaHaeM() - f.sigmaAltM()).isBetween(-1e-9, SIGMA_STEP);
                    } else {
                        assertThat(f.sigmaAltM()).isZero();
                    }
                } else {
                    assertThat(f.sigmaAltM()).as("a 10-byte pack has no height sigma").isZero();
                    assertThat(f.covEastEastM2()).isEqualTo(100.0);
                    assertThat(f.covNorthNorthM2()).isEqualTo(100.0);
                }
            }
        }
    }

    @Test
    void sensorPositionAndChecksumFollowSt0601() {
        Instant t = Instant.parse("2026-11-27T23:00:00.123456Z");
        byte[] b =
                UasVmtiEncoder.encode(
                        new Frame(
                                t,
                                "",
                                "",
                                31.2882,
                                -110.6841,
                                1200,
                                "sim",
                                List.of(new Target(31.3, -110.6, 1210, Double.NaN, 0, 0))));
        // the checksum item ends the packet and sums everything before its value
        assertThat(b[b.length - 4]).isEqualTo((byte) 1);
        assertThat(b[b.length - 3]).isEqualTo((byte) 2);
        int stated = ((b[b.length - 2] & 0xFF) << 8) | (b[b.length - 1] & 0xFF);
        assertThat(stated).isEqualTo(KlvChecksum.compute(b, 0, b.length - 2));
        UasDatalinkPacket p = (UasDatalinkPacket) decoder.decode(b).values().get(0);
        assertThat(p.precisionTimeStamp()).contains(t); // exact to the microsecond
        assertThat(p.sensorLatitudeDeg().getAsDouble())
                .isCloseTo(31.2882, within(180 / 4294967294.0));
        assertThat(p.sensorLongitudeDeg().getAsDouble())
                .isCloseTo(-110.6841, within(360 / 4294967294.0));
        assertThat(p.sensorTrueAltitudeM().getAsDouble()).isCloseTo(1200, within(19900 / 65535.0));
        assertThat(p.uasLsVersion()).hasValue(UasVmtiEncoder.UAS_LS_VERSION);
        assertThat(p.vmti()).isPresent();
        assertThat(p.vmti().get().systemName()).isEqualTo("sim");
        assertThat(p.vmti().get().precisionTimeStamp()).contains(t);
        assertThat(p.vmti().get().targets()).hasSize(1);
    }

    @Test
    void everyFlippedByteIsADecodeErrorWithAReasonNotAnException() {
        byte[] good =
                UasVmtiEncoder.encode(
                        new Frame(
                                Instant.parse("2026-11-27T23:00:00Z"),
                                "m",
                                "d",
                                31.0,
                                -110.0,
                                1000,
                                "sim",
                                List.of(
                                        new Target(31.1, -110.1, 900, 10, 12, 0.1),
                                        new Target(31.2, -110.2, 950, Double.NaN, Double.NaN, 0))));
        int refused = 0;
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= 0x5A;
            DecodeResult<MisbPacket> decoded = decoder.decode(bad);
            // the checksum covers every byte (key, length, items): the packet never goes through
            assertThat(decoded.values()).as("byte %d flipped", i).isEmpty();
            assertThat(decoded.errors()).as("byte %d flipped", i).isNotEmpty();
            assertThat(decoded.errors().get(0).reason()).isNotBlank();
            refused++;
        }
        assertThat(refused).isEqualTo(good.length);
        byte[] bad = good.clone();
        bad[bad.length - 1] ^= 0x01;
        assertThat(decoder.decode(bad).errors().get(0).reason()).contains("checksum mismatch");
    }
}
