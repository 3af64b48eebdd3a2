package io.cordon.pipeline.sharing.redaction;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.FieldRules;
import io.cordon.pipeline.config.FieldRules.PositionRule;
import io.cordon.pipeline.config.Language;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class AlertRedactorTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:05:00Z");

    static Alert darkTarget() {
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("sourcePartners", "mex,usa");
        evidence.put("sourceSensors", "mex-drone-1,usa-radar-1");
        evidence.put("coveringSensors", "usa-radar-1");
        evidence.put("lastObservedLatDeg", "31.345678");
        evidence.put("lastObservedLonDeg", "-110.612345");
        evidence.put("anchorLatDeg", "31.3");
        evidence.put("identity", "mmsi:366123456");
        evidence.put("gapS", "45.0");
        return new Alert(
                "dark-target-1",
                AlertType.DARK_TARGET,
                Severity.MEDIUM,
                AlertState.NEW,
                T0,
                T0,
                new GeoPoint(31.345678, -110.612345, 1234),
                List.of("T1"),
                "dark-target",
                "1",
                Alert.evidence(evidence),
                Marking.UNRESTRICTED,
                "Track T1 (mmsi:366123456) unobserved for 45 s inside the coverage of usa-radar-1 at 31.34568, -110.61235.");
    }

    @Test
    void nothingToRedactInEnglishKeepsTheAlertAsIs() {
        Alert a = darkTarget();
        assertThat(AlertRedactor.redact(a, FieldRules.NONE, Language.EN)).isSameAs(a);
    }

    @Test
    void hidingSensorsAndIdentitiesRemovesTheirEvidenceAndRewritesTheSummary() {
        Alert r =
                AlertRedactor.redact(
                        darkTarget(),
                        new FieldRules(true, PositionRule.EXACT, 1000, true),
                        Language.EN);

        assertThat(r.evidence())
                .containsOnlyKeys(
                        "sourcePartners",
                        "lastObservedLatDeg",
                        "lastObservedLonDeg",
                        "anchorLatDeg",
                        "gapS");
        assertThat(r.summary())
                .isEqualTo(
                        "Dark target — severity medium (new), 2026-01-01 00:05:00 UTC, near 31.34568, -110.61235; tracks T1.")
                .doesNotContain("usa-radar-1")
                .doesNotContain("366123456");
        assertThat(r.location()).isEqualTo(darkTarget().location());
    }

    @Test
    void aGridSnapsTheLocationAndEveryEvidencePositionAndDropsUnpairedCoordinates() {
        PositionGrid grid = new PositionGrid(1000);
        Alert r =
                AlertRedactor.redact(
                        darkTarget(),
                        new FieldRules(false, PositionRule.GRID, 1000, false),
                        Language.FR);

        assertThat(grid.isCellCentre(r.location())).isTrue();
        assertThat(r.location().latDeg())
                .isCloseTo(31.345678, org.assertj.core.data.Offset.offset(0.0045));
        GeoPoint evidence =
                new GeoPoint(
                        Double.parseDouble(r.evidence().get("lastObservedLatDeg")),
                        Double.parseDouble(r.evidence().get("lastObservedLonDeg")),
                        0);
        assertThat(evidence.latDeg())
                .isEqualTo(
                        Double.parseDouble(
                                String.format(
                                        java.util.Locale.ROOT, "%.6f", r.location().latDeg())));
        assertThat(r.evidence()).doesNotContainKey("anchorLatDeg");
        assertThat(r.evidence()).containsEntry("identity", "mmsi:366123456");
        assertThat(r.summary())
                .isEqualTo(
                        String.format(
                                java.util.Locale.ROOT,
                                "Cible non coopérative — gravité moyenne (nouvelle), 2026-01-01 00:05:00"
                                        + " UTC, près de %.3f, %.3f; pistes T1.",
                                r.location().latDeg(),
                                r.location().lonDeg()));
        assertThat(r.summary()).doesNotContain("31.34568");
    }

    @Test
    void hiddenPositionsLeaveNoCoordinateAnywhere() {
        Alert r =
                AlertRedactor.redact(
                        darkTarget(),
                        new FieldRules(false, PositionRule.HIDDEN, 1000, false),
                        Language.PT);

        assertThat(r.location()).isNull();
        assertThat(r.evidence().keySet())
                .noneMatch(k -> k.endsWith("LatDeg") || k.endsWith("LonDeg"));
        assertThat(r.summary())
                .isEqualTo(
                        "Alvo não cooperativo — gravidade média (nova), 2026-01-01 00:05:00 UTC; trilhas T1.");
    }

    @Test
    void evidenceKeysAreClassifiedByTheNamingConvention() {
        assertThat(EvidenceField.of("coveringSensors")).isEqualTo(EvidenceField.SENSOR);
        assertThat(EvidenceField.of("crossingLatDeg")).isEqualTo(EvidenceField.LATITUDE);
        assertThat(EvidenceField.of("crossingLonDeg")).isEqualTo(EvidenceField.LONGITUDE);
        assertThat(EvidenceField.of("startAltM")).isEqualTo(EvidenceField.HEIGHT);
        assertThat(EvidenceField.of("identity")).isEqualTo(EvidenceField.IDENTITY);
        assertThat(EvidenceField.of("claimedMmsi")).isEqualTo(EvidenceField.IDENTITY);
        assertThat(EvidenceField.of("distanceToBorderM")).isEqualTo(EvidenceField.OTHER);
        assertThat(EvidenceField.of("sourcePartners")).isEqualTo(EvidenceField.OTHER);
    }
}
