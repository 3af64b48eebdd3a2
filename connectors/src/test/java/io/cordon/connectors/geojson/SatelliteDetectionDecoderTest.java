package io.cordon.connectors.geojson;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.connectors.decode.DecodeError;
import io.cordon.connectors.decode.DecodeResult;
import io.cordon.connectors.sensor.SensorDefaults;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SatelliteDetectionDecoderTest {
    static final SensorDefaults SAR =
            new SensorDefaults("eu", "sat-sar", Marking.UNRESTRICTED, 100.0);

    private final SatelliteDetectionDecoder decoder = new SatelliteDetectionDecoder();

    static byte[] sample() {
        try (InputStream in =
                SatelliteDetectionDecoderTest.class.getResourceAsStream("detections.geojson")) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void decodesGoodFeaturesAndRejectsBadOnesWithTheirIndex() {
        DecodeResult<SatelliteDetection> r = decoder.decode(sample());

        assertThat(r.values()).hasSize(3);
        assertThat(r.errors()).extracting(DecodeError::offset).containsExactly(3L, 4L);
        assertThat(r.errors())
                .extracting(DecodeError::reason)
                .containsExactly(
                        "feature 3: property time is missing or not RFC 3339 with an offset",
                        "feature 4: sigma_major_m 10.0 and sigma_minor_m 30.0 must satisfy major >= minor > 0");
        assertThat(new String(r.errors().get(0).raw(), StandardCharsets.UTF_8))
                .contains("\"vessel_length_m\":12");

        SatelliteDetection first = r.values().get(0);
        assertThat(first.detectionId()).isEqualTo("S1A-20260301-0001");
        assertThat(first.time()).isEqualTo(Instant.parse("2026-03-01T13:45:12.250Z"));
        assertThat(first.latDeg()).isEqualTo(32.4410);
        assertThat(first.lonDeg()).isEqualTo(-117.3125);
        assertThat(first.vesselLengthM().getAsDouble()).isEqualTo(42.5);
        assertThat(first.vesselClass()).isEqualTo("fishing");
        assertThat(first.confidence().getAsDouble()).isEqualTo(0.87);
        assertThat(first.source()).isEqualTo("Sentinel-1A");

        SatelliteDetection second = r.values().get(1);
        assertThat(second.detectionId()).isEqualTo("S1A-20260301-0002");
        assertThat(second.time()).isEqualTo(Instant.parse("2026-03-01T13:45:12Z"));
        assertThat(second.covariance().orElseThrow())
                .isEqualTo(new HorizontalCovariance(400, -50, 900));
        assertThat(second.heightM().getAsDouble()).isZero();
        assertThat(r.values().get(2).covariance()).isEmpty();
    }

    @Test
    void ellipseBecomesCovarianceInEastNorth() {
        // major axis along north: nn = a^2, ee = b^2
        HorizontalCovariance north = HorizontalCovariance.fromEllipse(60, 20, 0);
        assertThat(north.northNorthM2()).isCloseTo(3600, within(1e-9));
        assertThat(north.eastEastM2()).isCloseTo(400, within(1e-9));
        assertThat(north.eastNorthM2()).isCloseTo(0, within(1e-9));
        // along east
        HorizontalCovariance east = HorizontalCovariance.fromEllipse(60, 20, 90);
        assertThat(east.eastEastM2()).isCloseTo(3600, within(1e-9));
        assertThat(east.northNorthM2()).isCloseTo(400, within(1e-9));
        // 30 deg: the variance along the major axis direction u = (sin 30, cos 30) is a^2
        HorizontalCovariance c = HorizontalCovariance.fromEllipse(60, 20, 30);
        double s = Math.sin(Math.toRadians(30));
        double co = Math.cos(Math.toRadians(30));
        double alongMajor =
                s * s * c.eastEastM2() + 2 * s * co * c.eastNorthM2() + co * co * c.northNorthM2();
        assertThat(alongMajor).isCloseTo(3600, within(1e-9));
        assertThat(c.eastEastM2() + c.northNorthM2()).isCloseTo(4000, within(1e-9));
    }

    @Test
    void rejectsDocumentsThatAreNotGeoJson() {
        assertThat(
                        decoder.decode("[1,2]".getBytes(StandardCharsets.UTF_8))
                                .errors()
                                .get(0)
                                .reason())
                .isEqualTo("document is not a GeoJSON object");
        assertThat(
                        decoder.decode("{\"type\":\"Polygon\"}".getBytes(StandardCharsets.UTF_8))
                                .errors()
                                .get(0)
                                .reason())
                .isEqualTo("GeoJSON type 'Polygon' is not Feature or FeatureCollection");
        assertThat(
                        decoder.decode("{\"type\":".getBytes(StandardCharsets.UTF_8))
                                .errors()
                                .get(0)
                                .reason())
                .startsWith("malformed JSON");
    }

    @Test
    void rejectsBothUncertaintyFormsAndOffGlobePoints() {
        String both =
                "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1,2]},"
                        + "\"properties\":{\"time\":\"2026-03-01T00:00:00Z\",\"cov_ee_m2\":1,\"cov_en_m2\":0,"
                        + "\"cov_nn_m2\":1,\"sigma_major_m\":2,\"sigma_minor_m\":1,\"orientation_deg\":0}}";
        assertThat(decoder.decode(both.getBytes(StandardCharsets.UTF_8)).errors().get(0).reason())
                .contains("not both");
        String offGlobe = both.replace("[1,2]", "[1,95]");
        assertThat(
                        decoder.decode(offGlobe.getBytes(StandardCharsets.UTF_8))
                                .errors()
                                .get(0)
                                .reason())
                .isEqualTo("feature 0: Point [1.0, 95.0] is outside the globe");
    }

    @Test
    void mapsToSatelliteObservations() {
        DecodeResult<SatelliteDetection> r = decoder.decode(sample());
        SatelliteDetectionMapper mapper = new SatelliteDetectionMapper(SAR);

        Observation o = mapper.map(r.values().get(0));
        assertThat(o.sensorKind()).isEqualTo(SensorKind.SATELLITE);
        assertThat(o.observationId()).isEqualTo("sat/sat-sar/S1A-20260301-0001");
        assertThat(o.classification().targetClass()).isEqualTo(TargetClass.VESSEL);
        assertThat(o.classification().confidence()).isEqualTo(0.87);
        PositionFix fix = (PositionFix) o.measurement();
        HorizontalCovariance expected = HorizontalCovariance.fromEllipse(60, 20, 30);
        assertThat(fix.covEastEastM2()).isEqualTo(expected.eastEastM2());
        assertThat(fix.covEastNorthM2()).isEqualTo(expected.eastNorthM2());

        Observation noUncertainty = mapper.map(r.values().get(2));
        assertThat(((PositionFix) noUncertainty.measurement()).covEastEastM2()).isEqualTo(10_000.0);
        assertThat(noUncertainty.classification().confidence()).isEqualTo(0.5);
    }
}
