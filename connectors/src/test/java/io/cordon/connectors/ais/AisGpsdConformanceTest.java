package io.cordon.connectors.ais;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cordon.connectors.ais.message.AisMessage;
import io.cordon.connectors.ais.message.StaticDataReportPartA;
import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.vectors.PeerVectors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Conformance with the gpsd regression corpus in {@code shared/peerdata/ais-gpsd}: every message
 * gpsd reports must be decoded, in order, to the same values (bit-exact against unscaled JSON,
 * within resolution against scaled JSON).
 *
 * <p>gpsd reports type 24 part A only together with its part B, so part A records are matched into
 * the following part B's comparison. Inputs gpsd drops silently are listed per file with the reason
 * we decode or reject them.
 */
class AisGpsdConformanceTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Per file: gpsd's report count; our extra type 24 part B records (gpsd emits a part B only
     * when it pairs with a part A it holds, sample.aivdm's comments say which it discards); and the
     * inputs we reject with the reason we give (sample.aivdm: a fragment line missing its '!', gpsd
     * also yields nothing; ais-18-27.log: 69 type 24 sentences with the undefined part number 3 and
     * 174 bits, which gpsd drops silently).
     */
    @ParameterizedTest(name = "{0} vs {1}")
    @CsvSource({
        "ais-gpsd/sample.aivdm, ais-gpsd/sample.aivdm.js.chk, 97, 2, 1, sentence does not start with '!' or .*",
        "ais-gpsd/sample.aivdm, ais-gpsd/sample.aivdm.ju.chk, 97, 2, 1, sentence does not start with '!' or .*",
        "ais-gpsd/daemon/ais-18-27.log, ais-gpsd/daemon/ais-18-27.log.chk, 138, 0, 69, type 24 part number 3 is not defined.*",
        "ais-gpsd/daemon/ais-raw-messages.log, ais-gpsd/daemon/ais-raw-messages.log.chk, 108, 0, 0, -",
        "ais-gpsd/daemon/ais_unpack_sixbit.log, ais-gpsd/daemon/ais_unpack_sixbit.log.chk, 12, 0, 0, -",
    })
    void decodesEveryMessageGpsdReports(
            String input,
            String expected,
            int expectedCount,
            int extraPartB,
            int expectedErrors,
            String errorPattern) {
        List<JsonNode> gpsd = gpsdReports(expected);
        assertThat(gpsd).hasSize(expectedCount);
        Decoded decoded = decodeLines(input);

        Conformance result = align(decoded.reports, gpsd);

        assertThat(result.mismatches).as("field mismatches").isEmpty();
        assertThat(result.matched).as("gpsd reports matched").isEqualTo(expectedCount);
        assertThat(result.extra)
                .hasSize(extraPartB)
                .allMatch(e -> e.startsWith("StaticDataReportPartB["));
        assertThat(decoded.errors).hasSize(expectedErrors);
        assertThat(decoded.errors).allSatisfy(e -> assertThat(e.reason()).matches(errorPattern));
        assertThat(decoded.errors).allSatisfy(e -> assertThat(e.raw()).isNotEmpty());
        System.out.printf(
                "%s vs %s: %d/%d gpsd reports matched; %d extra part B, %d rejected with reason%n",
                input,
                expected,
                result.matched,
                expectedCount,
                result.extra.size(),
                decoded.errors.size());
    }

    record Decoded(List<AisReport> reports, List<DecodeError> errors) {}

    record Conformance(int matched, List<String> mismatches, List<String> extra) {}

    static Decoded decodeLines(String input) {
        AisStreamDecoder decoder = new AisStreamDecoder();
        List<AisReport> reports = new ArrayList<>();
        List<DecodeError> errors = new ArrayList<>();
        for (String line : PeerVectors.lines(input)) {
            DecodeResult<AisReport> r = decoder.decode(line.getBytes(StandardCharsets.ISO_8859_1));
            reports.addAll(r.values());
            errors.addAll(r.errors());
        }
        errors.addAll(decoder.flush());
        return new Decoded(reports, errors);
    }

    static Conformance align(List<AisReport> reports, List<JsonNode> gpsd) {
        List<String> mismatches = new ArrayList<>();
        List<String> extra = new ArrayList<>();
        Map<Integer, String> partANames = new HashMap<>();
        int matched = 0;
        int i = 0;
        for (JsonNode expected : gpsd) {
            int type = expected.path("type").asInt();
            int mmsi = expected.path("mmsi").asInt();
            while (i < reports.size() && !sameEnvelope(reports.get(i).message(), type, mmsi)) {
                AisMessage skipped = reports.get(i).message();
                if (skipped instanceof StaticDataReportPartA a) {
                    partANames.put(a.mmsi(), a.shipName());
                } else {
                    extra.add(skipped.toString());
                }
                i++;
            }
            if (i == reports.size()) {
                mismatches.add("not decoded: " + expected);
                continue;
            }
            AisMessage ours = reports.get(i++).message();
            List<String> diff = GpsdAisComparison.compare(ours, expected, partANames.get(mmsi));
            if (diff.isEmpty()) {
                matched++;
            } else {
                mismatches.add(diff + " in " + expected);
            }
        }
        for (; i < reports.size(); i++) {
            if (!(reports.get(i).message() instanceof StaticDataReportPartA)) {
                extra.add(reports.get(i).message().toString());
            }
        }
        return new Conformance(matched, mismatches, extra);
    }

    private static boolean sameEnvelope(AisMessage m, int type, int mmsi) {
        return m.messageType() == type && m.mmsi() == mmsi && !(m instanceof StaticDataReportPartA);
    }

    static List<JsonNode> gpsdReports(String chk) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : PeerVectors.lines(chk)) {
            if (line.startsWith("{\"class\":\"AIS\"")) {
                try {
                    out.add(JSON.readTree(line));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }
}
