package io.cordon.connectors.asterix;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.asterix.cat021.Cat021;
import io.cordon.connectors.asterix.cat034.Cat034;
import io.cordon.connectors.asterix.cat034.Cat034Service;
import io.cordon.connectors.asterix.cat048.Cat048;
import io.cordon.connectors.asterix.cat048.Cat048Plot;
import io.cordon.connectors.asterix.cat062.Cat062;
import io.cordon.connectors.asterix.cat062.Cat062Track;
import io.cordon.connectors.asterix.feed.AsterixFeedDecoder;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.pcap.PcapReader;
import io.cordon.connectors.pcap.UdpDatagram;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Every record of the public ASTERIX vectors (shared/peerdata/asterix, CroatiaControl asterix
 * v2.8.11 dumps) is delimited exactly (same bytes, same items) and decodes to the expected values
 * within each item's resolution.
 */
class AsterixConformanceTest {
    private static final double NM = 1852.0;
    private static final double FT = 0.3048;
    private static final List<AsterixCategory<? extends AsterixMessage>> CATEGORIES =
            List.of(new Cat021(), new Cat034(), new Cat048(), new Cat062());

    /** A delimited record and what it decoded to. */
    record Decoded(AsterixRecord record, AsterixMessage message) {}

    static List<Decoded> decodeAll(List<byte[]> datagrams) {
        List<Uap> uaps = CATEGORIES.stream().map(AsterixCategory::uap).toList();
        AsterixRecordReader reader = new AsterixRecordReader(uaps);
        List<Decoded> out = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (byte[] datagram : datagrams) {
            int before = out.size();
            reader.read(
                    datagram,
                    new AsterixRecordReader.Sink() {
                        @Override
                        public void record(AsterixRecord r) {
                            DecodeResult.Builder<AsterixMessage> b = new DecodeResult.Builder<>();
                            for (AsterixCategory<? extends AsterixMessage> c : CATEGORIES) {
                                if (c.uap().category() == r.category()) {
                                    c.decode(r, b);
                                }
                            }
                            DecodeResult<AsterixMessage> result = b.build();
                            assertThat(result.errors()).as(r.toString()).isEmpty();
                            out.add(new Decoded(r, result.values().get(0)));
                        }

                        @Override
                        public void error(String reason, int from, int to) {
                            errors.add(reason);
                        }
                    });
            List<AsterixMessage> viaFeed = AsterixFeedDecoder.decodeAll(datagram).values();
            assertThat(viaFeed)
                    .containsExactlyElementsOf(
                            out.subList(before, out.size()).stream()
                                    .map(Decoded::message)
                                    .toList());
        }
        assertThat(errors).as("framing errors").isEmpty();
        return out;
    }

    static List<byte[]> payloads(String pcap) {
        DecodeResult<UdpDatagram> read = PcapReader.read(PeerData.bytes(pcap));
        assertThat(read.errors()).isEmpty();
        return read.values().stream().map(UdpDatagram::payload).toList();
    }

    @Test
    void everyCat034AndCat048RecordOfTheRadarCaptureMatches() {
        List<Decoded> decoded = decodeAll(payloads("asterix/input/cat_034_048.pcap"));
        List<ExpectedRecord> expected =
                ExpectedRecord.load("asterix/expected-generated/cat_034_048.pcap.json");

        assertThat(decoded).hasSameSizeAs(expected);
        int cat048 = 0;
        int cat034 = 0;
        for (int i = 0; i < expected.size(); i++) {
            ExpectedRecord e = expected.get(i);
            Decoded d = decoded.get(i);
            assertSameRecord(d.record(), e);
            if (d.message() instanceof Cat048Plot plot) {
                assertCat048(plot, e);
                cat048++;
            } else {
                assertCat034((Cat034Service) d.message(), e);
                cat034++;
            }
        }
        assertThat(cat048).isEqualTo(128);
        assertThat(cat034).isEqualTo(34);
    }

    @Test
    void theRawCat048BlockMatchesBothExpectations() {
        byte[] raw = PeerData.bytes("asterix/input/cat048.raw");
        List<Decoded> decoded = decodeAll(List.of(raw));
        ExpectedRecord e = ExpectedRecord.load("asterix/expected-generated/cat048.raw.json").get(0);
        assertThat(decoded).hasSize(1);
        assertSameRecord(decoded.get(0).record(), e);
        Cat048Plot plot = (Cat048Plot) decoded.get(0).message();
        assertCat048(plot, e);

        // The values the upstream Python test asserts (transcribed in expected-upstream).
        Map<String, Object> upstream =
                LenientJson.object(
                        new String(
                                PeerData.bytes(
                                        "asterix/expected-upstream/cat048_raw.test_parse_values.json")));
        assertThat(plot.sac()).isEqualTo(25);
        assertThat(plot.sic()).isEqualTo(201);
        assertThat(plot.timeOfDaySeconds()).isEqualTo(27354.6015625);
        assertThat(plot.rangeM() / NM).isEqualTo(197.68359375);
        assertThat(plot.azimuthDeg()).isEqualTo(340.13671875);
        assertThat(plot.mode3AOctal()).isEqualTo("1000");
        assertThat(plot.flightLevel()).isEqualTo(330.0);
        assertThat(plot.icao24()).isEqualTo("3C660C");
        assertThat(plot.callsign()).isEqualTo("DLH65A");
        assertThat(plot.trackNumber()).isEqualTo(3563);
        assertThat(plot.groundSpeedMps() * 3600 / NM).isEqualTo(434.3994140625);
        assertThat(plot.headingDeg()).isEqualTo(124.002685546875);
        assertThat(upstream.get("len")).isEqualTo(45.0);
        assertThat(Cat048.decode(raw).values()).containsExactly(plot);
    }

    @Test
    void theCat062TracksOfTheSdpsCaptureMatch() {
        List<byte[]> datagrams = payloads("asterix/input/cat_062_065.pcap");
        List<ExpectedRecord> expected =
                ExpectedRecord.load("asterix/expected-generated/cat_062_065.pcap.json");
        List<ExpectedRecord> tracks = expected.stream().filter(e -> e.category() == 62).toList();

        DecodeResult<Cat062Track> result = Cat062.decode(datagrams.get(0));
        assertThat(result.values()).hasSameSizeAs(tracks).hasSize(2);
        // The CAT065 block in the same datagram is not decoded here: one error, with its bytes.
        assertThat(result.errors()).hasSize(1);
        assertThat(result.errors().get(0).reason()).contains("category 65");
        assertThat(Hex.upper(result.errors().get(0).raw()))
                .endsWith(
                        expected.stream()
                                .filter(e -> e.category() == 65)
                                .findFirst()
                                .orElseThrow()
                                .hex());

        AsterixRecordReader reader = new AsterixRecordReader(List.of(new Cat062().uap()));
        List<AsterixRecord> records = new ArrayList<>();
        reader.read(
                datagrams.get(0),
                new AsterixRecordReader.Sink() {
                    @Override
                    public void record(AsterixRecord r) {
                        records.add(r);
                    }

                    @Override
                    public void error(String reason, int from, int to) {}
                });
        for (int i = 0; i < tracks.size(); i++) {
            assertSameRecord(records.get(i), tracks.get(i));
            assertCat062(result.values().get(i), tracks.get(i));
        }
    }

    static void assertSameRecord(AsterixRecord r, ExpectedRecord e) {
        assertThat(r.category()).as(e.where()).isEqualTo(e.category());
        assertThat(Hex.upper(r.bytes())).as(e.where()).isEqualTo(e.hex());
        assertThat(r.itemIds()).as(e.where()).isEqualTo(e.itemIds());
    }

    static void assertCat048(Cat048Plot p, ExpectedRecord e) {
        e.assertEquals(p.sac(), "I010", "SAC");
        e.assertEquals(p.sic(), "I010", "SIC");
        if (e.has("I140")) {
            e.assertClose(p.timeOfDaySeconds(), 1 / 128.0, "I140", "ToD");
        }
        if (e.has("I020")) {
            e.assertEquals(p.detectionType(), "I020", "TYP");
            e.assertEquals(p.simulated() ? 1 : 0, "I020", "SIM");
            e.assertEquals(p.specialPositionIndication() ? 1 : 0, "I020", "SPI");
        }
        if (e.has("I040")) {
            e.assertClose(p.rangeM() / NM, 1 / 256.0, "I040", "RHO");
            e.assertClose(p.azimuthDeg(), 360 / 65536.0, "I040", "THETA");
        } else {
            assertThat(p.hasPolarPosition()).isFalse();
        }
        if (e.has("I070")) {
            e.assertEquals(p.mode3AOctal(), "I070", "Mode3A");
            e.assertEquals(p.mode3AValid() ? 0 : 1, "I070", "V");
            e.assertEquals(p.mode3AGarbled() ? 1 : 0, "I070", "G");
        } else {
            assertThat(p.mode3A()).isEqualTo(-1);
        }
        if (e.has("I090")) {
            e.assertClose(p.flightLevel(), 0.25, "I090", "FL");
            e.assertEquals(p.flightLevelValid() ? 0 : 1, "I090", "V");
        }
        if (e.has("I220")) {
            e.assertEquals(p.icao24(), "I220", "ACAddr");
        } else {
            assertThat(p.icao24()).isEmpty();
        }
        if (e.has("I240")) {
            assertThat(p.callsign()).as(e.where()).isEqualTo(e.str("I240", "TId").stripTrailing());
        }
        if (e.has("I161")) {
            e.assertEquals(p.trackNumber(), "I161", "Tn");
        }
        if (e.has("I042")) {
            e.assertClose(p.xM() / NM, 1 / 128.0, "I042", "X");
            e.assertClose(p.yM() / NM, 1 / 128.0, "I042", "Y");
        }
        if (e.has("I200")) {
            e.assertClose(p.groundSpeedMps() * 3600 / NM, 3600 / 16384.0, "I200", "CGS");
            e.assertClose(p.headingDeg(), 360 / 65536.0, "I200", "CHdg");
        }
        if (e.has("I110")) {
            e.assertClose(p.heightM() / FT, 25, "I110", "3D_Height");
        }
        if (e.has("I170")) {
            e.assertEquals(p.trackConfirmed() ? 0 : 1, "I170", "CNF");
        }
    }

    static void assertCat034(Cat034Service s, ExpectedRecord e) {
        e.assertEquals(s.sac(), "I010", "SAC");
        e.assertEquals(s.sic(), "I010", "SIC");
        e.assertEquals(s.messageType().code(), "I000", "MsgTyp");
        e.assertClose(s.timeOfDaySeconds(), 1 / 128.0, "I030", "ToD");
        if (e.has("I020")) {
            e.assertClose(s.sectorAzimuthDeg(), 360 / 256.0, "I020", "Azi");
        }
        if (e.has("I041")) {
            e.assertClose(s.antennaRotationPeriodSeconds(), 1 / 128.0, "I041", "RotS");
        }
        if (e.has("I050")) {
            e.assertEquals(s.noGo() ? 1 : 0, "I050", "COM", "NOGO");
            int ovl = (int) (e.num("I050", "COM", "OVLRDP") + e.num("I050", "COM", "OVLXMT"));
            assertThat(s.overloaded()).as(e.where()).isEqualTo(ovl > 0);
        }
        if (e.has("I120")) {
            e.assertClose(s.sensorHeightM(), 1, "I120", "Height");
            e.assertClose(s.sensorLatDeg(), 180 / Math.pow(2, 23), "I120", "LAT");
            e.assertClose(s.sensorLonDeg(), 180 / Math.pow(2, 23), "I120", "Lon");
        }
    }

    static void assertCat062(Cat062Track t, ExpectedRecord e) {
        e.assertEquals(t.sac(), "I010", "SAC");
        e.assertEquals(t.sic(), "I010", "SIC");
        e.assertEquals(t.serviceId(), "I015", "SID");
        e.assertClose(t.timeOfTrackSeconds(), 1 / 128.0, "I070", "ToT");
        e.assertClose(t.latDeg(), 180 / Math.pow(2, 25), "I105", "Lat");
        e.assertClose(t.lonDeg(), 180 / Math.pow(2, 25), "I105", "Lon");
        e.assertClose(t.xM(), 0.5, "I100", "X");
        e.assertClose(t.yM(), 0.5, "I100", "Y");
        e.assertClose(t.vxMps(), 0.25, "I185", "Vx");
        e.assertClose(t.vyMps(), 0.25, "I185", "Vy");
        e.assertClose(t.axMps2(), 0.25, "I210", "Ax");
        e.assertClose(t.ayMps2(), 0.25, "I210", "Ay");
        e.assertEquals(t.mode3AOctal(), "I060", "Mode3A");
        e.assertEquals(t.icao24(), "I380", "ADR", "ADR");
        assertThat(t.callsign()).isEqualTo(e.str("I380", "ID", "ACID").stripTrailing());
        e.assertEquals(t.trackNumber(), "I040", "TrkN");
        e.assertEquals(t.tentative() ? 1 : 0, "I080", "CNF");
        e.assertEquals(t.simulated() ? 1 : 0, "I080", "SIM");
        e.assertEquals(t.lastUpdate() ? 1 : 0, "I080", "TSE");
        e.assertEquals(t.coasting() ? 1 : 0, "I080", "CST");
        // I136 and I135 print feet (FL x 100); I130 prints feet; I220 prints ft/min.
        e.assertClose(t.measuredFlightLevel() * 100, 25, "I136", "MFL");
        e.assertClose(t.geometricAltitudeM() / FT, 6.25, "I130", "Alt");
        e.assertClose(t.barometricFlightLevel() * 100, 25, "I135", "CTBA");
        e.assertClose(t.rateOfClimbMps() / FT * 60, 6.25, "I220", "RoC");
    }
}
