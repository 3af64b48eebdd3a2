package io.cordon.pipeline.border;

import static io.cordon.pipeline.detect.TrackFixtures.moved;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.config.BorderConfig;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.ControlLine;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.PortOfEntry;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.crossing.BorderCrossingDetector;
import io.cordon.pipeline.detect.crossing.BorderCrossingParameters;
import io.cordon.pipeline.detect.crossing.CrossingState;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Maritime control lines: configuration, crossings in {@link BorderMap}, the crossing detector. */
class ControlLinesTest {
    /** A line along 31.0° N drawn west to east: left (north) is the coast's side, MEX. */
    static final ControlLine LINE =
            new ControlLine("Test line", "LINESTRING (-113.8 31.0, -113.2 31.0)", "MEX", "UNKNOWN");

    static final GeoPoint ON_LINE = GeoPoint.of(31.0, -113.5);
    static final GeoPoint HARBOUR_MOUTH = GeoPoint.of(31.0, -113.3);

    static final BorderMap MAP =
            BorderMap.load(
                    new BorderConfig(
                            Path.of("../../deploy/borders/us-mexico-sonora.geojson"),
                            List.of(new PortOfEntry("Harbour", HARBOUR_MOUTH, 1000)),
                            List.of(LINE)));

    @Test
    void aMoveOverTheLineCrossesItWithTheLinesSidesAndName() {
        var c = MAP.crossing(moved(ON_LINE, 180, 500), moved(ON_LINE, 0, 500)).orElseThrow();
        assertThat(c.controlLine()).isEqualTo("Test line");
        assertThat(c.atSea()).isTrue();
        assertThat(c.fromCountry()).isEqualTo("UNKNOWN");
        assertThat(c.toCountry()).isEqualTo("MEX");
        assertThat(c.fraction()).isBetween(0.49, 0.51);
        assertThat(c.atPortOfEntry()).isFalse();

        var back = MAP.crossing(moved(ON_LINE, 0, 500), moved(ON_LINE, 180, 500)).orElseThrow();
        assertThat(back.fromCountry()).isEqualTo("MEX");
        assertThat(back.toCountry()).isEqualTo("UNKNOWN");
    }

    @Test
    void movesAlongOrShortOfTheLineOrPastItsEndDoNotCross() {
        assertThat(MAP.crossing(moved(ON_LINE, 0, 300), moved(moved(ON_LINE, 90, 3000), 0, 300)))
                .isEmpty();
        assertThat(MAP.crossing(moved(ON_LINE, 180, 800), moved(ON_LINE, 180, 20))).isEmpty();
        GeoPoint westOfEnd = GeoPoint.of(31.0, -113.85);
        assertThat(MAP.crossing(moved(westOfEnd, 180, 500), moved(westOfEnd, 0, 500))).isEmpty();
    }

    @Test
    void portsOfEntryApplyAtSea() {
        var c =
                MAP.crossing(moved(HARBOUR_MOUTH, 180, 300), moved(HARBOUR_MOUTH, 0, 300))
                        .orElseThrow();
        assertThat(c.atPortOfEntry()).isTrue();
        assertThat(c.portName()).isEqualTo("Harbour");
    }

    @Test
    void landCrossingsAreUnchangedAndTheLineCountsForTheHysteresisDistanceOnly() {
        GeoPoint land = GeoPoint.of(31.3333, -110.6);
        var c = MAP.crossing(moved(land, 0, 300), moved(land, 180, 300)).orElseThrow();
        assertThat(c.controlLine()).isEmpty();
        assertThat(c.fromCountry()).isEqualTo("USA");
        assertThat(MAP.distanceToBorderM(moved(ON_LINE, 0, 40), 100)).isInfinite();
        assertThat(MAP.distanceToAnyLineM(moved(ON_LINE, 0, 40), 100)).isBetween(39.0, 41.0);
    }

    @Test
    void aGeoJsonLineOfKindMaritimeControlLineIsAControlLine() {
        String geojson =
                "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
                        + "\"properties\":{\"name\":\"Gulf line\",\"kind\":\"maritimeControlLine\","
                        + "\"left\":\"MEX\"},\"geometry\":{\"type\":\"LineString\","
                        + "\"coordinates\":[[-113.8,31.0],[-113.2,31.0]]}}]}";
        BorderMap map = BorderMap.fromGeoJson(geojson, List.of());
        assertThat(map.hasControlLines()).isTrue();
        assertThat(map.distanceToBorderM(ON_LINE, 100)).isInfinite();
        var c = map.crossing(moved(ON_LINE, 180, 500), moved(ON_LINE, 0, 500)).orElseThrow();
        assertThat(c.controlLine()).isEqualTo("Gulf line");
        assertThat(c.toCountry()).isEqualTo("MEX");
    }

    @Test
    void aVesselCrossingTheLineAlertsOnceClearOfItAndOneThatTurnsBackShortDoesNot() {
        BorderCrossingDetector detector =
                new BorderCrossingDetector(MAP, BorderCrossingParameters.DEFAULTS);
        // 5 m/s north through the line, an update every 10 s from 510 m south
        List<EntityTrack> crossing = new ArrayList<>();
        for (int s = 0; s <= 200; s += 10) {
            crossing.add(vessel(s, -510 + 5.0 * s, 5));
        }
        List<Alert> alerts = run(detector, crossing);
        assertThat(alerts).hasSize(1);
        Alert a = alerts.get(0);
        // the line at 102 s (between -10 m at 100 s and +40 m at 110 s); clear of the 50 m
        // hysteresis at the 120 s update (90 m north)
        assertThat(a.windowStart()).isEqualTo(t(102));
        assertThat(a.evidence())
                .containsEntry("controlLine", "Test line")
                .containsEntry("fromCountry", "UNKNOWN")
                .containsEntry("toCountry", "MEX")
                .containsEntry("confirmedAt", t(120).toString());

        // comes within 30 m past the line, then turns back: no alert
        List<EntityTrack> nearMiss = new ArrayList<>();
        for (int s = 0; s <= 100; s += 10) {
            nearMiss.add(vessel(s, -500 + 5.3 * s, 5));
        }
        for (int s = 110; s <= 250; s += 10) {
            nearMiss.add(vessel(s, 30 - 5.0 * (s - 100), -5));
        }
        assertThat(run(detector, nearMiss)).isEmpty();
    }

    @Test
    void theConfigurationReadsControlLinesAndNamesABadOne() {
        CordonConfig example = CordonConfig.load(Path.of("../../deploy/cordon.yaml"));
        assertThat(example.borders().controlLines()).isNotEmpty();
        assertThat(BorderMap.load(example.borders()).hasControlLines()).isTrue();
        assertThatThrownBy(
                        () ->
                                CordonConfig.parse(
                                        "reference: {latDeg: 31.3, lonDeg: -110.6}\n"
                                                + "borders:\n  controlLines:\n"
                                                + "    - name: bad\n"
                                                + "      wkt: POINT (-113.5 31.0)\n",
                                        Path.of(".")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("borders.controlLines[0].wkt")
                .hasMessageContaining("LINESTRING");
        assertThatThrownBy(
                        () ->
                                new ControlLine(
                                        "x",
                                        "LINESTRING (-113.8 31.0, -113.2 31.0)",
                                        "Mexico",
                                        "MEX"))
                .hasMessageContaining("left")
                .hasMessageContaining("alpha-3");
    }

    private static EntityTrack vessel(double s, double northOfLineM, double northMps) {
        GeoPoint p =
                northOfLineM >= 0
                        ? moved(ON_LINE, 0, northOfLineM)
                        : moved(ON_LINE, 180, -northOfLineM);
        return track("V1", TrackStatus.CONFIRMED, t(s), p, new Velocity(0, northMps, 0));
    }

    private static List<Alert> run(BorderCrossingDetector d, List<EntityTrack> updates) {
        CrossingState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<CrossingState> r = d.onTrackUpdate(state, u);
            state = r.newState() == null ? null : CrossingState.fromBytes(r.newState().toBytes());
            alerts.addAll(r.alerts());
        }
        return alerts;
    }
}
