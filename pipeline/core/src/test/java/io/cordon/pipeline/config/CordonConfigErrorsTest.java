package io.cordon.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Every kind of error names the key path, the value found and what is allowed. */
class CordonConfigErrorsTest {
    private static final String REFERENCE = "reference: {latDeg: 31.3333, lonDeg: -110.6}\n";
    private static final String PARTNERS =
            """
            partners:
              - id: usa
                name: US
                country: USA
              - id: mex
                name: MX
                country: MEX
                sharing:
                  minSeverity: %s
            """;

    private static ConfigException failure(String yaml) {
        Throwable t =
                org.assertj.core.api.Assertions.catchThrowable(
                        () -> CordonConfig.parse(yaml, Path.of(".")));
        assertThat(t).isInstanceOf(ConfigException.class);
        return (ConfigException) t;
    }

    @Test
    void badEnumValueNamesPathValueAndTheAllowedValues() {
        ConfigException e = failure(REFERENCE + PARTNERS.formatted("SEVERE"));

        assertThat(e.keyPath()).isEqualTo("partners[1].sharing.minSeverity");
        assertThat(e.getMessage())
                .contains("partners[1].sharing.minSeverity")
                .contains("\"SEVERE\"")
                .contains("one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
    }

    @Test
    void unknownKeyIsAnError() {
        ConfigException e = failure(REFERENCE + "kafka: {bootstrapServer: x:9092}\n");

        assertThat(e.keyPath()).isEqualTo("kafka.bootstrapServer");
        assertThat(e.getMessage())
                .contains("unknown key bootstrapServer")
                .contains("bootstrapServers");
    }

    @Test
    void unknownTopLevelKeyIsAnError() {
        ConfigException e = failure(REFERENCE + "partner: []\n");

        assertThat(e.keyPath()).isEqualTo("partner");
        assertThat(e.allowed()).contains("partners");
    }

    @Test
    void missingRequiredKeyIsNamed() {
        ConfigException e = failure("kafka: {bootstrapServers: x:9092}\n");

        assertThat(e.keyPath()).isEqualTo("reference");
        assertThat(e.getMessage()).contains("missing").contains("latDeg");
    }

    @Test
    void outOfRangeNumberNamesTheRange() {
        ConfigException e = failure("reference: {latDeg: 95, lonDeg: -110.6}\n");

        assertThat(e.keyPath()).isEqualTo("reference.latDeg");
        assertThat(e.getMessage()).contains("95").contains("[-90, 90]");
    }

    @Test
    void wrongTypeIsNamed() {
        ConfigException e =
                failure(
                        REFERENCE
                                + PARTNERS.formatted("LOW")
                                + """
                                sensors:
                                  - {id: r1, partnerId: usa, kind: GROUND_RADAR, position: {latDeg: 31.4, lonDeg: -110.8}, rangeM: far}
                                """);

        assertThat(e.keyPath()).isEqualTo("sensors[0].rangeM");
        assertThat(e.getMessage()).contains("\"far\"").contains("a finite number");
    }

    @Test
    void recordValidationIsReportedUnderItsPath() {
        ConfigException e =
                failure(
                        REFERENCE
                                + PARTNERS.formatted("LOW")
                                + """
                                sensors:
                                  - {id: r1, partnerId: usa, kind: DRONE, position: {latDeg: 31.4, lonDeg: -110.8}, detectionProbability: 1.5}
                                """);

        assertThat(e.keyPath()).isEqualTo("sensors[0].detectionProbability");
        assertThat(e.getMessage()).contains("1.5").contains("(0, 1]");
    }

    @Test
    void aHeightErrorIsForThreeDRadarsOnly() {
        ConfigException drone =
                failure(
                        REFERENCE
                                + PARTNERS.formatted("LOW")
                                + """
                                sensors:
                                  - {id: d1, partnerId: usa, kind: DRONE, position: {latDeg: 31.4, lonDeg: -110.8}, sigmaHeightM: 20}
                                """);
        assertThat(drone.keyPath()).isEqualTo("sensors[0].sigmaHeightM");
        assertThat(drone.getMessage()).contains("20").contains("0 or absent for a DRONE");

        ConfigException negative =
                failure(
                        REFERENCE
                                + PARTNERS.formatted("LOW")
                                + """
                                sensors:
                                  - {id: r1, partnerId: usa, kind: GROUND_RADAR, position: {latDeg: 31.4, lonDeg: -110.8}, sigmaHeightM: -5}
                                """);
        assertThat(negative.keyPath()).isEqualTo("sensors[0].sigmaHeightM");
        assertThat(negative.getMessage()).contains("-5");

        CordonConfig ok =
                CordonConfig.parse(
                        REFERENCE
                                + PARTNERS.formatted("LOW")
                                + """
                                sensors:
                                  - {id: r1, partnerId: usa, kind: GROUND_RADAR, position: {latDeg: 31.4, lonDeg: -110.8}, sigmaHeightM: 150}
                                  - {id: r2, partnerId: usa, kind: GROUND_RADAR, position: {latDeg: 31.4, lonDeg: -110.9}}
                                """,
                        Path.of("."));
        assertThat(ok.sensors().get(0).sigmaHeightM()).isEqualTo(150.0);
        assertThat(ok.sensors().get(0).measuresHeight()).isTrue();
        assertThat(ok.sensors().get(1).measuresHeight()).isFalse();
    }

    @Test
    void undeclaredPartnerReferencesAreNamed() {
        ConfigException sensor =
                failure(
                        REFERENCE
                                + PARTNERS.formatted("LOW")
                                + """
                                sensors:
                                  - {id: d1, partnerId: mex, kind: DRONE, position: {latDeg: 31.3, lonDeg: -110.7}, releasableTo: [mex, gtm]}
                                """);
        assertThat(sensor.keyPath()).isEqualTo("sensors[0].releasableTo[1]");
        assertThat(sensor.getMessage()).contains("\"gtm\"").contains("[mex, usa]");

        ConfigException owner =
                failure(
                        REFERENCE
                                + PARTNERS.formatted("LOW")
                                + """
                                sensors:
                                  - {id: d1, partnerId: can, kind: DRONE, position: {latDeg: 31.3, lonDeg: -110.7}}
                                """);
        assertThat(owner.keyPath()).isEqualTo("sensors[0].partnerId");
        assertThat(owner.getMessage()).contains("\"can\"").contains("declared partner id");
    }

    @Test
    void duplicatePartnerIdIsNamed() {
        ConfigException e =
                failure(
                        REFERENCE
                                + """
                                partners:
                                  - {id: usa, name: A, country: USA}
                                  - {id: usa, name: B, country: USA}
                                """);

        assertThat(e.keyPath()).isEqualTo("partners[1].id");
        assertThat(e.getMessage()).contains("\"usa\"").contains("not used by another partner");
    }

    @Test
    void badPartnerIdAndCountryAreNamed() {
        ConfigException id = failure(REFERENCE + "partners: [{id: USA, name: A, country: USA}]\n");
        assertThat(id.keyPath()).isEqualTo("partners[0].id");
        assertThat(id.allowed()).contains("[a-z][a-z0-9-]{1,30}");

        ConfigException country =
                failure(REFERENCE + "partners: [{id: usa, name: A, country: US}]\n");
        assertThat(country.keyPath()).isEqualTo("partners[0].country");
        assertThat(country.allowed()).contains("alpha-3");
    }

    @Test
    void unknownAlertTypeNamesTheList() {
        ConfigException e =
                failure(
                        REFERENCE
                                + "partners: [{id: usa, name: A, country: USA, sharing: {alertTypes: [CROSSING]}}]\n");

        assertThat(e.keyPath()).isEqualTo("partners[0].sharing.alertTypes[0]");
        assertThat(e.allowed()).contains("BORDER_CROSSING");
    }

    @Test
    void missingBorderFileIsNamedWithWhereItWasLookedFor() {
        ConfigException e = failure(REFERENCE + "borders: {file: nowhere.geojson}\n");

        assertThat(e.keyPath()).isEqualTo("borders.file");
        assertThat(e.getMessage()).contains("nowhere.geojson").contains("readable GeoJSON");
    }

    @Test
    void invalidZoneGeometryIsNamed() {
        ConfigException e = failure(REFERENCE + "zones: [{id: z1, name: Z, wkt: 'POINT (1 2)'}]\n");

        assertThat(e.keyPath()).isEqualTo("zones[0].wkt");
        assertThat(e.allowed()).contains("POLYGON");
    }

    @Test
    void unknownDetectorIsNamed() {
        ConfigException e = failure(REFERENCE + "detectors: {borderCrosing: {}}\n");

        assertThat(e.keyPath()).isEqualTo("detectors.borderCrosing");
        assertThat(e.allowed()).contains("borderCrossing");
    }

    @Test
    void simulationLimitsAreNamed() {
        ConfigException e = failure(REFERENCE + "simulation: {speedup: 0}\n");

        assertThat(e.keyPath()).isEqualTo("simulation.speedup");
        assertThat(e.allowed()).isEqualTo("a number in (0, 1000]");
    }

    @Test
    void simulatedFlightCountsAreBounded() {
        ConfigException low = failure(REFERENCE + "simulation: {lowFlyers: -1}\n");
        assertThat(low.keyPath()).isEqualTo("simulation.lowFlyers");
        assertThat(low.found()).isEqualTo("-1");
        assertThat(low.allowed()).isEqualTo("an integer in [0, 100]");

        ConfigException pairs = failure(REFERENCE + "simulation: {airMeetings: 101}\n");
        assertThat(pairs.keyPath()).isEqualTo("simulation.airMeetings");
        assertThat(pairs.allowed()).isEqualTo("an integer in [0, 100]");
    }

    @Test
    void invalidYamlIsReported() {
        ConfigException e = failure("reference: {latDeg: 31\n");

        assertThat(e.keyPath()).isEqualTo("(document)");
        assertThat(e.allowed()).isEqualTo("valid YAML");
    }

    @Test
    void duplicateKeysAreErrors() {
        assertThatThrownBy(() -> CordonConfig.parse(REFERENCE + REFERENCE, Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("valid YAML");
    }

    @Test
    void recordsValidateWhenBuiltInCodeToo() {
        assertThatThrownBy(
                        () ->
                                new PortOfEntry(
                                        "Naco", io.cordon.pipeline.geo.GeoPoint.of(31.3, -110), -1))
                .isInstanceOf(ConfigException.class)
                .hasMessage("radiusM: found -1.0; allowed: a finite number > 0");
    }
}
