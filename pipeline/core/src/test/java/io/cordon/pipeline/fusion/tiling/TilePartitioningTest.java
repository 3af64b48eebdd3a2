package io.cordon.pipeline.fusion.tiling;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TilePartitioningTest {
    private static final GeoPoint REF = new GeoPoint(31.3333, -110.6, 1200.0);
    private static final LocalTangentPlane PLANE = new LocalTangentPlane(REF);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final TilePartitioning TILES =
            new TilePartitioning(new TileGrid(20_000, 3_000), REF);

    @Test
    void aRadarPlotIsPlacedWhereItsRangeAndAzimuthPoint() {
        GeoPoint radar = PLANE.surfacePoint(-20_000, 6_000);
        // A target at (1 km, 500 m) in the plane, as the radar sees it.
        EnuPoint q = new LocalTangentPlane(radar).toEnu(PLANE.surfacePoint(1_000, 500));
        double range = Math.hypot(q.eastM(), q.northM());
        double az = (Math.toDegrees(Math.atan2(q.eastM(), q.northM())) + 360) % 360;
        Observation plot = observation(new RadarPlot(radar, range, az, 15, 0.25));
        assertThat(TILES.partitionOf(plot)).isEqualTo("0:0");
        assertThat(TILES.partitionsOf(plot)).containsExactly("0:0", "-1:-1", "-1:0", "0:-1");
    }

    @Test
    void aFixGoesToItsCoreTileOnlyWhenNoHaloHoldsIt() {
        Observation fix =
                observation(PositionFix.isotropic(PLANE.surfacePoint(-10_000, 10_000), 10));
        assertThat(TILES.partitionsOf(fix)).containsExactly("-1:0");
        Observation onEdge =
                observation(PositionFix.isotropic(PLANE.surfacePoint(19_000, 10_000), 10));
        assertThat(TILES.partitionsOf(onEdge)).containsExactly("0:0", "1:0");
    }

    @Test
    void survivesJavaSerializationAsJobsShipIt() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(TILES);
        }
        TilePartitioning copy;
        try (ObjectInputStream in =
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (TilePartitioning) in.readObject();
        }
        Observation fix = observation(PositionFix.isotropic(PLANE.surfacePoint(500, 500), 10));
        assertThat(copy.partitionsOf(fix)).isEqualTo(TILES.partitionsOf(fix));
        assertThat(copy.grid()).isEqualTo(TILES.grid());
    }

    private static Observation observation(io.cordon.pipeline.observation.Measurement m) {
        return new Observation(
                "o1", "usa", "s1", SensorKind.GROUND_RADAR, T0, m, null, null, null, null);
    }
}
