package io.cordon.connectors.sensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.SensorConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.SensorKind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SensorDefaultsTest {
    @Test
    void takesOwnerReleasabilityAndPositionSigmaFromTheRegistryEntry() {
        CordonConfig config =
                CordonConfig.parse(
                        String.join(
                                "\n",
                                "reference: {latDeg: 31, lonDeg: -110}",
                                "partners:",
                                "  - {id: mex, name: Mexico, country: MEX}",
                                "  - {id: usa, name: USA, country: USA}",
                                "sensors:",
                                "  - id: mex-drone-1",
                                "    partnerId: mex",
                                "    kind: DRONE",
                                "    position: {latDeg: 31, lonDeg: -110}",
                                "    sigmaPositionM: 7.5",
                                "    releasableTo: [mex, usa]",
                                ""),
                        Path.of("."));
        SensorConfig drone = config.sensor("mex-drone-1").orElseThrow();
        SensorDefaults d = SensorDefaults.of(drone);
        assertThat(d.partnerId()).isEqualTo("mex");
        assertThat(d.sensorId()).isEqualTo("mex-drone-1");
        assertThat(d.marking()).isEqualTo(Marking.releasableTo(List.of("mex", "usa")));
        assertThat(d.horizontalSigmaM()).isEqualTo(7.5);
    }

    @Test
    void aRadarWithoutPositionSigmaUsesItsRangeSigma() {
        SensorConfig radar =
                SensorConfig.withDefaults("r", "usa", SensorKind.GROUND_RADAR, GeoPoint.of(0, 0));
        assertThat(radar.sigmaPositionM()).isZero();
        assertThat(SensorDefaults.of(radar).horizontalSigmaM()).isEqualTo(radar.sigmaRangeM());
    }
}
