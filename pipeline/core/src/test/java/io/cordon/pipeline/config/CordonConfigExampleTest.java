package io.cordon.pipeline.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.observation.SensorKind;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class CordonConfigExampleTest {
    static final Path EXAMPLE = Path.of("../../deploy/cordon.yaml");

    @Test
    void theExampleFileLoads() {
        CordonConfig c = CordonConfig.load(EXAMPLE);

        assertThat(c.kafka().bootstrapServers()).isEqualTo("localhost:9092");
        assertThat(c.topics()).isEqualTo(Topics.DEFAULTS);
        assertThat(c.reference().latDeg()).isEqualTo(31.3333);
        assertThat(c.reference().lonDeg()).isEqualTo(-110.6);
        assertThat(c.reference().altM()).isEqualTo(1200.0);
        assertThat(c.partners()).extracting(PartnerConfig::id).containsExactly("usa", "mex", "can");
        assertThat(c.sensors())
                .extracting(SensorConfig::kind)
                .containsExactly(
                        SensorKind.GROUND_RADAR,
                        SensorKind.GROUND_RADAR,
                        SensorKind.DRONE,
                        SensorKind.DRONE,
                        SensorKind.DRONE,
                        SensorKind.SATELLITE,
                        SensorKind.GROUND_SENSOR,
                        SensorKind.AIS);
        assertThat(Files.isReadable(c.borders().file())).isTrue();
        assertThat(c.borders().portsOfEntry()).hasSize(3);
        assertThat(c.zones()).hasSize(1);
        assertThat(c.simulation().speedup()).isEqualTo(10.0);
        // the demo shows low-slow flyers and an air meeting; a file without them simulates none
        assertThat(c.simulation().lowFlyers()).isEqualTo(2);
        assertThat(c.simulation().airMeetings()).isEqualTo(1);
    }

    @Test
    void sharingRulesDifferBetweenPartners() {
        CordonConfig c = CordonConfig.load(EXAMPLE);

        SharingRule usa = c.partner("usa").orElseThrow().sharing();
        SharingRule mex = c.partner("mex").orElseThrow().sharing();
        SharingRule can = c.partner("can").orElseThrow().sharing();
        assertThat(usa.alertTypes()).containsExactlyInAnyOrder(AlertType.values());
        assertThat(usa.fromAllPartners()).isTrue();
        assertThat(mex.alertTypes()).doesNotContain(AlertType.IDENTITY_CONFLICT);
        assertThat(mex.minSeverity()).isEqualTo(Severity.LOW);
        assertThat(can.alertTypes()).containsExactly(AlertType.BORDER_CROSSING);
        assertThat(can.minSeverity()).isEqualTo(Severity.HIGH);
        assertThat(can.fromPartners()).containsExactly("usa");
    }

    @Test
    void omittedSensorNumbersTakeTheDefaultsOfTheKind() {
        CordonConfig c = CordonConfig.load(EXAMPLE);

        SensorConfig radar = c.sensor("mex-radar-1").orElseThrow();
        SensorDefaults d = SensorDefaults.of(SensorKind.GROUND_RADAR);
        assertThat(radar.rangeM()).isEqualTo(d.rangeM());
        assertThat(radar.periodS()).isEqualTo(d.periodS());
        assertThat(radar.sigmaRangeM()).isEqualTo(d.sigmaRangeM());
        assertThat(radar.sigmaAzimuthDeg()).isEqualTo(d.sigmaAzimuthDeg());
        assertThat(radar.detectionProbability()).isEqualTo(d.detectionProbability());
        assertThat(c.sensor("usa-drone-1").orElseThrow().sigmaPositionM())
                .isEqualTo(SensorDefaults.of(SensorKind.DRONE).sigmaPositionM());
    }

    @Test
    void releasabilityIsRestrictedWhereDeclared() {
        CordonConfig c = CordonConfig.load(EXAMPLE);

        var drone = c.sensor("mex-drone-1").orElseThrow().releasability();
        assertThat(drone.releasableTo("mex")).isTrue();
        assertThat(drone.releasableTo("usa")).isTrue();
        assertThat(drone.releasableTo("can")).isFalse();
        assertThat(c.sensor("usa-radar-1").orElseThrow().releasability().releasableToAll())
                .isTrue();
    }

    @Test
    void partnerTopicsFollowTheNamingContract() {
        assertThat(Topics.DEFAULTS.partnerAlerts("mex")).isEqualTo("cordon.partner.mex.alerts.v1");
        assertThat(Topics.DEFAULTS.partnerTracks("mex")).isEqualTo("cordon.partner.mex.tracks.v1");
    }

    @Test
    void aMinimalFileGetsEveryDefault() {
        CordonConfig c =
                CordonConfig.parse("reference: {latDeg: 31.3333, lonDeg: -110.6}\n", Path.of("."));

        assertThat(c.kafka()).isEqualTo(KafkaSettings.DEFAULT);
        assertThat(c.topics()).isEqualTo(Topics.DEFAULTS);
        assertThat(c.partners()).isEmpty();
        assertThat(c.borders()).isEqualTo(BorderConfig.NONE);
        assertThat(c.simulation()).isEqualTo(SimulationConfig.DEFAULT);
        assertThat(c.reference().altM()).isEqualTo(0.0);
    }
}
