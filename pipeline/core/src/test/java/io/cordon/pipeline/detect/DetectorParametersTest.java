package io.cordon.pipeline.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.DetectorSettings;
import io.cordon.pipeline.config.ParameterSection;
import io.cordon.pipeline.detect.convoy.ConvoyParameters;
import io.cordon.pipeline.detect.crossing.BorderCrossingParameters;
import io.cordon.pipeline.detect.dark.DarkTargetParameters;
import io.cordon.pipeline.detect.identity.IdentityConflictParameters;
import io.cordon.pipeline.detect.loitering.LoiteringParameters;
import io.cordon.pipeline.detect.lowslow.LowSlowFlyerParameters;
import io.cordon.pipeline.detect.rendezvous.RendezvousParameters;
import io.cordon.pipeline.detect.zone.ZoneIntrusionParameters;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Every detector's parameters read from {@code cordon.yaml}: the example's values are the
 * documented defaults.
 */
class DetectorParametersTest {
    static final DetectorSettings EXAMPLE =
            CordonConfig.load(Path.of("../../deploy/cordon.yaml")).detectors();

    private static ParameterSection section(String detector, String yaml) {
        return CordonConfig.parse(
                        "reference: {latDeg: 31.3, lonDeg: -110.6}\ndetectors:\n  "
                                + detector
                                + ": "
                                + yaml
                                + "\n",
                        Path.of("."))
                .detectors()
                .of(detector);
    }

    @Test
    void theExampleSpellsOutEveryDefault() {
        assertThat(EXAMPLE.sections().keySet())
                .containsExactlyInAnyOrderElementsOf(DetectorSettings.KNOWN);
        assertThat(BorderCrossingParameters.from(EXAMPLE.of("borderCrossing")))
                .isEqualTo(BorderCrossingParameters.DEFAULTS);
        assertThat(LoiteringParameters.from(EXAMPLE.of("loitering")))
                .isEqualTo(LoiteringParameters.DEFAULTS);
        assertThat(RendezvousParameters.from(EXAMPLE.of("rendezvous")))
                .isEqualTo(RendezvousParameters.DEFAULTS);
        assertThat(DarkTargetParameters.from(EXAMPLE.of("darkTarget")))
                .isEqualTo(DarkTargetParameters.DEFAULTS);
        assertThat(ZoneIntrusionParameters.from(EXAMPLE.of("zoneIntrusion")))
                .isEqualTo(ZoneIntrusionParameters.DEFAULTS);
        assertThat(IdentityConflictParameters.from(EXAMPLE.of("identityConflict")))
                .isEqualTo(IdentityConflictParameters.DEFAULTS);
        assertThat(LowSlowFlyerParameters.from(EXAMPLE.of("lowSlowFlyer")))
                .isEqualTo(LowSlowFlyerParameters.DEFAULTS);
        assertThat(ConvoyParameters.from(EXAMPLE.of("convoy")))
                .isEqualTo(ConvoyParameters.DEFAULTS);
    }

    @Test
    void misspeltKeysAreNamedForEveryDetector() {
        assertThatThrownBy(
                        () -> LoiteringParameters.from(section("loitering", "{minDuration: 60}")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("detectors.loitering.minDuration");
        assertThatThrownBy(
                        () -> RendezvousParameters.from(section("rendezvous", "{maxDistance: 60}")))
                .hasMessageContaining("detectors.rendezvous.maxDistance");
        assertThatThrownBy(() -> DarkTargetParameters.from(section("darkTarget", "{gapS: 60}")))
                .hasMessageContaining("detectors.darkTarget.gapS");
        assertThatThrownBy(
                        () ->
                                ZoneIntrusionParameters.from(
                                        section("zoneIntrusion", "{depthM: 60}")))
                .hasMessageContaining("detectors.zoneIntrusion.depthM");
        assertThatThrownBy(
                        () ->
                                IdentityConflictParameters.from(
                                        section("identityConflict", "{separationM: 60}")))
                .hasMessageContaining("detectors.identityConflict.separationM");
    }

    @Test
    void invalidValuesNameKeyValueAndAllowed() {
        assertThatThrownBy(
                        () ->
                                DarkTargetParameters.from(
                                        section("darkTarget", "{maxMissProbability: 2}")))
                .hasMessage(
                        "detectors.darkTarget.maxMissProbability: found 2.0; allowed: a probability in (0, 1)");
        assertThatThrownBy(
                        () ->
                                RendezvousParameters.from(
                                        section(
                                                "rendezvous",
                                                "{maxDistanceM: 100, separationM: 80}")))
                .hasMessage(
                        "detectors.rendezvous.separationM: found 80.0; allowed: metres >= maxDistanceM (100.0)");
        assertThatThrownBy(
                        () -> LoiteringParameters.from(section("loitering", "{severity: URGENT}")))
                .hasMessageContaining("detectors.loitering.severity")
                .hasMessageContaining("one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
    }

    @Test
    void convoyParametersNameKeyValueAndAllowed() {
        assertThatThrownBy(() -> ConvoyParameters.from(section("convoy", "{minTracks: 2}")))
                .hasMessage(
                        "detectors.convoy.minTracks: found 2; allowed: an integer from 3 to 1000");
        assertThatThrownBy(
                        () -> ConvoyParameters.from(section("convoy", "{maxHeadingDiffDeg: 200}")))
                .hasMessage(
                        "detectors.convoy.maxHeadingDiffDeg: found 200.0; allowed: degrees in (0, 180]");
        assertThatThrownBy(() -> ConvoyParameters.from(section("convoy", "{linkDistance: 60}")))
                .hasMessageContaining("detectors.convoy.linkDistance");
        ConvoyParameters sea =
                ConvoyParameters.from(section("convoy", "{linkDistanceM: 1000, haloM: 10000}"));
        assertThat(sea.separationM()).isEqualTo(1500);
        assertThat(sea.minTracks()).isEqualTo(3);
    }

    @Test
    void theRendezvousSeparationFollowsTheDistanceWhenNotGiven() {
        assertThat(
                        RendezvousParameters.from(section("rendezvous", "{maxDistanceM: 500}"))
                                .separationM())
                .isEqualTo(750);
    }
}
