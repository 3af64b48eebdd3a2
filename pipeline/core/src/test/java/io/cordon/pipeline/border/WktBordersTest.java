package io.cordon.pipeline.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.config.BorderConfig;
import io.cordon.pipeline.config.PortOfEntry;
import io.cordon.pipeline.geo.GeoPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's borders in the WKT border format behave as the same borders in GeoJSON. */
class WktBordersTest {
    /** The demo file {@code us-mexico-sonora.geojson}, written in the WKT border format. */
    static final String SONORA =
            "# the Gadsden parallel east of Nogales, as deploy/borders/us-mexico-sonora.geojson\n"
                    + "border|US-Mexico (31°20' N)|USA|MEX|LINESTRING (-111.0747 31.3333, -110.6"
                    + " 31.3333, -110.0 31.3333, -109.0 31.3333, -108.2083 31.3333)\n"
                    + "\n"
                    + "country|USA|POLYGON ((-111.0747 31.3333, -108.2083 31.3333, -108.2083"
                    + " 32.3333, -111.0747 32.3333, -111.0747 31.3333))\n"
                    + "country|MEX|POLYGON ((-111.0747 30.3333, -108.2083 30.3333, -108.2083"
                    + " 31.3333, -111.0747 31.3333, -111.0747 30.3333))\n"
                    + "controlLine|Gulf line|MEX|UNKNOWN|LINESTRING (-113.8 31.0, -113.2 31.0)\n";

    static final BorderMap GEOJSON =
            BorderMap.load(
                    new BorderConfig(
                            Path.of("../../deploy/borders/us-mexico-sonora.geojson"), List.of()));

    @Test
    void theDemoBordersInWktCrossAndLocateAsTheGeoJsonFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sonora.wkt");
        Files.writeString(file, SONORA);
        BorderMap wkt = BorderMap.load(new BorderConfig(file, List.of()));

        for (GeoPoint p :
                List.of(
                        GeoPoint.of(31.40, -110.6),
                        GeoPoint.of(31.25, -110.6),
                        GeoPoint.of(31.3334, -109.0),
                        GeoPoint.of(33.0, -110.6))) {
            assertThat(wkt.countryAt(p)).as("%s", p).isEqualTo(GEOJSON.countryAt(p));
            assertThat(wkt.distanceToBorderM(p, 5_000))
                    .as("%s", p)
                    .isEqualTo(GEOJSON.distanceToBorderM(p, 5_000));
        }
        GeoPoint north = GeoPoint.of(31.34, -110.6);
        GeoPoint south = GeoPoint.of(31.32, -110.6);
        BorderCrossing c = wkt.crossing(north, south).orElseThrow();
        assertThat(c).isEqualTo(GEOJSON.crossing(north, south).orElseThrow());
        assertThat(c.fromCountry()).isEqualTo("USA");
        assertThat(c.toCountry()).isEqualTo("MEX");
        assertThat(wkt.crossing(north, GeoPoint.of(31.35, -110.6))).isEmpty();
    }

    @Test
    void aControlLineAndPortsOfEntryComeWithTheFile() {
        BorderMap wkt =
                BorderMap.fromGeoJson(
                        SONORA,
                        List.of(new PortOfEntry("Harbour", GeoPoint.of(31.0, -113.3), 1000)));
        assertThat(wkt.hasControlLines()).isTrue();
        BorderCrossing open =
                wkt.crossing(GeoPoint.of(30.99, -113.5), GeoPoint.of(31.01, -113.5)).orElseThrow();
        assertThat(open.controlLine()).isEqualTo("Gulf line");
        assertThat(open.toCountry()).isEqualTo("MEX");
        assertThat(open.atPortOfEntry()).isFalse();
        assertThat(
                        wkt.crossing(GeoPoint.of(30.99, -113.3), GeoPoint.of(31.01, -113.3))
                                .orElseThrow()
                                .atPortOfEntry())
                .isTrue();
    }

    @Test
    void badLinesAreNamedWithTheirNumberAndWhatIsAllowed() {
        assertThatThrownBy(() -> WktBorders.parse("# x\nstate|USA|POLYGON ((0 0, 1 0, 1 1, 0 0))"))
                .isInstanceOf(BorderDataException.class)
                .hasMessageContaining("line 2")
                .hasMessageContaining("\"state\"")
                .hasMessageContaining("allowed: 'country|ISO|");
        assertThatThrownBy(() -> WktBorders.parse("country|usa|POLYGON ((0 0, 1 0, 1 1, 0 0))"))
                .isInstanceOf(BorderDataException.class)
                .hasMessageContaining("line 1")
                .hasMessageContaining("\"usa\"");
        assertThatThrownBy(() -> WktBorders.parse("country|USA|LINESTRING (0 0, 1 1)"))
                .hasMessageContaining("POLYGON or MULTIPOLYGON, found LineString");
        assertThatThrownBy(() -> WktBorders.parse("border|x|USA|MEX|LINESTRING (0 0, 1 1"))
                .hasMessageContaining("line 1: not valid WKT");
        assertThatThrownBy(() -> WktBorders.parse("border|x|USA|LINESTRING (0 0, 1 1)"))
                .hasMessageContaining("has 4 fields separated by |, needs 5");
        assertThatThrownBy(() -> WktBorders.parse("border|x|USA|MEX|LINESTRING (31 -110, 32 -200)"))
                .hasMessageContaining("lon first");
        // JTS refuses these with IllegalArgumentException, not ParseException
        assertThatThrownBy(() -> WktBorders.parse("country|USA|POLYGON ((0 0, 1 0, 1 1, 0 1))"))
                .isInstanceOf(BorderDataException.class)
                .hasMessageContaining("line 1: not valid WKT");
        assertThatThrownBy(() -> WktBorders.parse("# x\n\nborder|x|USA|MEX|LINESTRING (0 0)"))
                .isInstanceOf(BorderDataException.class)
                .hasMessageContaining("line 3: not valid WKT");
    }
}
