package io.cordon.pipeline.border;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.ZoneConfig;
import io.cordon.pipeline.geo.GeoPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

class ZoneMapTest {
    static final ZoneConfig SQUARE =
            new ZoneConfig(
                    "square",
                    "Square",
                    "POLYGON ((-110.60 31.40, -110.59 31.40, -110.59 31.41, -110.60 31.41, -110.60 31.40))",
                    Severity.HIGH);
    static final ZoneMap ZONES = ZoneMap.of(List.of(SQUARE));
    static final GeoPoint WEST_EDGE_MIDDLE = GeoPoint.of(31.405, -110.60);

    @Test
    void depthIsPositiveInsideAndNegativeOutside() {
        GeoPoint inside = BorderFixtures.moved(WEST_EDGE_MIDDLE, 90, 100);
        GeoPoint outside = BorderFixtures.moved(WEST_EDGE_MIDDLE, 270, 100);

        assertThat(ZONES.signedDepthM("square", inside, 1000)).isCloseTo(100, within(0.2));
        assertThat(ZONES.signedDepthM("square", outside, 1000)).isCloseTo(-100, within(0.2));
        assertThat(
                        ZONES.signedDepthM(
                                "square", BorderFixtures.moved(WEST_EDGE_MIDDLE, 270, 5000), 1000))
                .isInfinite()
                .isNegative();
    }

    @Test
    void zonesNearListsZonesHoldingOrCloseToThePoint() {
        assertThat(ZONES.zonesNear(BorderFixtures.moved(WEST_EDGE_MIDDLE, 90, 300), 25))
                .containsExactly(SQUARE);
        assertThat(ZONES.zonesNear(BorderFixtures.moved(WEST_EDGE_MIDDLE, 270, 20), 25))
                .containsExactly(SQUARE);
        assertThat(ZONES.zonesNear(BorderFixtures.moved(WEST_EDGE_MIDDLE, 270, 200), 25)).isEmpty();
    }
}
