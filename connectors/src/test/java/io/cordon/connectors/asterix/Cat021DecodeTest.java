package io.cordon.connectors.asterix;

import static io.cordon.connectors.asterix.BlockBuilder.be;
import static io.cordon.connectors.asterix.BlockBuilder.cat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.asterix.cat021.Cat021;
import io.cordon.connectors.asterix.cat021.Cat021Report;
import io.cordon.connectors.asterix.cat021.Cat021Uap;
import io.cordon.connectors.decode.DecodeResult;
import org.junit.jupiter.api.Test;

/**
 * CAT021 v2.x from a record encoded here by hand from the edition 2.6 layouts (the peerdata
 * MANIFEST lists cat21_re.ast, but the file is not shipped): every scaled field, the I074
 * high-precision time, and RE/SP/compound/repetitive items skipped by their length rules.
 */
public class Cat021DecodeTest {
    static final double LAT_DEG = 61.4753294;
    static final double LON_DEG = -7.8786993;

    public static byte[] block() {
        return new BlockBuilder(21)
                .item(Cat021Uap.I010, 0, 1)
                .item(Cat021Uap.I040, 0x01, 0x60) // ATP 0 | GBS 1, SIM 1
                .item(Cat021Uap.I161, be(0x0ABC, 2)) // spare nibble set to A: ignored
                .item(Cat021Uap.I071, be(Math.round(28802.5 * 128), 3))
                .item(Cat021Uap.I130, cat(be(raw(LAT_DEG, 23), 3), be(raw(LON_DEG, 23), 3)))
                .item(Cat021Uap.I131, cat(be(raw(LAT_DEG, 30), 4), be(raw(LON_DEG, 30), 4)))
                .item(Cat021Uap.I080, 0x4C, 0xA7, 0xA8)
                .item(Cat021Uap.I073, be(Math.round(28802.9 * 128), 3))
                // FSI = 1 (next second) and a fraction of 0.25 s: 28803.25 s.
                .item(Cat021Uap.I074, be(1L << 30 | 1L << 28, 4))
                .item(Cat021Uap.I140, be(-160, 2)) // -160 x 6.25 ft = -1000 ft
                .item(Cat021Uap.I090, 0x15, 0x12) // NIC 10 | NACp 9
                .item(Cat021Uap.I070, be(07521, 2))
                .item(Cat021Uap.I145, be(1400, 2)) // FL 350
                .item(Cat021Uap.I155, be(0x8000 | (-64 & 0x7FFF), 2)) // RE bit, -400 ft/min
                .item(Cat021Uap.I157, be(32, 2)) // +200 ft/min
                .item(Cat021Uap.I160, cat(be(0x8000 | 2048, 2), be(16384, 2))) // 450 kt, 90 deg
                .item(Cat021Uap.I077, be(Math.round(28803.5 * 128), 3))
                .item(
                        Cat021Uap.I170,
                        AsterixFieldsTest.unsigned(
                                AsterixFieldsTest.pack(new int[] {18, 25, 18, 49, 55, 52, 3, 32})))
                .item(Cat021Uap.I020, 13)
                .item(Cat021Uap.I250, 2, 1, 2, 3, 4, 5, 6, 7, 0x40, 1, 2, 3, 4, 5, 6, 7, 0x60)
                .item(Cat021Uap.I295, 0x54, 0x0D, 0x0D, 0x0D) // TRD, QI, MAM ages
                .item(Cat021Uap.RE, 5, 0x08, 0xF0, 0x01, 0x62)
                .item(Cat021Uap.SP, 2, 0x99)
                .build();
    }

    static long raw(double deg, int fractionBits) {
        return Math.round(deg * (1L << fractionBits) / 180.0);
    }

    @Test
    void decodesEveryScaledFieldOfAHandEncodedReport() {
        DecodeResult<Cat021Report> result = Cat021.decode(block());

        assertThat(result.errors()).isEmpty();
        Cat021Report r = result.values().get(0);
        assertThat(r.sac()).isZero();
        assertThat(r.sic()).isEqualTo(1);
        assertThat(r.icao24()).isEqualTo("4CA7A8");
        assertThat(r.callsign()).isEqualTo("RYR174C");
        assertThat(r.trackNumber()).isEqualTo(0xABC);
        // I131 wins over I130: resolution 180/2^30 deg.
        assertThat(r.latDeg()).isCloseTo(LAT_DEG, within(180.0 / (1 << 30)));
        assertThat(r.lonDeg()).isCloseTo(LON_DEG, within(180.0 / (1 << 30)));
        assertThat(r.timeOfApplicabilityPositionSeconds()).isEqualTo(28802.5);
        assertThat(r.timeOfReceptionPositionSeconds()).isEqualTo(28803.25);
        assertThat(r.timeOfReportTransmissionSeconds()).isEqualTo(28803.5);
        assertThat(r.geometricHeightM()).isCloseTo(-1000 * 0.3048, within(1e-9));
        assertThat(r.flightLevel()).isEqualTo(350.0);
        assertThat(r.barometricVerticalRateMps()).isCloseTo(-400 * 0.3048 / 60, within(1e-9));
        assertThat(r.geometricVerticalRateMps()).isCloseTo(200 * 0.3048 / 60, within(1e-9));
        assertThat(r.groundSpeedMps()).isCloseTo(450 * 1852 / 3600.0, within(1e-9));
        assertThat(r.trackAngleDeg()).isEqualTo(90.0);
        assertThat(r.mode3AOctal()).isEqualTo("7521");
        assertThat(r.emitterCategory()).isEqualTo(13);
        assertThat(r.nic()).isEqualTo(10);
        assertThat(r.nacp()).isEqualTo(9);
        assertThat(r.onGround()).isTrue();
        assertThat(r.simulated()).isTrue();
        assertThat(r.testTarget()).isFalse();
    }

    @Test
    void fallsBackToTheLowResolutionPositionAndLeavesAbsentItemsEmpty() {
        byte[] block =
                new BlockBuilder(21)
                        .item(Cat021Uap.I010, 0, 2)
                        .item(Cat021Uap.I040, 0x00)
                        .item(Cat021Uap.I130, cat(be(raw(LAT_DEG, 23), 3), be(raw(LON_DEG, 23), 3)))
                        .build();
        Cat021Report r = Cat021.decode(block).values().get(0);

        assertThat(r.latDeg()).isCloseTo(LAT_DEG, within(180.0 / (1 << 23)));
        assertThat(r.lonDeg()).isCloseTo(LON_DEG, within(180.0 / (1 << 23)));
        assertThat(r.icao24()).isEmpty();
        assertThat(r.callsign()).isEmpty();
        assertThat(r.trackNumber()).isEqualTo(-1);
        assertThat(r.mode3A()).isEqualTo(-1);
        assertThat(r.nacp()).isEqualTo(-1);
        assertThat(r.flightLevel()).isNaN();
        assertThat(r.onGround()).isFalse();
    }

    @Test
    void aRecordWithoutDataSourceIsAnErrorWithItsBytes() {
        byte[] block = new BlockBuilder(21).item(Cat021Uap.I080, 1, 2, 3).build();
        DecodeResult<Cat021Report> result = Cat021.decode(block);

        assertThat(result.values()).isEmpty();
        assertThat(result.errors())
                .singleElement()
                .satisfies(
                        e -> {
                            assertThat(e.reason()).contains("I010");
                            assertThat(e.offset()).isEqualTo(3);
                            assertThat(Hex.upper(e.raw())).isEqualTo("0110010203");
                        });
    }
}
