package io.cordon.pipeline.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The example config's partners: usa gets everything, mex LOW+ of five types, can HIGH+ crossings
 * from usa data.
 */
class SharingPolicyTest {
    static final CordonConfig EXAMPLE = CordonConfig.load(Path.of("../../deploy/cordon.yaml"));
    static final SharingPolicy POLICY = new SharingPolicy(EXAMPLE.partners());
    static final PartnerConfig CAN = EXAMPLE.partner("can").orElseThrow();
    static final PartnerConfig MEX = EXAMPLE.partner("mex").orElseThrow();

    static Alert alert(AlertType type, Severity severity, String sourcePartners, Marking marking) {
        Map<String, String> evidence =
                sourcePartners == null
                        ? Map.of()
                        : Map.of(Evidence.SOURCE_PARTNERS, sourcePartners);
        Instant t = Instant.parse("2026-01-01T00:05:00Z");
        return new Alert(
                "a-1",
                type,
                severity,
                AlertState.NEW,
                t,
                t,
                GeoPoint.of(31.3333, -110.6),
                List.of("T1"),
                "test",
                "1",
                Alert.evidence(evidence),
                marking,
                "");
    }

    @Test
    void aHighCrossingFromUsDataGoesToEveryone() {
        Alert a = alert(AlertType.BORDER_CROSSING, Severity.HIGH, "usa", Marking.UNRESTRICTED);

        assertThat(POLICY.recipients(a)).containsExactly("usa", "mex", "can");
    }

    @Test
    void theObserverOnlyGetsAlertsDerivedFromItsListedPartners() {
        Alert fromMexData =
                alert(AlertType.BORDER_CROSSING, Severity.HIGH, "mex", Marking.UNRESTRICTED);
        Alert fromBoth =
                alert(AlertType.BORDER_CROSSING, Severity.HIGH, "mex,usa", Marking.UNRESTRICTED);

        assertThat(POLICY.recipients(fromMexData)).containsExactly("usa", "mex");
        assertThat(POLICY.decide(CAN, fromMexData).reason())
                .contains("derived from [mex]")
                .contains("[usa]");
        assertThat(POLICY.recipients(fromBoth)).containsExactly("usa", "mex", "can");
    }

    @Test
    void typeAndSeverityRulesFilter() {
        assertThat(
                        POLICY.recipients(
                                alert(
                                        AlertType.LOITERING,
                                        Severity.MEDIUM,
                                        "usa",
                                        Marking.UNRESTRICTED)))
                .containsExactly("usa", "mex");
        assertThat(
                        POLICY.recipients(
                                alert(
                                        AlertType.BORDER_CROSSING,
                                        Severity.INFO,
                                        "usa",
                                        Marking.UNRESTRICTED)))
                .containsExactly("usa");
        assertThat(
                        POLICY.recipients(
                                alert(
                                        AlertType.IDENTITY_CONFLICT,
                                        Severity.CRITICAL,
                                        "usa",
                                        Marking.UNRESTRICTED)))
                .containsExactly("usa");
    }

    @Test
    void theMarkingWinsOverEverySharingRule() {
        Alert restricted =
                alert(
                        AlertType.BORDER_CROSSING,
                        Severity.CRITICAL,
                        "usa",
                        Marking.releasableTo(List.of("mex", "usa")));

        assertThat(POLICY.recipients(restricted)).containsExactly("usa", "mex");
        Decision d = POLICY.decide(CAN, restricted);
        assertThat(d.outcome()).isEqualTo(Decision.Outcome.WITHHELD);
        // Marking.partners() iterates in hash order, so the reason lists both ids in either order
        assertThat(d.reason())
                .contains("marking")
                .contains("mex")
                .contains("usa")
                .endsWith("not can");
    }

    @Test
    void withoutProvenanceARestrictedRuleWithholds() {
        Alert unknownSource =
                alert(AlertType.BORDER_CROSSING, Severity.HIGH, null, Marking.UNRESTRICTED);

        assertThat(POLICY.recipients(unknownSource)).containsExactly("usa", "mex");
        assertThat(POLICY.decide(CAN, unknownSource).reason()).contains("provenance unknown");
    }

    @Test
    void everyDecisionHasAReasonForTheAudit() {
        Alert a = alert(AlertType.BORDER_CROSSING, Severity.LOW, "usa", Marking.UNRESTRICTED);

        List<Decision> all = POLICY.decideAll(a);

        assertThat(all).extracting(Decision::partnerId).containsExactly("usa", "mex", "can");
        assertThat(all)
                .extracting(Decision::outcome)
                .containsExactly(
                        Decision.Outcome.DELIVER,
                        Decision.Outcome.DELIVER,
                        Decision.Outcome.WITHHELD);
        assertThat(all.get(2).reason()).isEqualTo("severity LOW below minSeverity HIGH");
        assertThat(POLICY.decide(MEX, a).reason()).isNotBlank();
        assertThat(all).allSatisfy(d -> assertThat(d.alertId()).isEqualTo("a-1"));
    }
}
