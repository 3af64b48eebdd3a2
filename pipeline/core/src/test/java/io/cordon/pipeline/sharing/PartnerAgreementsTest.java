package io.cordon.pipeline.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.FieldRules.PositionRule;
import io.cordon.pipeline.config.Language;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.PartnersSection;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The new agreement keys as read from YAML, from the example file and from a live update. */
class PartnerAgreementsTest {
    static final CordonConfig EXAMPLE = CordonConfig.load(Path.of("../../deploy/cordon.yaml"));

    @Test
    void theExampleDeclaresAreasFieldRulesLanguagesAndTrackFeeds() {
        PartnerConfig usa = EXAMPLE.partner("usa").orElseThrow();
        PartnerConfig mex = EXAMPLE.partner("mex").orElseThrow();
        PartnerConfig can = EXAMPLE.partner("can").orElseThrow();

        assertThat(usa.sharing().everywhere()).isTrue();
        assertThat(usa.sharing().fields().releasesEverything()).isTrue();
        assertThat(usa.sharing().tracks().enabled()).isTrue();
        assertThat(usa.outputs().kafka()).isTrue();
        assertThat(usa.outputs().hasEndpoints()).isFalse();
        assertThat(mex.sharing().areas()).hasSize(1);
        assertThat(mex.sharing().language()).isEqualTo(Language.ES);
        assertThat(mex.sharing().fields().hideSensors()).isTrue();
        assertThat(mex.sharing().tracks().minIntervalS()).isEqualTo(5.0);
        assertThat(can.sharing().fields().positions()).isEqualTo(PositionRule.GRID);
        assertThat(can.sharing().fields().gridM()).isEqualTo(1000.0);
        assertThat(can.sharing().language()).isEqualTo(Language.FR);
        assertThat(can.sharing().tracks().enabled()).isFalse();
    }

    @Test
    void aLiveUpdateCarriesThePartnersSectionWithOutputs() {
        List<PartnerConfig> partners =
                PartnersSection.parse(
                        """
                        - id: usa
                          name: US
                          country: USA
                          outputs:
                            cot: {host: 127.0.0.1, port: 8087, alertStaleS: 600}
                            geojson: {url: "http://127.0.0.1:9000/hook", batchSize: 10}
                        - id: bra
                          name: Brazil
                          country: BRA
                          sharing: {language: pt, fromPartners: [usa], alertTypes: [DARK_TARGET]}
                        """);

        assertThat(partners).extracting(PartnerConfig::id).containsExactly("usa", "bra");
        var cot = partners.get(0).outputs().cot();
        assertThat(cot.host()).isEqualTo("127.0.0.1");
        assertThat(cot.port()).isEqualTo(8087);
        assertThat(cot.tls()).isFalse();
        assertThat(cot.alertStaleS()).isEqualTo(600.0);
        assertThat(cot.trackStaleS()).isEqualTo(60.0);
        assertThat(partners.get(0).outputs().geojson().batchSize()).isEqualTo(10);
        assertThat(partners.get(0).outputs().geojson().maxAttempts()).isEqualTo(5);
        assertThat(partners.get(1).sharing().language()).isEqualTo(Language.PT);
    }

    @Test
    void badAgreementsAreRefusedWithTheKeyPath() {
        assertThatThrownBy(
                        () ->
                                PartnersSection.parse(
                                        "- {id: usa, name: US, country: USA, sharing: {language: de}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "partners[0].sharing.language: found \"de\"; allowed: one of en, es, pt, fr");
        assertThatThrownBy(
                        () ->
                                PartnersSection.parse(
                                        "- {id: usa, name: US, country: USA, sharing: {areas: [{name: a,"
                                                + " wkt: 'LINESTRING (0 0, 1 1)'}]}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("partners[0].sharing.areas[0].wkt:");
        assertThatThrownBy(
                        () ->
                                PartnersSection.parse(
                                        "- {id: usa, name: US, country: USA, sharing: {fields:"
                                                + " {positions: GRID, gridM: 1}}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "partners[0].sharing.fields.gridM: found 1.0; allowed: a number in [10.0, 100000.0]");
        assertThatThrownBy(
                        () ->
                                PartnersSection.parse(
                                        "- {id: usa, name: US, country: USA, outputs: {cot: {host: h,"
                                                + " port: 70000}}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "partners[0].outputs.cot.port: found 70000; allowed: a TCP port in [1, 65535]");
        assertThatThrownBy(
                        () ->
                                PartnersSection.parse(
                                        "- {id: usa, name: US, country: USA, sharing: {fromPartners:"
                                                + " [mex]}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("partners[0].sharing.fromPartners: found \"mex\"");
        assertThatThrownBy(
                        () ->
                                PartnersSection.parse(
                                        "- {id: usa, name: US, country: USA, outputs: {geojson: {url:"
                                                + " 'ftp://x/y'}}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("partners[0].outputs.geojson.url:");
    }

    @Test
    void aServerSentEventsOutputIsReadWithItsDefaultsAndCheckedWithTheKeyPath() {
        PartnerConfig p =
                PartnersSection.parse(
                                """
                                - id: bra
                                  name: Brazil
                                  country: BRA
                                  outputs:
                                    kafka: false
                                    sse: {port: 8443, tracks: true, keyStore: /s/server.p12,
                                          keyStorePasswordEnv: K, trustStore: /s/ca.p12}
                                """)
                        .get(0);
        var sse = p.outputs().sse();
        assertThat(sse.bindHost()).isEqualTo("0.0.0.0");
        assertThat(sse.port()).isEqualTo(8443);
        assertThat(sse.tracks()).isTrue();
        assertThat(sse.bufferEvents()).isEqualTo(10_000);
        assertThat(sse.maxClients()).isEqualTo(8);
        assertThat(sse.tls()).isTrue();
        assertThat(sse.tlsSettings().trustStore()).isEqualTo("/s/ca.p12");
        assertThat(p.outputs().hasEndpoints()).isTrue();
        assertThat(p.outputs().endpointsWantTracks()).isTrue();

        assertThatThrownBy(
                        () ->
                                PartnersSection.parse(
                                        "- {id: usa, name: US, country: USA, outputs: {sse: {port:"
                                                + " 8080, bufferEvents: 0}}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "partners[0].outputs.sse.bufferEvents: found 0; allowed: an integer in [1, 1000000]");
        assertThatThrownBy(
                        () ->
                                PartnersSection.parse(
                                        "- {id: usa, name: US, country: USA, outputs: {sse: {port:"
                                                + " 8080, trustStore: /s/ca.p12}}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("partners[0].outputs.sse.trustStore: found \"/s/ca.p12\"");
        assertThatThrownBy(
                        () ->
                                PartnersSection.parse(
                                        "- {id: usa, name: US, country: USA, outputs: {sse: {}}}"))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("partners[0].outputs.sse.port:");
    }
}
