package io.cordon.connectors.sapient.encode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.runtime.SapientObservationMapper;
import io.cordon.connectors.sapient.SapientDecoder;
import io.cordon.connectors.sapient.SapientDetection;
import io.cordon.connectors.sapient.SapientReport;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.simulation.BorderSimulation;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Simulated ground-sensor detections → SAPIENT v2 frames → the real decoder and mapper → the same
 * detections.
 */
class SapientDetectionEncoderTest {
    private static final GeoPoint REFERENCE = new GeoPoint(31.3333, -110.6, 1200);
    private static final SensorConfig UGS =
            SensorConfig.withDefaults(
                    "ugs-1", "mex", SensorKind.GROUND_SENSOR, new GeoPoint(31.33, -110.6, 1200));

    private static SapientDetectionEncoder.Detection detection(Observation o, int k) {
        PositionFix f = (PositionFix) o.measurement();
        return new SapientDetectionEncoder.Detection(
                "node-ugs-1",
                "r-" + k,
                "obj-" + k,
                o.eventTime(),
                f.position().latDeg(),
                f.position().lonDeg(),
                f.position().altM(),
                Math.sqrt(f.covEastEastM2()),
                Math.sqrt(f.covNorthNorthM2()),
                null,
                Double.NaN);
    }

    @Test
    void simulatedGroundSensorDetectionsSurviveEncodeDecodeAndMapping() {
        BorderSimulation sim =
                new BorderSimulation(
                        List.of(UGS),
                        REFERENCE,
                        Instant.parse("2026-03-01T10:00:00Z"),
                        3,
                        40,
                        0.5,
                        300);
        List<Observation> truth = sim.observationsBetween(0, 300);
        assertThat(truth).hasSizeGreaterThan(20);
        SapientObservationMapper mapper = new SapientObservationMapper(UGS);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int k = 0; k < truth.size(); k++) {
            stream.writeBytes(SapientDetectionEncoder.encode(detection(truth.get(k), k)));
        }
        // one TCP stream of frames, each a report
        DecodeResult<SapientReport> decoded = SapientDecoder.decodeFrames(stream.toByteArray());
        assertThat(decoded.errors()).isEmpty();
        assertThat(decoded.values()).hasSameSizeAs(truth);
        for (int k = 0; k < truth.size(); k++) {
            Observation want = truth.get(k);
            PositionFix w = (PositionFix) want.measurement();
            SapientDetection d = (SapientDetection) decoded.values().get(k);
            assertThat(d.nodeId()).isEqualTo("node-ugs-1");
            assertThat(d.objectId()).isEqualTo("obj-" + k);
            DecodeResult<Observation> mapped = mapper.map(d);
            assertThat(mapped.errors()).isEmpty();
            Observation got = mapped.values().get(0);
            PositionFix g = (PositionFix) got.measurement();
            assertThat(got.eventTime()).isEqualTo(want.eventTime()); // protobuf Timestamp: ns
            assertThat(got.sensorId()).isEqualTo("ugs-1");
            assertThat(got.sensorKind()).isEqualTo(SensorKind.GROUND_SENSOR);
            assertThat(got.observationId()).isEqualTo("sapient/ugs-1/r-" + k);
            // doubles on the wire: exact up to the unit conversions
            assertThat(g.position().latDeg()).isCloseTo(w.position().latDeg(), within(1e-12));
            assertThat(g.position().lonDeg()).isCloseTo(w.position().lonDeg(), within(1e-12));
            assertThat(g.position().altM()).isCloseTo(w.position().altM(), within(1e-9));
            assertThat(g.covEastEastM2()).isCloseTo(w.covEastEastM2(), within(1e-6));
            assertThat(g.covNorthNorthM2()).isCloseTo(w.covNorthNorthM2(), within(1e-6));
            assertThat(got.velocity()).isNull();
            assertThat(got.classification().targetClass()).isEqualTo(TargetClass.UNKNOWN);
        }
    }

    @Test
    void classAndConfidenceAreCarriedAndMissingErrorsFallBackToTheRegistry() {
        byte[] frame =
                SapientDetectionEncoder.encode(
                        new SapientDetectionEncoder.Detection(
                                "n",
                                "r",
                                "o",
                                Instant.parse("2026-03-01T10:00:00.125Z"),
                                31.3,
                                -110.6,
                                Double.NaN,
                                Double.NaN,
                                Double.NaN,
                                "Human",
                                0.75));
        assertThat(frame[0] & 0xFF).isEqualTo(frame.length - 4);
        SapientDetection d = (SapientDetection) SapientDecoder.decodeFrames(frame).values().get(0);
        assertThat(d.location().latErrorDeg()).isNaN();
        Observation o = new SapientObservationMapper(UGS).map(d).values().get(0);
        assertThat(o.eventTime()).isEqualTo(Instant.parse("2026-03-01T10:00:00.125Z"));
        assertThat(o.classification().targetClass()).isEqualTo(TargetClass.PERSON);
        assertThat(o.classification().confidence()).isCloseTo(0.75, within(1e-6));
        double sigma = UGS.sigmaPositionM();
        assertThat(((PositionFix) o.measurement()).covEastEastM2())
                .isCloseTo(sigma * sigma, within(1e-9));
    }
}
