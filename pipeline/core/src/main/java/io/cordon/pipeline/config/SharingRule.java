package io.cordon.pipeline.config;

import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.TreeSet;

/**
 * What one partner receives under its sharing agreement. An alert goes to the partner only when all
 * three hold and the alert's marking releases it to the partner (see {@code
 * io.cordon.pipeline.sharing.SharingPolicy}).
 *
 * <p>YAML: {@code alertTypes: [ALL]} or a list of {@link AlertType} names; {@code minSeverity} one
 * of {@link Severity}; {@code fromPartners: [ALL]} (the default) or a list of declared partner ids.
 *
 * @param alertTypes the alert types the partner receives (never empty)
 * @param minSeverity the least severity the partner receives
 * @param fromPartners the partners whose data the alert must derive from, at least one of them;
 *     empty means all partners
 */
public record SharingRule(
        Set<AlertType> alertTypes, Severity minSeverity, Set<String> fromPartners) {
    /** Everything, from everyone. */
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
    }

    /** True when alerts derived from any partner's data qualify. */
    public boolean fromAllPartners() {
        return fromPartners.isEmpty();
    }

    /** True when an alert derived from {@code partnerId}'s data qualifies. */
    public boolean acceptsFrom(String partnerId) {
        return fromPartners.isEmpty() || fromPartners.contains(partnerId);
    }
}
