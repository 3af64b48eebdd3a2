package io.cordon.connectors.geojson.encode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.geojson.SatelliteDetection;
import io.cordon.connectors.geojson.SatelliteDetectionDecoder;
import io.cordon.connectors.geojson.SatelliteDetectionMapper;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Simulated satellite passes → GeoJSON → the real decoder and mapper → the same detections. */
class SatelliteDetectionEncoderTest {
    private static final GeoPoint REFERENCE = new GeoPoint(31.3333, -110.6, 1200);

    @Test
    void aSimulatedPassSurvivesEncodeDecodeAndMappingExactly() {
        SensorConfig sat =
                SensorConfig.withDefaults("sat-1", "usa", SensorKind.SATELLITE, REFERENCE);
        BorderSimulation sim =
                new BorderSimulation(
                        List.of(sat),
                        REFERENCE,
                        Instant.parse("2026-03-01T10:00:00Z"),
                        11,
                        50,
                        0.3,
                        1000);
        List<Observation> truth = sim.observationsBetween(0, 1000);
        assertThat(truth).hasSizeGreaterThan(50);
        List<SatelliteDetectionEncoder.Detection> detections = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            PositionFix f = (PositionFix) truth.get(i).measurement();
            detections.add(
                    new SatelliteDetectionEncoder.Detection(
                            "scene-" + i,
                            truth.get(i).eventTime(),
                            f.position().latDeg(),
                            f.position().lonDeg(),
                            f.position().altM(),
                            f.covEastEastM2(),
                            f.covEastNorthM2(),
                            f.covNorthNorthM2(),
                            0.0,
                            "sim"));
        }
        byte[] json = SatelliteDetectionEncoder.featureCollection(detections);

        DecodeResult<SatelliteDetection> decoded = new SatelliteDetectionDecoder().decode(json);
        assertThat(decoded.errors()).isEmpty();
        SatelliteDetectionMapper mapper =
                new SatelliteDetectionMapper(
                        new SensorDefaults("usa", "sat-1", Marking.UNRESTRICTED, 120));
        assertThat(decoded.values()).hasSameSizeAs(truth);
        for (int i = 0; i < truth.size(); i++) {
            Observation want = truth.get(i);
            Observation got = mapper.map(decoded.values().get(i));
            assertThat(got.observationId()).isEqualTo("sat/sat-1/scene-" + i);
            assertThat(got.eventTime()).isEqualTo(want.eventTime());
            // JSON numbers are written in their shortest round-trip form: nothing is lost
            assertThat(got.measurement()).isEqualTo(want.measurement());
            assertThat(got.sensorKind()).isEqualTo(SensorKind.SATELLITE);
            assertThat(got.classification().confidence()).isZero();
        }
    }

    @Test
    void aBadFeatureIsReportedAndItsNeighboursStillDecode() {
        Instant t = Instant.parse("2026-03-01T10:00:00Z");
        List<ObjectNode> features = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            features.add(
                    SatelliteDetectionEncoder.feature(
                            new SatelliteDetectionEncoder.Detection(
                                    "d" + i,
                                    t,
                                    31.3,
                                    -110.6 + i * 0.01,
                                    0,
                                    100,
                                    0,
                                    100,
                                    Double.NaN,
                                    "")));
        }
        ((ObjectNode) features.get(1).get("properties")).put("time", "yesterday");
        DecodeResult<SatelliteDetection> decoded =
                new SatelliteDetectionDecoder()
                        .decode(
                                SatelliteDetectionEncoder.bytes(
                                        SatelliteDetectionEncoder.collection(features)));
        assertThat(decoded.values())
                .extracting(SatelliteDetection::detectionId)
                .containsExactly("d0", "d2");
        assertThat(decoded.errors()).hasSize(1);
        assertThat(decoded.errors().get(0).reason()).contains("feature 1", "time");
        assertThat(decoded.values().get(0).confidence()).isEmpty();
    }
}
