package io.cordon.pipeline.sharing;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.SharingRule;
import io.cordon.pipeline.detect.Evidence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Decides which partners receive an alert. A partner receives it only when, in this order:
 *
 * <ol>
 *   <li>the alert's marking releases it to the partner (DESIGN.md: a partner never receives data
 *       whose marking excludes it; this check comes first and no rule can override it);
 *   <li>the alert's type is among the partner's {@link SharingRule#alertTypes()};
 *   <li>its severity is at least {@link SharingRule#minSeverity()};
 *   <li>unless the rule takes alerts from all partners, the alert derives from at least one of
 *       {@link SharingRule#fromPartners()}, read from the evidence key {@link
 *       Evidence#SOURCE_PARTNERS}; an alert without that evidence is withheld (provenance unknown).
 * </ol>
 *
 * The first failing check is the reason given. Stateless and thread-safe.
 */
public final class SharingPolicy {
    private final List<PartnerConfig> partners;

    public SharingPolicy(List<PartnerConfig> partners) {
        this.partners = List.copyOf(partners);
    }

    /** Ids of the partners that receive {@code alert}, in declaration order. */
    public List<String> recipients(Alert alert) {
        List<String> out = new ArrayList<>();
        for (PartnerConfig p : partners) {
            if (decide(p, alert).delivered()) {
                out.add(p.id());
            }
        }
        return out;
    }

    /** The decision for every partner, in declaration order (for the audit topic). */
    public List<Decision> decideAll(Alert alert) {
        return partners.stream().map(p -> decide(p, alert)).toList();
    }

    /** Whether {@code partner} receives {@code alert}, and why. */
    public Decision decide(PartnerConfig partner, Alert alert) {
        SharingRule rule = partner.sharing();
        if (!alert.marking().releasableTo(partner.id())) {
            return withheld(
                    partner,
                    alert,
                    "marking releasable only to "
                            + new java.util.TreeSet<>(alert.marking().partners())
                            + ", not "
                            + partner.id());
        }
        if (!rule.alertTypes().contains(alert.type())) {
            return withheld(
                    partner,
                    alert,
                    "type " + alert.type() + " not in alertTypes " + rule.alertTypes());
        }
        if (!alert.severity().atLeast(rule.minSeverity())) {
            return withheld(
                    partner,
                    alert,
                    "severity " + alert.severity() + " below minSeverity " + rule.minSeverity());
        }
        if (!rule.fromAllPartners()) {
            String sources = alert.evidence().get(Evidence.SOURCE_PARTNERS);
            if (sources == null || sources.isBlank()) {
                return withheld(
                        partner,
                        alert,
                        "provenance unknown (no "
                                + Evidence.SOURCE_PARTNERS
                                + " evidence) and"
                                + " fromPartners is "
                                + rule.fromPartners());
            }
            List<String> from = Arrays.asList(sources.split(","));
            if (from.stream().noneMatch(rule::acceptsFrom)) {
                return withheld(
                        partner,
                        alert,
                        "derived from " + from + ", none in fromPartners " + rule.fromPartners());
            }
        }
        return new Decision(
                partner.id(),
                alert.alertId(),
                Decision.Outcome.DELIVER,
                "releasable; " + alert.type() + " " + alert.severity() + " meets the sharing rule");
    }

    private static Decision withheld(PartnerConfig partner, Alert alert, String reason) {
        return new Decision(partner.id(), alert.alertId(), Decision.Outcome.WITHHELD, reason);
    }
}
