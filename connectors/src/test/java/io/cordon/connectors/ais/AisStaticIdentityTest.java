package io.cordon.connectors.ais;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.ais.encode.AisNmeaEncoder;
import io.cordon.connectors.ais.message.StaticDataReportPartA;
import io.cordon.connectors.ais.message.StaticDataReportPartB;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** The call sign of a feed's static reports reaches the observations of that MMSI's positions. */
class AisStaticIdentityTest {
    private static final SensorDefaults RX =
            new SensorDefaults("usa", "ais-1", Marking.UNRESTRICTED, 10);
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    private final AisStreamDecoder decoder = new AisStreamDecoder();

    private List<AisReport> decode(List<String> sentences, Instant receivedAt) {
        DecodeResult<AisReport> r = decoder.decode(AisNmeaEncoder.lines(sentences), receivedAt);
        assertThat(r.errors()).isEmpty();
        return r.values();
    }

    private List<AisReport> type5(int mmsi, String callsign, Instant receivedAt) {
        return decode(
                AisNmeaEncoder.staticAndVoyage(
                        new AisNmeaEncoder.StaticData(
                                mmsi, 0, callsign, "SEA BREEZE", 30, 20, 8, 3, 4, "NOGALES"),
                        'A',
                        3),
                receivedAt);
    }

    private List<AisReport> type1(int mmsi, Instant receivedAt) {
        return decode(
                AisNmeaEncoder.classA(
                        new AisNmeaEncoder.Position(
                                mmsi, receivedAt, 31.3, -110.9, 5, 90, 90, true),
                        'A'),
                receivedAt);
    }

    private static AisReport partB(int mmsi, String callsign, Instant receivedAt) {
        return new AisReport(
                new StaticDataReportPartB(
                        24,
                        0,
                        mmsi,
                        37,
                        "SRT",
                        1,
                        4242,
                        callsign,
                        Optional.empty(),
                        OptionalInt.empty()),
                Optional.of(receivedAt),
                "",
                "B",
                false);
    }

    /** Maps every report; returns the observations, asserting there were no errors. */
    private static List<Observation> map(AisObservationMapper mapper, List<AisReport> reports) {
        List<Observation> out = new ArrayList<>();
        for (AisReport r : reports) {
            DecodeResult<Observation> m = mapper.map(r);
            assertThat(m.errors()).isEmpty();
            out.addAll(m.values());
        }
        return out;
    }

    @Test
    void type5CallSignIsAttachedToLaterPositionsOfItsMmsiOnly() {
        AisObservationMapper mapper = new AisObservationMapper(RX);
        assertThat(map(mapper, type1(338_123_456, T0)).get(0).identity().callsign()).isEmpty();

        assertThat(map(mapper, type5(338_123_456, "WDC1234", T0.plusSeconds(1))))
                .as("static data is no observation")
                .isEmpty();
        Observation same = map(mapper, type1(338_123_456, T0.plusSeconds(10))).get(0);
        Observation other = map(mapper, type1(338_123_457, T0.plusSeconds(10))).get(0);

        assertThat(same.identity().mmsi()).isEqualTo("338123456");
        assertThat(same.identity().callsign()).isEqualTo("WDC1234");
        assertThat(other.identity().mmsi()).isEqualTo("338123457");
        assertThat(other.identity().callsign()).isEmpty();
    }

    @Test
    void type24PartBCallSignIsAttachedAndPartAChangesNothing() {
        AisObservationMapper mapper = new AisObservationMapper(RX);
        AisReport partA =
                new AisReport(
                        new StaticDataReportPartA(24, 0, 338_000_001, "LITTLE SKIFF"),
                        Optional.of(T0),
                        "",
                        "B",
                        false);
        assertThat(map(mapper, List.of(partA))).isEmpty();
        assertThat(map(mapper, type1(338_000_001, T0.plusSeconds(1))).get(0).identity().callsign())
                .isEmpty();

        assertThat(map(mapper, List.of(partB(338_000_001, "KX4711", T0.plusSeconds(2))))).isEmpty();

        assertThat(map(mapper, type1(338_000_001, T0.plusSeconds(3))).get(0).identity().callsign())
                .isEqualTo("KX4711");
        assertThat(map(mapper, type1(338_000_002, T0.plusSeconds(3))).get(0).identity().callsign())
                .isEmpty();
    }

    @Test
    void newerStaticReportReplacesTheCallSignAndAnEmptyOneKeepsIt() {
        AisObservationMapper mapper = new AisObservationMapper(RX);
        map(mapper, List.of(partB(338_000_001, "OLD1", T0)));
        map(mapper, List.of(partB(338_000_001, "NEW2", T0.plusSeconds(1))));
        assertThat(map(mapper, type1(338_000_001, T0.plusSeconds(2))).get(0).identity().callsign())
                .isEqualTo("NEW2");
        // "not available" (decoded as empty) does not erase what is known
        map(mapper, List.of(partB(338_000_001, "", T0.plusSeconds(3))));
        assertThat(map(mapper, type1(338_000_001, T0.plusSeconds(4))).get(0).identity().callsign())
                .isEqualTo("NEW2");
    }

    @Test
    void mappersOfDifferentFeedsDoNotShareCallSigns() {
        AisObservationMapper a = new AisObservationMapper(RX);
        AisObservationMapper b = new AisObservationMapper(RX);
        map(a, List.of(partB(338_000_001, "KX4711", T0)));
        assertThat(map(b, type1(338_000_001, T0.plusSeconds(1))).get(0).identity().callsign())
                .isEmpty();
    }

    @Test
    void beyondTheBoundTheOldestStaticReportIsForgotten() {
        int bound = 50;
        AisObservationMapper mapper = new AisObservationMapper(RX, bound, Duration.ofHours(24));
        for (int i = 0; i <= bound; i++) { // one more than the bound
            map(mapper, List.of(partB(338_000_000 + i, "CS" + i, T0.plusSeconds(i))));
        }
        Instant later = T0.plusSeconds(bound + 1);
        assertThat(map(mapper, type1(338_000_000, later)).get(0).identity().callsign())
                .as("the oldest")
                .isEmpty();
        for (int i = 1; i <= bound; i++) {
            assertThat(map(mapper, type1(338_000_000 + i, later)).get(0).identity().callsign())
                    .isEqualTo("CS" + i);
        }
    }

    @Test
    void aRepeatedStaticReportMakesAnMmsiTheNewest() {
        AisObservationMapper mapper = new AisObservationMapper(RX, 2, Duration.ofHours(24));
        map(mapper, List.of(partB(338_000_001, "A1", T0)));
        map(mapper, List.of(partB(338_000_002, "B2", T0.plusSeconds(1))));
        map(mapper, List.of(partB(338_000_001, "A1", T0.plusSeconds(2)))); // 1 again
        map(mapper, List.of(partB(338_000_003, "C3", T0.plusSeconds(3)))); // evicts 2
        Instant later = T0.plusSeconds(4);
        assertThat(map(mapper, type1(338_000_001, later)).get(0).identity().callsign())
                .isEqualTo("A1");
        assertThat(map(mapper, type1(338_000_002, later)).get(0).identity().callsign()).isEmpty();
        assertThat(map(mapper, type1(338_000_003, later)).get(0).identity().callsign())
                .isEqualTo("C3");
    }

    @Test
    void aCallSignOlderThanTheAgeLimitIsNotAttached() {
        AisObservationMapper mapper = new AisObservationMapper(RX);
        map(mapper, List.of(partB(338_000_001, "KX4711", T0)));
        map(mapper, List.of(partB(338_000_002, "KX4712", T0)));
        Instant limit = T0.plus(AisStaticIdentities.DEFAULT_MAX_AGE);
        assertThat(map(mapper, type1(338_000_001, limit)).get(0).identity().callsign())
                .as("exactly 24 h: still attached")
                .isEqualTo("KX4711");
        assertThat(
                        map(mapper, type1(338_000_002, limit.plusSeconds(1)))
                                .get(0)
                                .identity()
                                .callsign())
                .as("24 h and a second")
                .isEmpty();
    }

    @Test
    void expiredEntriesAreDroppedWhenNewerStaticReportsArrive() {
        AisStaticIdentities statics = new AisStaticIdentities(1000, Duration.ofHours(24));
        for (int i = 0; i < 10; i++) {
            statics.remember(338_000_000 + i, "CS" + i, T0.plusSeconds(i));
        }
        assertThat(statics.size()).isEqualTo(10);
        statics.remember(338_999_999, "LATE", T0.plus(Duration.ofHours(24)).plusSeconds(5));
        // 0-4 are older than 24 h before the newest report, 5-9 are not yet
        assertThat(statics.size()).isEqualTo(6);
        assertThat(statics.callsign(338_000_004, T0)).isEmpty();
        assertThat(statics.callsign(338_000_005, T0)).isEqualTo("CS5");
    }

    @Test
    void staticReportWithoutReceiveTimeIsNoErrorAndChangesNothing() {
        AisObservationMapper mapper = new AisObservationMapper(RX);
        AisReport timeless =
                new AisReport(
                        partB(338_000_001, "KX4711", T0).message(),
                        Optional.empty(),
                        "",
                        "B",
                        false);
        DecodeResult<Observation> r = mapper.map(timeless);
        assertThat(r.values()).isEmpty();
        assertThat(r.errors()).isEmpty();
        assertThat(map(mapper, type1(338_000_001, T0)).get(0).identity().callsign()).isEmpty();
    }
}
