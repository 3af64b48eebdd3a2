package io.cordon.pipeline.sharing.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.Geodesy;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PositionGridTest {
    @Test
    void everyPositionIsWithinHalfACellDiagonalOfItsCentreAndTheCentreIsStable() {
        PositionGrid grid = new PositionGrid(1000);
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            GeoPoint p =
                    new GeoPoint(
                            random.nextDouble(-80, 80),
                            random.nextDouble(-180, 180),
                            random.nextDouble(-100, 5000));
            GeoPoint c = grid.snap(p);

            assertThat(grid.snap(c)).isEqualTo(c);
            assertThat(grid.isCellCentre(c)).isTrue();
            assertThat(Math.abs(c.latDeg() - p.latDeg()))
                    .isLessThanOrEqualTo(1000 / 111_320.0 / 2 + 1e-12);
            assertThat(Math.abs(c.altM() - p.altM())).isLessThanOrEqualTo(500.0);
            assertThat(
                            Geodesy.distanceM(
                                    GeoPoint.of(p.latDeg(), p.lonDeg()),
                                    GeoPoint.of(c.latDeg(), c.lonDeg())))
                    .as("within half a cell diagonal (707 m) plus the spherical approximation")
                    .isLessThan(720.0);
        }
    }

    @Test
    void twoPositionsInOneCellGiveTheSameCentre() {
        PositionGrid grid = new PositionGrid(1000);
        GeoPoint a = grid.snap(GeoPoint.of(31.3333, -110.6));
        GeoPoint near = grid.snap(GeoPoint.of(a.latDeg() + 0.001, a.lonDeg() - 0.001));

        assertThat(near).isEqualTo(a);
        assertThat(grid.decimals()).isEqualTo(3);
    }
}
