package io.cordon.pipeline.sharing.text;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.Language;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One line for a human about an alert, in the partner's language, written only from the fields the
 * partner receives (so it cannot reveal what redaction removed). Numbers use a point as decimal
 * separator in every language, as coordinates are usually written in C2 systems.
 *
 * <p>Example (es): {@code Cruce de frontera — gravedad alta (nueva), 2026-01-01 00:05:00 UTC, cerca
 * de 31.334, -110.601 (MEX → USA); pistas T1.}
 */
public final class AlertText {
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
                    .withZone(ZoneOffset.UTC);

    private record Words(
            Map<AlertType, String> types,
            List<String> severities,
            List<String> states,
            String severity,
            String near,
            String tracks,
            String withdrawn) {}

    private static final Map<Language, Words> WORDS = new EnumMap<>(Language.class);

    static {
        WORDS.put(
                Language.EN,
                new Words(
                        types(
                                "Border crossing",
                                "Loitering",
                                "Rendezvous",
                                "Dark target",
                                "Low, slow flyer",
                                "Zone intrusion",
                                "Identity conflict",
                                "Convoy"),
                        List.of("info", "low", "medium", "high", "critical"),
                        List.of("new", "updated", "closed"),
                        "severity",
                        "near",
                        "tracks",
                        "withdrawn"));
        WORDS.put(
                Language.ES,
                new Words(
                        types(
                                "Cruce de frontera",
                                "Merodeo",
                                "Encuentro",
                                "Objetivo no cooperativo",
                                "Vuelo bajo y lento",
                                "Intrusión en zona",
                                "Conflicto de identidad",
                                "Convoy"),
                        List.of("informativa", "baja", "media", "alta", "crítica"),
                        List.of("nueva", "actualizada", "cerrada"),
                        "gravedad",
                        "cerca de",
                        "pistas",
                        "retirada"));
        WORDS.put(
                Language.PT,
                new Words(
                        types(
                                "Travessia de fronteira",
                                "Permanência suspeita",
                                "Encontro",
                                "Alvo não cooperativo",
                                "Voo baixo e lento",
                                "Intrusão em zona",
                                "Conflito de identidade",
                                "Comboio"),
                        List.of("informativa", "baixa", "média", "alta", "crítica"),
                        List.of("nova", "atualizada", "encerrada"),
                        "gravidade",
                        "perto de",
                        "trilhas",
                        "retirada"));
        WORDS.put(
                Language.FR,
                new Words(
                        types(
                                "Franchissement de frontière",
                                "Stationnement suspect",
                                "Rendez-vous",
                                "Cible non coopérative",
                                "Vol lent à basse altitude",
                                "Intrusion dans une zone",
                                "Conflit d'identité",
                                "Convoi"),
                        List.of("information", "faible", "moyenne", "élevée", "critique"),
                        List.of("nouvelle", "mise à jour", "clôturée"),
                        "gravité",
                        "près de",
                        "pistes",
                        "retirée"));
    }

    private AlertText() {}

    /**
     * The line for {@code alert} in {@code language}, coordinates with {@code decimals} decimals.
     */
    public static String render(Alert alert, Language language, int decimals) {
        Words w = WORDS.get(language);
        StringBuilder sb = new StringBuilder();
        sb.append(w.types().get(alert.type()))
                .append(" — ")
                .append(w.severity())
                .append(' ')
                .append(severity(alert.severity(), language))
                .append(" (")
                .append(state(alert.state(), language))
                .append("), ")
                .append(TIME.format(alert.windowStart()))
                .append(" UTC");
        if (alert.location() != null) {
            sb.append(", ")
                    .append(w.near())
                    .append(' ')
                    .append(
                            String.format(
                                    Locale.ROOT, "%." + decimals + "f", alert.location().latDeg()))
                    .append(", ")
                    .append(
                            String.format(
                                    Locale.ROOT, "%." + decimals + "f", alert.location().lonDeg()));
        }
        String from = alert.evidence().get("fromCountry");
        String to = alert.evidence().get("toCountry");
        if (from != null && to != null && !from.isBlank() && !to.isBlank()) {
            sb.append(" (").append(from).append(" → ").append(to).append(')');
        }
        String zone = alert.evidence().get("zoneName");
        if (zone != null && !zone.isBlank()) {
            sb.append(" (").append(zone).append(')');
        }
        if (!alert.trackIds().isEmpty()) {
            sb.append("; ")
                    .append(w.tracks())
                    .append(' ')
                    .append(String.join(", ", alert.trackIds()));
        }
        return sb.append('.').toString();
    }

    /** "Border crossing — withdrawn." in the language: the text of a retraction. */
    public static String withdrawn(AlertType type, Language language) {
        Words w = WORDS.get(language);
        return w.types().get(type) + " — " + w.withdrawn() + ".";
    }

    /** The severity word in the language. */
    public static String severity(Severity s, Language language) {
        return WORDS.get(language).severities().get(s.ordinal());
    }

    /** The life-cycle word in the language. */
    public static String state(AlertState s, Language language) {
        return WORDS.get(language).states().get(s.ordinal());
    }

    /** The alert type's name in the language. */
    public static String type(AlertType t, Language language) {
        return WORDS.get(language).types().get(t);
    }

    private static Map<AlertType, String> types(String... names) {
        AlertType[] all = AlertType.values();
        if (names.length != all.length) {
            throw new IllegalStateException("a name for each of " + List.of(all));
        }
        Map<AlertType, String> m = new EnumMap<>(AlertType.class);
        for (int i = 0; i < all.length; i++) {
            m.put(all[i], names[i]);
        }
        return m;
    }
}
