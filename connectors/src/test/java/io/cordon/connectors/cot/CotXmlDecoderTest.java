package io.cordon.connectors.cot;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.connectors.decode.DecodeResult;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

public class CotXmlDecoderTest {
    public static final String DRONE =
            "<?xml version='1.0' encoding='UTF-8'?>"
                    + "<event version='2.0' uid='uav-7' type='a-h-A-M-F-Q' how='m-g'"
                    + " time='2026-03-01T12:00:00.250Z' start='2026-03-01T12:00:00Z'"
                    + " stale='2026-03-01T12:00:30Z'>"
                    + "<point lat='32.5' lon='-117.1' hae='120.5' ce='7.5' le='3.0'/>"
                    + "<detail><contact callsign='RAVEN 1'/><track course='90.0' speed='12.5' slope='-2'/>"
                    + "<remarks>x</remarks></detail></event>";

    private final CotXmlDecoder decoder = new CotXmlDecoder();

    @Test
    void decodesPointTrackCallsignAndType() {
        CotEvent e = decoder.decode(bytes(DRONE)).values().get(0);

        assertThat(e.uid()).isEqualTo("uav-7");
        assertThat(e.type().affiliation()).isEqualTo(Affiliation.HOSTILE);
        assertThat(e.type().dimension()).isEqualTo(BattleDimension.AIR);
        assertThat(e.type().hasFunction("M-F-Q")).isTrue();
        assertThat(e.how()).isEqualTo("m-g");
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-01T12:00:00.250Z"));
        assertThat(e.stale()).isEqualTo(Instant.parse("2026-03-01T12:00:30Z"));
        assertThat(e.point().haeM().getAsDouble()).isEqualTo(120.5);
        assertThat(e.point().ceM().getAsDouble()).isEqualTo(7.5);
        assertThat(e.point().leM().getAsDouble()).isEqualTo(3.0);
        assertThat(e.callsign()).isEqualTo("RAVEN 1");
        assertThat(e.track().orElseThrow())
                .isEqualTo(new CotTrack(90.0, 12.5, OptionalDouble.of(-2)));
    }

    @Test
    void startDefaultsToTimeAndOffsetsAreHonoured() {
        String xml =
                DRONE.replace(" start='2026-03-01T12:00:00Z'", "")
                        .replace(
                                "time='2026-03-01T12:00:00.250Z'",
                                "time='2026-03-01T14:00:00+02:00'");
        CotEvent e = decoder.decode(bytes(xml)).values().get(0);
        assertThat(e.time()).isEqualTo(Instant.parse("2026-03-01T12:00:00Z"));
        assertThat(e.start()).isEqualTo(e.time());
    }

    @Test
    void rejectsExternalEntities() {
        String xxe =
                "<?xml version='1.0'?><!DOCTYPE event [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                        + DRONE.substring(DRONE.indexOf("<event")).replace("uav-7", "&x;");
        DecodeResult<CotEvent> r = decoder.decode(bytes(xxe));
        assertThat(r.values()).isEmpty();
        assertThat(r.errors().get(0).reason()).contains("DOCTYPE");
    }

    @Test
    void rejectsEntityExpansion() {
        String laughs =
                "<?xml version='1.0'?><!DOCTYPE lolz [<!ENTITY lol 'lol'>"
                        + "<!ENTITY lol2 '&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;'>]>"
                        + "<event uid='&lol2;'/>";
        assertThat(decoder.decode(bytes(laughs)).values()).isEmpty();
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "uid='uav-7' | event has no uid",
                "lat='32.5' | point has no lat",
                "lat='32.5' lon='-117.1' | point lat 95.0, lon -117.1 is outside the globe",
                "time='2026-03-01T12:00:00.250Z' | event time 'yesterday' is not an xs:dateTime",
                "speed='12.5' | track speed -1.0 must be finite and >= 0",
                "ce='7.5' | point ce 'NaN' is not a decimal",
                "course='90.0' | track course 400.0 is not in [0, 360]",
            })
    void rejectsBrokenEventsWithReasons(String attribute, String reason) {
        String replacement =
                switch (reason.substring(0, 12)) {
                    case "event has no" -> "";
                    case "point has no" -> "";
                    case "point lat 95" -> "lat='95' lon='-117.1'";
                    case "event time '" -> "time='yesterday'";
                    case "track speed " -> "speed='-1'";
                    case "point ce 'Na" -> "ce='NaN'";
                    default -> "course='400'";
                };
        DecodeResult<CotEvent> r = decoder.decode(bytes(DRONE.replace(attribute, replacement)));
        assertThat(r.values()).isEmpty();
        assertThat(r.errors().get(0).reason()).isEqualTo(reason);
        assertThat(r.errors().get(0).raw()).isNotEmpty();
    }

    @Test
    void rejectsMalformedXmlAndOtherRoots() {
        assertThat(
                        decoder.decode(bytes(DRONE.substring(0, DRONE.length() - 10)))
                                .errors()
                                .get(0)
                                .reason())
                .startsWith("malformed XML");
        assertThat(decoder.decode(bytes("<point lat='1' lon='2'/>")).errors().get(0).reason())
                .isEqualTo("root element is <point>, not <event>");
        assertThat(decoder.decode(new byte[0]).errors().get(0).reason()).isEqualTo("empty input");
    }

    @Test
    void parsesTypesIntoAffiliationAndDimension() {
        assertThat(CotType.parse("a-u-S"))
                .isEqualTo(new CotType("a-u-S", Affiliation.UNKNOWN, BattleDimension.SEA_SURFACE));
        assertThat(CotType.parse("a-n-U-S"))
                .extracting(CotType::dimension)
                .isEqualTo(BattleDimension.SUBSURFACE);
        assertThat(CotType.parse("a-.-P"))
                .extracting(CotType::affiliation)
                .isEqualTo(Affiliation.ANY);
        assertThat(CotType.parse("b-m-r"))
                .isEqualTo(
                        new CotType(
                                "b-m-r",
                                Affiliation.NOT_APPLICABLE,
                                BattleDimension.NOT_APPLICABLE));
        assertThat(CotType.parse("a-z-Q").affiliation()).isEqualTo(Affiliation.NOT_APPLICABLE);
        assertThat(CotType.parse("a-f").dimension()).isEqualTo(BattleDimension.NOT_APPLICABLE);
    }

    public static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
