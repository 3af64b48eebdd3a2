package io.cordon.pipeline.config;

import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one partner receives under its sharing agreement (see {@code
 * io.cordon.pipeline.sharing.SharingPolicy} for the order in which the rules are applied).
 *
 * <p>YAML: {@code alertTypes: [ALL]} or a list of {@link AlertType} names; {@code minSeverity} one
 * of {@link Severity}; {@code fromPartners: [ALL]} (the default) or a list of declared partner ids;
 * {@code areas} a list of {@code {name, wkt}}; {@code fields} the {@link FieldRules}; {@code
 * language} en, es, pt or fr; {@code tracks} the {@link TrackFeed}.
 *
 * @param alertTypes the alert types the partner receives (never empty)
 * @param minSeverity the least severity the partner receives
 * @param fromPartners the partners whose data an alert or track must derive from, at least one of
 *     them; empty means all partners
 * @param areas areas of interest; empty means everywhere
 * @param fields what the partner may see of what it receives
 * @param language language of human-readable text
 * @param tracks the fused-track feed
 */
public record SharingRule(
        Set<AlertType> alertTypes,
        Severity minSeverity,
        Set<String> fromPartners,
        List<AreaOfInterest> areas,
        FieldRules fields,
        Language language,
        TrackFeed tracks) {
    /** Every alert, from everyone, everywhere, nothing hidden, in English, no track feed. */
    public static final SharingRule ALL =
            new SharingRule(EnumSet.allOf(AlertType.class), Severity.INFO, Set.of());

    public SharingRule {
        if (alertTypes == null || alertTypes.isEmpty()) {
            throw new ConfigException(
                    "alertTypes",
                    alertTypes,
                    "[ALL] or a non-empty list of " + EnumSet.allOf(AlertType.class));
        }
        ConfigChecks.required(
                "minSeverity", minSeverity, "one of INFO, LOW, MEDIUM, HIGH, CRITICAL");
        alertTypes = Collections.unmodifiableSet(EnumSet.copyOf(alertTypes));
        fromPartners =
                Collections.unmodifiableSortedSet(
                        new TreeSet<>(fromPartners == null ? Set.of() : fromPartners));
        areas = List.copyOf(areas == null ? List.of() : areas);
        fields = fields == null ? FieldRules.NONE : fields;
        language = language == null ? Language.EN : language;
        tracks = tracks == null ? TrackFeed.OFF : tracks;
    }

    /** The agreement as it was before areas, field rules, language and track feeds existed. */
    public SharingRule(Set<AlertType> alertTypes, Severity minSeverity, Set<String> fromPartners) {
        this(alertTypes, minSeverity, fromPartners, List.of(), null, null, null);
    }

    /** True when alerts derived from any partner's data qualify. */
    public boolean fromAllPartners() {
        return fromPartners.isEmpty();
    }

    /** True when an alert derived from {@code partnerId}'s data qualifies. */
    public boolean acceptsFrom(String partnerId) {
        return fromPartners.isEmpty() || fromPartners.contains(partnerId);
    }

    /** True when the partner has no areas of interest (receives from everywhere). */
    public boolean everywhere() {
        return areas.isEmpty();
    }
}
