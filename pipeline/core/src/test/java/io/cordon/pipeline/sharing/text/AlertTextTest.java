package io.cordon.pipeline.sharing.text;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.Language;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The human-readable alert line in English, Spanish, Portuguese and French. The expected lines are
 * written by hand (a translator's reading), not copied from the code's output.
 */
class AlertTextTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:05:00Z");

    static Alert crossing(AlertState state, Severity severity) {
        return new Alert(
                "crossing-1",
                AlertType.BORDER_CROSSING,
                severity,
                state,
                T0,
                T0,
                GeoPoint.of(31.33412, -110.60087),
                List.of("T1", "T7"),
                "border",
                "1",
                Alert.evidence(Map.of("fromCountry", "MEX", "toCountry", "USA")),
                Marking.UNRESTRICTED,
                "");
    }

    @Test
    void aCrossingReadsNaturallyInEachLanguage() {
        Alert a = crossing(AlertState.NEW, Severity.HIGH);
        assertThat(AlertText.render(a, Language.EN, 3))
                .isEqualTo(
                        "Border crossing — severity high (new), 2026-01-01 00:05:00 UTC, near"
                                + " 31.334, -110.601 (MEX → USA); tracks T1, T7.");
        assertThat(AlertText.render(a, Language.ES, 3))
                .isEqualTo(
                        "Cruce de frontera — gravedad alta (nueva), 2026-01-01 00:05:00 UTC, cerca"
                                + " de 31.334, -110.601 (MEX → USA); pistas T1, T7.");
        assertThat(AlertText.render(a, Language.PT, 3))
                .isEqualTo(
                        "Travessia de fronteira — gravidade alta (nova), 2026-01-01 00:05:00 UTC,"
                                + " perto de 31.334, -110.601 (MEX → USA); trilhas T1, T7.");
        assertThat(AlertText.render(a, Language.FR, 3))
                .isEqualTo(
                        "Franchissement de frontière — gravité élevée (nouvelle), 2026-01-01"
                                + " 00:05:00 UTC, près de 31.334, -110.601 (MEX → USA); pistes T1,"
                                + " T7.");
    }

    @Test
    void updatesClosuresAndSeveritiesAreTranslated() {
        assertThat(AlertText.render(crossing(AlertState.UPDATE, Severity.LOW), Language.ES, 2))
                .startsWith("Cruce de frontera — gravedad baja (actualizada), ")
                .contains("cerca de 31.33, -110.60");
        assertThat(AlertText.render(crossing(AlertState.CLOSED, Severity.CRITICAL), Language.PT, 3))
                .startsWith("Travessia de fronteira — gravidade crítica (encerrada), ");
        assertThat(AlertText.render(crossing(AlertState.UPDATE, Severity.MEDIUM), Language.FR, 3))
                .startsWith("Franchissement de frontière — gravité moyenne (mise à jour), ");
        assertThat(AlertText.render(crossing(AlertState.CLOSED, Severity.INFO), Language.EN, 3))
                .startsWith("Border crossing — severity info (closed), ");
    }

    @Test
    void aRetractionSaysWithdrawnInTheLanguage() {
        assertThat(AlertText.withdrawn(AlertType.LOITERING, Language.EN))
                .isEqualTo("Loitering — withdrawn.");
        assertThat(AlertText.withdrawn(AlertType.LOITERING, Language.ES))
                .isEqualTo("Merodeo — retirada.");
        assertThat(AlertText.withdrawn(AlertType.CONVOY, Language.PT))
                .isEqualTo("Comboio — retirada.");
        assertThat(AlertText.withdrawn(AlertType.ZONE_INTRUSION, Language.FR))
                .isEqualTo("Intrusion dans une zone — retirée.");
    }

    @Test
    void anAlertWithoutLocationOrTracksSaysNeither() {
        Alert a =
                new Alert(
                        "dark-1",
                        AlertType.DARK_TARGET,
                        Severity.MEDIUM,
                        AlertState.NEW,
                        T0,
                        T0,
                        null,
                        List.of(),
                        "dark",
                        "1",
                        Alert.evidence(Map.of()),
                        Marking.UNRESTRICTED,
                        "");
        assertThat(AlertText.render(a, Language.FR, 3))
                .isEqualTo(
                        "Cible non coopérative — gravité moyenne (nouvelle), 2026-01-01 00:05:00"
                                + " UTC.");
    }

    /** No word is missing or left in English in another language (cognates aside). */
    @ParameterizedTest
    @EnumSource(
            value = Language.class,
            names = {"ES", "PT", "FR"})
    void everyTypeSeverityAndStateHasItsOwnWord(Language language) {
        Set<String> types = new HashSet<>();
        for (AlertType t : AlertType.values()) {
            String word = AlertText.type(t, language);
            assertThat(word).isNotBlank();
            types.add(word);
        }
        assertThat(types).hasSize(AlertType.values().length);
        Set<AlertType> cognates = EnumSet.of(AlertType.CONVOY, AlertType.RENDEZVOUS);
        for (AlertType t : EnumSet.complementOf(EnumSet.copyOf(cognates))) {
            assertThat(AlertText.type(t, language))
                    .as("%s in %s", t, language)
                    .isNotEqualTo(AlertText.type(t, Language.EN));
        }
        Set<String> severities = new HashSet<>();
        for (Severity s : Severity.values()) {
            severities.add(AlertText.severity(s, language));
        }
        assertThat(severities).hasSize(Severity.values().length);
        Set<String> states = new HashSet<>();
        for (AlertState s : AlertState.values()) {
            String word = AlertText.state(s, language);
            assertThat(word).isNotEqualTo(AlertText.state(s, Language.EN));
            states.add(word);
        }
        assertThat(states).hasSize(AlertState.values().length);
    }
}
