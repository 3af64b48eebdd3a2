package io.cordon.connectors.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sapient.SapientClassification;
import io.cordon.connectors.sapient.SapientDetection;
import io.cordon.connectors.sapient.SapientLocation;
import io.cordon.connectors.sapient.SapientRangeBearing;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SapientObservationMapperTest {
    private static final SensorConfig NODE =
            SensorConfig.withDefaults(
                    "ugs-1", "usa", SensorKind.GROUND_SENSOR, GeoPoint.of(31.5, -110.5));

    private static SapientDetection detection(SapientRangeBearing rb, String state) {
        return new SapientDetection(
                Instant.parse("2024-05-01T12:00:00Z"),
                "node",
                "01H7SS2G2HFG5EP09GYC8YP69C",
                "obj",
                "task",
                state,
                null,
                rb,
                0.9,
                List.of(new SapientClassification("Vehicle", 0.7)),
                Double.NaN,
                Double.NaN,
                Double.NaN,
                "",
                "");
    }

    @Test
    void rangeBearingBecomesAPlotAroundTheRegisteredNodeWithItsStatedErrors() {
        DecodeResult<Observation> r =
                new SapientObservationMapper(NODE)
                        .map(
                                detection(
                                        new SapientRangeBearing(
                                                250,
                                                -10,
                                                Double.NaN,
                                                5,
                                                2,
                                                Double.NaN,
                                                SapientRangeBearing.North.TRUE),
                                        ""));
        Observation o = r.values().get(0);
        RadarPlot p = (RadarPlot) o.measurement();
        assertThat(p.sensorPosition()).isEqualTo(NODE.position());
        assertThat(p.rangeM()).isEqualTo(250);
        assertThat(p.azimuthDeg()).isEqualTo(350);
        assertThat(p.sigmaRangeM()).isEqualTo(5);
        assertThat(p.sigmaAzimuthDeg()).isEqualTo(2);
        assertThat(o.velocity()).isNull();
        assertThat(o.classification().targetClass()).isEqualTo(TargetClass.LAND_VEHICLE);
        assertThat(o.sensorKind()).isEqualTo(SensorKind.GROUND_SENSOR);
    }

    @Test
    void withoutStatedErrorsTheSigmasComeFromTheRegistry() {
        Observation o =
                new SapientObservationMapper(NODE)
                        .map(
                                detection(
                                        new SapientRangeBearing(
                                                100,
                                                45,
                                                Double.NaN,
                                                Double.NaN,
                                                Double.NaN,
                                                Double.NaN,
                                                SapientRangeBearing.North.UNSPECIFIED),
                                        ""))
                        .values()
                        .get(0);
        RadarPlot p = (RadarPlot) o.measurement();
        assertThat(p.sigmaRangeM()).isEqualTo(NODE.sigmaPositionM());
        assertThat(p.sigmaAzimuthDeg())
                .isEqualTo(Math.toDegrees(Math.atan2(NODE.sigmaPositionM(), 100)));
    }

    @Test
    void magneticBearingsAreRefusedAndLostObjectsGiveNothing() {
        SapientObservationMapper m = new SapientObservationMapper(NODE);
        DecodeResult<Observation> magnetic =
                m.map(
                        detection(
                                new SapientRangeBearing(
                                        100,
                                        45,
                                        Double.NaN,
                                        1,
                                        1,
                                        Double.NaN,
                                        SapientRangeBearing.North.MAGNETIC),
                                ""));
        assertThat(magnetic.values()).isEmpty();
        assertThat(magnetic.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("MAGNETIC"));
        DecodeResult<Observation> lost =
                m.map(
                        detection(
                                new SapientRangeBearing(
                                        100,
                                        45,
                                        Double.NaN,
                                        1,
                                        1,
                                        Double.NaN,
                                        SapientRangeBearing.North.TRUE),
                                "Lost"));
        assertThat(lost.values()).isEmpty();
        assertThat(lost.errors()).isEmpty();
    }

    private static DecodeResult<Observation> located(double z, double zError, boolean aboveGeoid) {
        SapientDetection d = detection(null, "");
        return new SapientObservationMapper(NODE)
                .map(
                        new SapientDetection(
                                d.sentTime(),
                                d.nodeId(),
                                d.reportId(),
                                d.objectId(),
                                d.taskId(),
                                d.state(),
                                new SapientLocation(
                                        31.5, -110.5, z, 1e-5, 1e-5, zError, aboveGeoid),
                                null,
                                d.detectionConfidence(),
                                d.classifications(),
                                d.eastMps(),
                                d.northMps(),
                                d.upMps(),
                                d.colour(),
                                d.objectIdentity()));
    }

    @Test
    void anEllipsoidalZWithItsErrorIsAMeasuredHeightOtherwiseNone() {
        PositionFix measured = (PositionFix) located(1430, 12, false).values().get(0).measurement();
        assertThat(measured.position().altM()).isEqualTo(1430.0);
        assertThat(measured.sigmaAltM()).isEqualTo(12.0);
        // no z_error, a zero z_error, a height above the geoid (no geoid model), no z
        for (PositionFix f :
                List.of(
                        (PositionFix)
                                located(1430, Double.NaN, false).values().get(0).measurement(),
                        (PositionFix) located(1430, 0, false).values().get(0).measurement(),
                        (PositionFix) located(1430, 12, true).values().get(0).measurement(),
                        (PositionFix)
                                located(Double.NaN, 12, false).values().get(0).measurement())) {
            assertThat(f.hasHeight()).isFalse();
        }
    }

    @Test
    void anImplausibleMeasuredHeightIsADeadLetterWithItsReason() {
        DecodeResult<Observation> r = located(2.0e6, 12, false);
        assertThat(r.values()).isEmpty();
        assertThat(r.errors())
                .singleElement()
                .satisfies(e -> assertThat(e.reason()).contains("SAPIENT location z", "2000000"));
        // without its error the same z is no measurement: the fix stays, without a height
        assertThat(
                        ((PositionFix)
                                        located(2.0e6, Double.NaN, false)
                                                .values()
                                                .get(0)
                                                .measurement())
                                .hasHeight())
                .isFalse();
    }

    @Test
    void anElevationMakesTheRangeSlant_andMeasuresTheHeight() {
        // a drone 1 000 m away, 30 degrees up: 866 m out, 500 m up
        Observation o =
                new SapientObservationMapper(NODE)
                        .map(
                                detection(
                                        new SapientRangeBearing(
                                                1_000,
                                                90,
                                                30,
                                                4,
                                                1,
                                                0.5,
                                                SapientRangeBearing.North.TRUE),
                                        ""))
                        .values()
                        .get(0);
        RadarPlot p = (RadarPlot) o.measurement();
        assertThat(p.rangeM()).isCloseTo(1_000 * Math.sqrt(3) / 2, within(1e-9));
        assertThat(p.elevationDeg()).isEqualTo(30);
        assertThat(p.sigmaElevationDeg()).isEqualTo(0.5);
        assertThat(p.sigmaAzimuthDeg()).isEqualTo(1);
        // horizontal range error: cos(el) σ_R and R sin(el) σ_el
        double byRange = Math.sqrt(3) / 2 * 4, byElevation = 1_000 * 0.5 * Math.toRadians(0.5);
        assertThat(p.sigmaRangeM()).isCloseTo(Math.hypot(byRange, byElevation), within(1e-9));

        // without a stated elevation error, the azimuth's
        RadarPlot q =
                (RadarPlot)
                        new SapientObservationMapper(NODE)
                                .map(
                                        detection(
                                                new SapientRangeBearing(
                                                        1_000,
                                                        90,
                                                        -2,
                                                        4,
                                                        1.5,
                                                        Double.NaN,
                                                        SapientRangeBearing.North.TRUE),
                                                ""))
                                .values()
                                .get(0)
                                .measurement();
        assertThat(q.sigmaElevationDeg()).isEqualTo(1.5);
        assertThat(q.elevationDeg()).isEqualTo(-2);
    }

    @Test
    void anElevationOutsideTheOpenQuarterCircleIsRefused() {
        DecodeResult<Observation> r =
                new SapientObservationMapper(NODE)
                        .map(
                                detection(
                                        new SapientRangeBearing(
                                                1_000,
                                                90,
                                                95,
                                                4,
                                                1,
                                                0.5,
                                                SapientRangeBearing.North.TRUE),
                                        ""));
        assertThat(r.values()).isEmpty();
        assertThat(r.errors()).hasSize(1);
        assertThat(r.errors().get(0).reason())
                .isEqualTo(
                        "SAPIENT range/bearing elevation must be in (-90, 90) degrees, was 95.0");
    }
}
