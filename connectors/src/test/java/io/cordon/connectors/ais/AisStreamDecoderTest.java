package io.cordon.connectors.ais;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.ais.message.ClassAPositionReport;
import io.cordon.connectors.ais.message.LongRangePositionReport;
import io.cordon.connectors.ais.message.StaticAndVoyageData;
import io.cordon.connectors.ais.nmea.NmeaChecksum;
import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class AisStreamDecoderTest {
    /** Type 1 from MMSI 371798000 (gpsd sample.aivdm, first sentence). */
    static final String TYPE1 = "!AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0*4A";

    static final String TYPE5_PART1 =
            "!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C";
    static final String TYPE5_PART2 = "!AIVDM,2,2,1,A,88888888880,2*25";
    static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

    private final AisStreamDecoder decoder = new AisStreamDecoder(Duration.ofSeconds(10));

    @Test
    void decodesClassAPositionWithSiUnits() {
        ClassAPositionReport r = single(TYPE1, ClassAPositionReport.class);

        assertThat(r.mmsi()).isEqualTo(371798000);
        assertThat(r.position().orElseThrow().latDeg()).isCloseTo(48.38163333, within(1e-7));
        assertThat(r.position().orElseThrow().lonDeg()).isCloseTo(-123.39538333, within(1e-7));
        assertThat(r.speedOverGroundKnots().getAsDouble()).isEqualTo(12.3);
        assertThat(r.speedOverGroundMps().getAsDouble())
                .isCloseTo(12.3 * 1852 / 3600, within(1e-12));
        assertThat(r.courseOverGroundDeg().getAsDouble()).isEqualTo(224.0);
        assertThat(r.trueHeadingDeg().getAsInt()).isEqualTo(215);
        assertThat(r.utcSecond().getAsInt()).isEqualTo(33);
        assertThat(r.rateOfTurnDegPerMin()).isEmpty(); // -127: fast left, no turn indicator
    }

    @Test
    void mapsNotAvailableValuesToAbsent() {
        // type 1 MMSI 440348000: SOG 0, heading 511 (n/a), ROT -128 (n/a)
        ClassAPositionReport r =
                single(
                        "!AIVDM,1,1,,A,16SteH0P00Jt63hHaa6SagvJ087r,0*42",
                        ClassAPositionReport.class);
        assertThat(r.trueHeadingDeg()).isEmpty();
        assertThat(r.rateOfTurnIndicator()).isEqualTo(-128);
        assertThat(r.rateOfTurnDegPerMin()).isEmpty();
        assertThat(r.speedOverGroundKnots().getAsDouble()).isZero();
    }

    @Test
    void readsTagBlockReceiveTimeAndSource() {
        String line = tagged("c:1772366400,s:sat-7") + TYPE1;
        AisReport report = decoder.decode(bytes(line)).values().get(0);

        assertThat(report.receivedAt()).contains(Instant.ofEpochSecond(1772366400L));
        assertThat(report.source()).isEqualTo("sat-7");
        assertThat(report.channel()).isEqualTo("A");
    }

    @Test
    void readsMillisecondTagBlockTimes() {
        String line = tagged("c:1772366400123") + TYPE1;
        assertThat(decoder.decode(bytes(line)).values().get(0).receivedAt())
                .contains(Instant.ofEpochMilli(1772366400123L));
    }

    @Test
    void callerTimeIsUsedWithoutTagBlock() {
        AisReport report = decoder.decode(bytes(TYPE1), T0).values().get(0);
        assertThat(report.receivedAt()).contains(T0);
        assertThat(decoder.decode(bytes(TYPE1)).values().get(0).receivedAt()).isEmpty();
    }

    @Test
    void rejectsBadSentenceChecksumWithReasonAndBytes() {
        String bad = TYPE1.replace("*4A", "*4B");
        DecodeResult<AisReport> r = decoder.decode(bytes(bad));

        assertThat(r.values()).isEmpty();
        DecodeError e = r.errors().get(0);
        assertThat(e.reason()).isEqualTo("sentence checksum mismatch: stated 4B, computed 4A");
        assertThat(new String(e.raw(), StandardCharsets.US_ASCII)).isEqualTo(bad);
        assertThat(e.offset()).isZero();
    }

    @Test
    void rejectsBadTagBlockChecksum() {
        String line = "\\c:1772366400*00\\" + TYPE1;
        assertThat(decoder.decode(bytes(line)).errors().get(0).reason())
                .startsWith("TAG block checksum mismatch");
    }

    @Test
    void rejectsInvalidFieldsWithReasons() {
        assertThat(reason(withChecksum("AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g208CQ,7")))
                .isEqualTo("fill bits are not 0-5");
        assertThat(reason(withChecksum("AIVDM,1,1,,C,15RTgt0PAso;90TKcjM8h6g208CQ,0")))
                .isEqualTo("radio channel is not A, B, 1 or 2");
        assertThat(reason(withChecksum("AIVDM,1,1,,A,15RTgt0PA{o;90TKcjM8h6g208CQ,0")))
                .isEqualTo("payload character '{' is not six-bit");
        assertThat(reason(withChecksum("AIVDM,1,1,,A,15RTgt0PAso;90TKcjM8h6g2,0")))
                .isEqualTo("type 1 message has 144 bits, needs at least 149");
        assertThat(reason(withChecksum("AIVDM,3,4,,A,15RTgt0PAso;90TKcjM8h6g208CQ,0")))
                .isEqualTo("fragment number is not 1-3");
        assertThat(reason(withChecksum("AIVDM,1,1,,A,15RTgt0PAso")))
                .isEqualTo("VDM/VDO sentence needs 6 fields, has 5");
        assertThat(reason("garbage")).isEqualTo("sentence does not start with '!' or '$'");
    }

    @Test
    void skipsCommentsBlankLinesAndOtherSentences() {
        String input = "# comment\n\n$GPGGA,1,2*" + hex("GPGGA,1,2") + "\n" + TYPE1 + "\n";
        DecodeResult<AisReport> r = decoder.decode(bytes(input));
        assertThat(r.values()).hasSize(1);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void reportsByteOffsetOfTheBadLine() {
        String bad = TYPE1.replace("*4A", "*00");
        DecodeResult<AisReport> r = decoder.decode(bytes(TYPE1 + "\r\n" + bad + "\r\n" + TYPE1));
        assertThat(r.values()).hasSize(2);
        assertThat(r.errors())
                .extracting(DecodeError::offset)
                .containsExactly((long) TYPE1.length() + 2);
    }

    @Test
    void reassemblesMultipartAcrossInputs() {
        assertThat(decoder.decode(bytes(TYPE5_PART1), T0).values()).isEmpty();
        DecodeResult<AisReport> r = decoder.decode(bytes(TYPE5_PART2), T0.plusSeconds(1));

        StaticAndVoyageData m = (StaticAndVoyageData) r.values().get(0).message();
        assertThat(m.mmsi()).isEqualTo(351759000);
        assertThat(m.shipName()).isEqualTo("EVER DIADEM");
        assertThat(m.destination()).isEqualTo("NEW YORK");
        assertThat(m.draughtM().getAsDouble()).isEqualTo(12.2);
        assertThat(m.dimensions().orElseThrow().lengthM()).isEqualTo(295);
        assertThat(r.errors()).isEmpty();
    }

    @Test
    void multipartTimesOutOnCallerTime() {
        decoder.decode(bytes(TYPE5_PART1), T0);
        DecodeResult<AisReport> late = decoder.decode(bytes(TYPE5_PART2), T0.plusSeconds(11));

        assertThat(late.values()).isEmpty();
        assertThat(late.errors())
                .extracting(DecodeError::reason)
                .containsExactly(
                        "multipart message timed out after PT10S with 1 of 2 fragments",
                        "fragment 2 of 2 without its preceding fragments");
    }

    @Test
    void expireReportsOnlyMessagesOlderThanTheTimeout() {
        decoder.decode(bytes(TYPE5_PART1), T0);
        assertThat(decoder.expire(T0.plusSeconds(10))).isEmpty();
        List<DecodeError> expired = decoder.expire(T0.plusSeconds(10).plusMillis(1));
        assertThat(expired).hasSize(1);
        assertThat(new String(expired.get(0).raw(), StandardCharsets.US_ASCII))
                .isEqualTo(TYPE5_PART1);
    }

    @Test
    void newFirstFragmentSupersedesAnIncompleteMessage() {
        decoder.decode(bytes(TYPE5_PART1));
        DecodeResult<AisReport> r = decoder.decode(bytes(TYPE5_PART1 + "\n" + TYPE5_PART2));

        assertThat(r.values()).hasSize(1);
        assertThat(r.errors())
                .extracting(DecodeError::reason)
                .containsExactly(
                        "multipart message superseded by a new fragment 1 after 1 of 2 fragments");
    }

    @Test
    void keepsFragmentsOfDifferentChannelsApart() {
        String otherChannelPart1 =
                withChecksum(
                        TYPE5_PART1
                                .substring(1, TYPE5_PART1.indexOf('*'))
                                .replace(",1,A,", ",1,B,"));
        DecodeResult<AisReport> r =
                decoder.decode(bytes(TYPE5_PART1 + "\n" + otherChannelPart1 + "\n" + TYPE5_PART2));
        assertThat(r.values()).hasSize(1);
        assertThat(r.values().get(0).channel()).isEqualTo("A");
        assertThat(decoder.flush())
                .extracting(DecodeError::reason)
                .containsExactly("multipart message incomplete at end of input: 1 of 2 fragments");
    }

    @Test
    void decodesLongRangeSatelliteReport() {
        LongRangePositionReport r =
                single("!AIVDM,1,1,,A,K3KLehP0rPTJ10Qr,0*2A", LongRangePositionReport.class);
        assertThat(r.mmsi()).isEqualTo(230108610);
        assertThat(r.position().orElseThrow().latDeg()).isCloseTo(36098 / 600.0, within(1e-9));
        assertThat(r.position().orElseThrow().lonDeg()).isCloseTo(14978 / 600.0, within(1e-9));
        assertThat(r.speedOverGroundKnots().getAsDouble()).isEqualTo(1.0);
        assertThat(r.courseOverGroundDeg().getAsDouble()).isEqualTo(30.0);
    }

    private <T> T single(String line, Class<T> type) {
        DecodeResult<AisReport> r = decoder.decode(bytes(line));
        assertThat(r.errors()).isEmpty();
        assertThat(r.values()).hasSize(1);
        return type.cast(r.values().get(0).message());
    }

    private String reason(String line) {
        DecodeResult<AisReport> r = decoder.decode(bytes(line));
        assertThat(r.values()).isEmpty();
        assertThat(r.errors()).hasSize(1);
        return r.errors().get(0).reason();
    }

    static String tagged(String params) {
        return "\\" + params + "*" + hex(params) + "\\";
    }

    static String withChecksum(String body) {
        return "!" + body + "*" + hex(body);
    }

    static String hex(String body) {
        byte[] b = bytes(body);
        return String.format("%02X", NmeaChecksum.compute(b, 0, b.length));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
