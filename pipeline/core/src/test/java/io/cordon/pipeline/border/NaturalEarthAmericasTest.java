package io.cordon.pipeline.border;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.config.BorderConfig;
import io.cordon.pipeline.geo.GeoPoint;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The derived Natural Earth file for the Americas loads and knows the neighbours. */
class NaturalEarthAmericasTest {
    static BorderMap americas;

    @BeforeAll
    static void load() {
        americas =
                BorderMap.load(
                        new BorderConfig(
                                Path.of("../../deploy/borders/americas-natural-earth-10m.geojson"),
                                List.of()));
    }

    @Test
    void countriesAreFoundAcrossTheContinent() {
        assertThat(americas.countryAt(GeoPoint.of(45.4, -75.7))).contains("CAN");
        assertThat(americas.countryAt(GeoPoint.of(31.40, -110.6))).contains("USA");
        assertThat(americas.countryAt(GeoPoint.of(31.25, -110.6))).contains("MEX");
        assertThat(americas.countryAt(GeoPoint.of(4.7, -74.07))).contains("COL");
        assertThat(americas.countryAt(GeoPoint.of(-34.6, -58.4))).contains("ARG");
        assertThat(americas.countryAt(GeoPoint.of(4.93, -52.3))).contains("FRA"); // French Guiana
        assertThat(americas.countryAt(GeoPoint.of(48.85, 2.35))).isEmpty(); // Paris is not kept
    }

    @Test
    void landBordersCrossWithLeftAndRightMatchingThePolygons() {
        BorderCrossing south =
                americas.crossing(GeoPoint.of(31.40, -110.6), GeoPoint.of(31.25, -110.6))
                        .orElseThrow();
        assertThat(south.fromCountry()).isEqualTo("USA");
        assertThat(south.toCountry()).isEqualTo("MEX");

        BorderCrossing north =
                americas.crossing(GeoPoint.of(48.9, -100), GeoPoint.of(49.1, -100)).orElseThrow();
        assertThat(north.fromCountry()).isEqualTo("USA");
        assertThat(north.toCountry()).isEqualTo("CAN");
        assertThat(north.place().latDeg()).isBetween(48.98, 49.01);

        BorderCrossing hispaniola =
                americas.crossing(GeoPoint.of(19.0, -72.0), GeoPoint.of(19.0, -70.5)).orElseThrow();
        assertThat(hispaniola.fromCountry()).isEqualTo("HTI");
        assertThat(hispaniola.toCountry()).isEqualTo("DOM");
    }

    @Test
    void movesWithinOneCountryDoNotCross() {
        assertThat(americas.crossing(GeoPoint.of(39.0, -100.0), GeoPoint.of(40.0, -99.0)))
                .isEmpty();
    }
}
