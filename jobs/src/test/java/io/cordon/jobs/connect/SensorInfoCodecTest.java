package io.cordon.jobs.connect;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.proto.v1.SensorInfo;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SensorInfoCodecTest {
    private static final GeoPoint SITE = new GeoPoint(31.4, -110.8, 1230);

    private static SensorConfig radar(double sigmaHeightM) {
        return SensorConfig.withDefaults("r1", "usa", SensorKind.GROUND_RADAR, SITE)
                .withSigmaHeightM(sigmaHeightM);
    }

    @Test
    void aThreeDRadarPublishesItsHeightErrorAndATwoDRadarNone() {
        Instant at = Instant.parse("2026-11-29T08:00:00Z");
        SensorInfo threeD = SensorInfoCodec.toProto(radar(150), at);
        assertThat(threeD.getDefaultAccuracy().hasSigmaAltM()).isTrue();
        assertThat(threeD.getDefaultAccuracy().getSigmaAltM()).isEqualTo(150.0);
        assertThat(threeD.getDefaultAccuracy().getSigmaRangeM()).isEqualTo(radar(0).sigmaRangeM());

        SensorInfo twoD = SensorInfoCodec.toProto(radar(0), at);
        assertThat(twoD.getDefaultAccuracy().hasSigmaAltM()).isFalse();
        assertThat(twoD.getDefaultAccuracy().hasSigmaAzimuthDeg()).isTrue();
    }
}
