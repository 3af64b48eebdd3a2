package io.cordon.pipeline.border;

import static io.cordon.pipeline.border.BorderFixtures.BORDER_LAT;
import static io.cordon.pipeline.border.BorderFixtures.MEX_BOX;
import static io.cordon.pipeline.border.BorderFixtures.USA_BOX;
import static io.cordon.pipeline.border.BorderFixtures.US_MX_LINE;
import static io.cordon.pipeline.border.BorderFixtures.collection;
import static io.cordon.pipeline.border.BorderFixtures.country;
import static io.cordon.pipeline.border.BorderFixtures.line;
import static io.cordon.pipeline.border.BorderFixtures.offBorder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.config.BorderConfig;
import io.cordon.pipeline.config.PortOfEntry;
import io.cordon.pipeline.geo.GeoPoint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class BorderMapTest {
    static final PortOfEntry NACO =
            new PortOfEntry("Naco", GeoPoint.of(BORDER_LAT, -109.9483), 500);

    static final BorderMap LINE_AND_COUNTRIES =
            BorderMap.fromGeoJson(
                    collection(
                            line(US_MX_LINE, "USA", "MEX"),
                            country(USA_BOX, "USA"),
                            country(MEX_BOX, "MEX")),
                    List.of(NACO));

    @Test
    void countryAtFindsThePolygonOrNothing() {
        assertThat(LINE_AND_COUNTRIES.countryAt(offBorder(-110.6, 1000))).contains("USA");
        assertThat(LINE_AND_COUNTRIES.countryAt(offBorder(-110.6, -1000))).contains("MEX");
        assertThat(LINE_AND_COUNTRIES.countryAt(GeoPoint.of(31.3, -112.0))).isEmpty();
    }

    @Test
    void aPointOnTheSharedEdgeBelongsToTheCountryDeclaredFirst() {
        assertThat(LINE_AND_COUNTRIES.countryAt(GeoPoint.of(BORDER_LAT, -110.6))).contains("USA");
    }

    @Test
    void aMoveSouthAcrossTheLineCrossesFromUsaToMexico() {
        GeoPoint from = offBorder(-110.6, 300);
        GeoPoint to = offBorder(-110.6, -100);

        BorderCrossing c = LINE_AND_COUNTRIES.crossing(from, to).orElseThrow();

        assertThat(c.fromCountry()).isEqualTo("USA");
        assertThat(c.toCountry()).isEqualTo("MEX");
        assertThat(c.place().latDeg()).isCloseTo(BORDER_LAT, within(1e-9));
        assertThat(c.place().lonDeg()).isCloseTo(-110.6, within(1e-9));
        assertThat(c.fraction()).isCloseTo(0.75, within(1e-4));
        assertThat(c.atPortOfEntry()).isFalse();
        assertThat(c.portName()).isEmpty();
    }

    @Test
    void aMoveNorthCrossesTheOtherWay() {
        BorderCrossing c =
                LINE_AND_COUNTRIES
                        .crossing(offBorder(-110.6, -100), offBorder(-110.6, 100))
                        .orElseThrow();

        assertThat(c.fromCountry()).isEqualTo("MEX");
        assertThat(c.toCountry()).isEqualTo("USA");
        assertThat(c.fraction()).isCloseTo(0.5, within(1e-4));
    }

    @Test
    void nearMissesAndMovesAlongTheLineDoNotCross() {
        assertThat(LINE_AND_COUNTRIES.crossing(offBorder(-110.6, 300), offBorder(-110.6, 1)))
                .isEmpty();
        assertThat(
                        LINE_AND_COUNTRIES.crossing(
                                GeoPoint.of(BORDER_LAT, -110.6), GeoPoint.of(BORDER_LAT, -110.5)))
                .isEmpty();
        assertThat(LINE_AND_COUNTRIES.crossing(offBorder(-110.6, 10), offBorder(-110.6, 10)))
                .isEmpty();
    }

    @Test
    void leavingTheCoveredAreaIsNotACrossing() {
        GeoPoint insideUsa = GeoPoint.of(31.5, -111.0);
        GeoPoint westOfTheBox = GeoPoint.of(31.5, -111.2);

        assertThat(LINE_AND_COUNTRIES.crossing(insideUsa, westOfTheBox)).isEmpty();
    }

    @Test
    void aCrossingWithinThePortRadiusIsAtThePort() {
        BorderCrossing atPort =
                LINE_AND_COUNTRIES
                        .crossing(offBorder(-109.9483, -200), offBorder(-109.9483, 200))
                        .orElseThrow();
        assertThat(atPort.atPortOfEntry()).isTrue();
        assertThat(atPort.portName()).isEqualTo("Naco");

        // about 950 m east of the port's centre: outside its 500 m radius
        BorderCrossing beside =
                LINE_AND_COUNTRIES
                        .crossing(offBorder(-109.9383, -200), offBorder(-109.9383, 200))
                        .orElseThrow();
        assertThat(beside.atPortOfEntry()).isFalse();
    }

    @Test
    void distanceToBorderIsMetresToTheNearestLine() {
        assertThat(LINE_AND_COUNTRIES.distanceToBorderM(offBorder(-110.6, 100), 1000))
                .isCloseTo(100, within(0.1));
        assertThat(LINE_AND_COUNTRIES.distanceToBorderM(offBorder(-110.6, -2500), 5000))
                .isCloseTo(2500, within(2.5));
        assertThat(LINE_AND_COUNTRIES.distanceToBorderM(offBorder(-110.6, 2000), 1000))
                .isInfinite();
    }

    @Test
    void withLinesOnlyTheSidesComeFromLeftAndRight() {
        BorderMap lineOnly =
                BorderMap.fromGeoJson(collection(line(US_MX_LINE, "USA", "MEX")), List.of());

        BorderCrossing south =
                lineOnly.crossing(offBorder(-110.6, 50), offBorder(-110.6, -50)).orElseThrow();
        assertThat(south.fromCountry()).isEqualTo("USA");
        assertThat(south.toCountry()).isEqualTo("MEX");
        assertThat(lineOnly.countryAt(offBorder(-110.6, 50))).isEmpty();
    }

    @Test
    void withLinesOnlyMissingSidesAreUnknown() {
        BorderMap unnamed =
                BorderMap.fromGeoJson(
                        collection(BorderFixtures.feature(US_MX_LINE, "{}")), List.of());

        BorderCrossing c =
                unnamed.crossing(offBorder(-110.6, 50), offBorder(-110.6, -50)).orElseThrow();
        assertThat(c.fromCountry()).isEqualTo(BorderMap.UNKNOWN);
        assertThat(c.toCountry()).isEqualTo(BorderMap.UNKNOWN);
    }

    @Test
    void aMoveThatCrossesABentLineTwiceDoesNotCross() {
        BorderMap bent =
                BorderMap.fromGeoJson(
                        collection(
                                line(
                                        "LINESTRING (-110.7 31.3, -110.6 31.4, -110.5 31.3)",
                                        "USA",
                                        "MEX")),
                        List.of());

        assertThat(bent.crossing(GeoPoint.of(31.39, -110.65), GeoPoint.of(31.39, -110.55)))
                .isEmpty();
        assertThat(bent.crossing(GeoPoint.of(31.39, -110.65), GeoPoint.of(31.30, -110.65)))
                .isPresent();
    }

    @Test
    void aPointExactlyOnALineCountsAsItsRightSide() {
        BorderMap lineOnly =
                BorderMap.fromGeoJson(collection(line(US_MX_LINE, "USA", "MEX")), List.of());
        GeoPoint onLine = GeoPoint.of(BORDER_LAT, -110.6);

        assertThat(lineOnly.crossing(offBorder(-110.6, 50), onLine).orElseThrow().toCountry())
                .isEqualTo("MEX");
        assertThat(lineOnly.crossing(onLine, offBorder(-110.6, 50)).orElseThrow().toCountry())
                .isEqualTo("USA");
        assertThat(lineOnly.crossing(onLine, offBorder(-110.6, -50))).isEmpty();
    }

    @Test
    void withPolygonsOnlyACountryChangeIsACrossingButACoastIsNot() {
        BorderMap polygons =
                BorderMap.fromGeoJson(
                        collection(country(USA_BOX, "USA"), country(MEX_BOX, "MEX")), List.of());

        BorderCrossing c =
                polygons.crossing(offBorder(-110.6, 100), offBorder(-110.6, -300)).orElseThrow();
        assertThat(c.fromCountry()).isEqualTo("USA");
        assertThat(c.toCountry()).isEqualTo("MEX");
        assertThat(c.place().latDeg()).isCloseTo(BORDER_LAT, within(1e-9));
        assertThat(c.fraction()).isCloseTo(0.25, within(1e-4));
        assertThat(polygons.crossing(GeoPoint.of(32.3, -110.6), GeoPoint.of(32.4, -110.6)))
                .isEmpty();
        assertThat(polygons.distanceToBorderM(offBorder(-110.6, 100), 1000))
                .isCloseTo(100, within(0.1));
    }

    @Test
    void theDemoFileLoadsThroughItsConfig() {
        BorderMap demo =
                BorderMap.load(
                        new BorderConfig(
                                Path.of("../../deploy/borders/us-mexico-sonora.geojson"),
                                List.of(NACO)));

        assertThat(demo.countryAt(offBorder(-110.6, 1000))).contains("USA");
        assertThat(
                        demo.crossing(offBorder(-110.0, -100), offBorder(-110.0, 100))
                                .orElseThrow()
                                .toCountry())
                .isEqualTo("USA");
        assertThat(
                        BorderMap.load(BorderConfig.NONE)
                                .crossing(offBorder(-110.6, -100), offBorder(-110.6, 100)))
                .isEmpty();
    }

    @Test
    void aCountryWithoutCodeIsRejectedNamingTheFeature() {
        String noCode = BorderFixtures.feature(USA_BOX, "{\"iso_a3\":\"-99\"}");

        assertThatThrownBy(() -> BorderMap.fromGeoJson(collection(noCode), List.of()))
                .isInstanceOf(BorderDataException.class)
                .hasMessageContaining("features[0]")
                .hasMessageContaining("iso_a3");
    }

    @Test
    void naturalEarthStyleAdm0CodeIsUsedWhenIsoIsMissing() {
        String france = BorderFixtures.feature(USA_BOX, "{\"iso_a3\":\"-99\",\"ADM0_A3\":\"FRA\"}");

        assertThat(
                        BorderMap.fromGeoJson(collection(france), List.of())
                                .countryAt(offBorder(-110.6, 1000)))
                .contains("FRA");
    }
}
