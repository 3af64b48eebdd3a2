package io.cordon.pipeline.sharing;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.config.FieldRules.PositionRule;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.SharingRule;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.sharing.redaction.AlertRedactor;
import io.cordon.pipeline.sharing.redaction.TrackRedactor;
import io.cordon.pipeline.sharing.text.AlertText;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * One version of the partners' sharing agreements: decides, for every alert message and track
 * update and every partner, whether the partner receives it, and what of it.
 *
 * <p>An alert message goes to a partner when, in this order (the first failing check is the
 * reason):
 *
 * <ol>
 *   <li>its marking releases it to the partner (DESIGN.md: a partner never receives data whose
 *       marking excludes it; no rule can override this);
 *   <li>its type is among {@link SharingRule#alertTypes()};
 *   <li>unless the rule takes alerts from all partners, it derives from at least one of {@link
 *       SharingRule#fromPartners()} (evidence key {@link Evidence#SOURCE_PARTNERS}; without it the
 *       provenance is unknown and the alert is withheld);
 *   <li>life cycle: an alert already delivered to the partner keeps going to it (updates and the
 *       closure reach the partners that received the original even when its severity drops or it
 *       moves out of their areas); a closure of an alert never delivered is withheld;
 *   <li>its severity is at least {@link SharingRule#minSeverity()};
 *   <li>its location lies in one of the partner's {@link SharingRule#areas()} (when it has areas;
 *       an alert without location is then withheld).
 * </ol>
 *
 * When checks 1 to 3 fail for an alert the partner received before, the partner gets a retraction
 * instead: a content-free closure (see {@link Decision.Outcome#RETRACT}). What is delivered is
 * redacted by the partner's field rules and written in its language ({@link AlertRedactor}).
 *
 * <p>Track updates: see {@link #releaseTrack}. Immutable and thread-safe; time comes with the data.
 */
public final class SharingPolicy {
    private final String version;
    private final List<PartnerConfig> partners;
    private final Map<String, AreasOfInterest> areas = new LinkedHashMap<>();

    /** Version "0": the agreements of the configuration file. */
    public SharingPolicy(List<PartnerConfig> partners) {
        this("0", partners);
    }

    /**
     * @param version the policy version written into every audit record (the {@code
     *     cordon.config.v1} version of the partners section, or a label for the file's)
     * @param partners the partners in declaration order
     */
    public SharingPolicy(String version, List<PartnerConfig> partners) {
        this.version = version;
        this.partners = List.copyOf(partners);
        for (PartnerConfig p : partners) {
            areas.put(p.id(), new AreasOfInterest(p.sharing().areas()));
        }
    }

    public String version() {
        return version;
    }

    public List<PartnerConfig> partners() {
        return partners;
    }

    public Optional<PartnerConfig> partner(String partnerId) {
        return partners.stream().filter(p -> p.id().equals(partnerId)).findFirst();
    }

    /** Ids of the partners that receive {@code alert} as a first message, in declaration order. */
    public List<String> recipients(Alert alert) {
        List<String> out = new ArrayList<>();
        for (PartnerConfig p : partners) {
            if (decide(p, alert).delivered()) {
                out.add(p.id());
            }
        }
        return out;
    }

    /** The decision for every partner, in declaration order, for an alert none has received. */
    public List<Decision> decideAll(Alert alert) {
        return partners.stream().map(p -> decide(p, alert)).toList();
    }

    /** Whether {@code partner} receives {@code alert}, which it has not received before. */
    public Decision decide(PartnerConfig partner, Alert alert) {
        return decide(partner, alert, null);
    }

    /**
     * Whether {@code partner} receives {@code alert}, and why.
     *
     * @param before what the partner received of this alert before, or null when nothing
     */
    public Decision decide(PartnerConfig partner, Alert alert, DeliveredAlert before) {
        SharingRule rule = partner.sharing();
        String excluded = excludedByMarkingOrAgreement(partner, alert);
        if (excluded != null) {
            return before == null
                    ? withheld(partner, alert, excluded)
                    : retract(partner, alert, excluded);
        }
        if (before != null) {
            return deliver(
                    partner,
                    alert,
                    "releasable; "
                            + alert.state()
                            + " of an alert delivered before (life cycle follows the original)");
        }
        if (alert.state() == AlertState.CLOSED) {
            return withheld(partner, alert, "closes an alert never delivered to " + partner.id());
        }
        if (!alert.severity().atLeast(rule.minSeverity())) {
            return withheld(
                    partner,
                    alert,
                    "severity " + alert.severity() + " below minSeverity " + rule.minSeverity());
        }
        AreasOfInterest aoi = areas(partner);
        String where = "";
        if (!aoi.everywhere()) {
            if (alert.location() == null) {
                return withheld(partner, alert, "no location to test against areas " + aoi.names());
            }
            Optional<String> area = aoi.areaHolding(alert.location());
            if (area.isEmpty()) {
                return withheld(partner, alert, "location outside areas " + aoi.names());
            }
            where = ", inside area " + area.get();
        }
        return deliver(
                partner,
                alert,
                "releasable; "
                        + alert.type()
                        + " "
                        + alert.severity()
                        + " meets the sharing rule"
                        + where);
    }

    /**
     * The decision and what goes to the partner: the alert redacted by its field rules and in its
     * language, or a retraction.
     *
     * @param before what the partner received of this alert before, or null
     */
    public AlertRelease release(PartnerConfig partner, Alert alert, DeliveredAlert before) {
        Decision d = decide(partner, alert, before);
        return switch (d.outcome()) {
            case WITHHELD -> new AlertRelease(d, null, null);
            case RETRACT -> new AlertRelease(d, retraction(partner, alert, before), null);
            case DELIVER -> {
                SharingRule rule = partner.sharing();
                Alert out = AlertRedactor.redact(alert, rule.fields(), rule.language());
                DeliveredAlert next =
                        alert.state() == AlertState.CLOSED
                                ? null
                                : new DeliveredAlert(
                                        alert.type(), alert.severity(), alert.windowStart());
                yield new AlertRelease(d, out, next);
            }
        };
    }

    /**
     * What goes to {@code partner} for one track update.
     *
     * <ol>
     *   <li>Withheld without a track feed, with positions HIDDEN, for TENTATIVE tracks, when the
     *       marking excludes the partner, when the track derives from none of {@code fromPartners},
     *       or outside the areas of interest. A track fused from releasable and non-releasable
     *       sources carries the intersection of their markings, so it is withheld, not recomputed
     *       (docs/architecture.md, "Partner outputs", says why).
     *   <li>If the partner was receiving the track, any of these ends the feed: a DELETED update at
     *       the last released position and time ({@link TrackRelease.Outcome#END}).
     *   <li>DELETED goes only to partners that were receiving the track.
     *   <li>Within {@code minIntervalS} of the last update sent, with the same status: skipped.
     * </ol>
     *
     * @param before the partner's feed state for this track, or null when it is not receiving it
     */
    public TrackRelease releaseTrack(
            PartnerConfig partner, EntityTrack track, TrackFeedState before) {
        SharingRule rule = partner.sharing();
        String excluded = trackExcluded(partner, track);
        if (excluded != null) {
            if (before == null
                    || track.status() == TrackStatus.TENTATIVE
                            && excluded.startsWith("TENTATIVE")) {
                return new TrackRelease(TrackRelease.Outcome.WITHHELD, excluded, null, before);
            }
            return new TrackRelease(
                    TrackRelease.Outcome.END, excluded, end(partner, track, before), null);
        }
        if (track.status() == TrackStatus.DELETED) {
            if (before == null) {
                return new TrackRelease(
                        TrackRelease.Outcome.WITHHELD,
                        "DELETED track never sent to " + partner.id(),
                        null,
                        null);
            }
            return new TrackRelease(
                    TrackRelease.Outcome.DELIVER,
                    "releasable; end of a track being sent",
                    TrackRedactor.redact(track, rule.fields()),
                    null);
        }
        if (before != null
                && before.status() == track.status()
                && Duration.between(before.time(), track.time()).toMillis()
                        < rule.tracks().minIntervalS() * 1000) {
            return new TrackRelease(
                    TrackRelease.Outcome.SKIP,
                    "within minIntervalS " + rule.tracks().minIntervalS() + " s of the last update",
                    null,
                    before);
        }
        EntityTrack out = TrackRedactor.redact(track, rule.fields());
        return new TrackRelease(
                TrackRelease.Outcome.DELIVER,
                "releasable",
                out,
                new TrackFeedState(track.time(), track.status(), out.position()));
    }

    /** Why the track may not go to the partner at all, or null when it may. */
    private String trackExcluded(PartnerConfig partner, EntityTrack track) {
        SharingRule rule = partner.sharing();
        if (!rule.tracks().enabled()) {
            return "no track feed in the agreement";
        }
        if (rule.fields().positions() == PositionRule.HIDDEN) {
            return "positions HIDDEN by the agreement: no track feed";
        }
        if (track.status() == TrackStatus.TENTATIVE) {
            return "TENTATIVE tracks are not shared";
        }
        if (!track.marking().releasableTo(partner.id())) {
            return "marking releasable only to "
                    + track.marking().partners()
                    + ", not "
                    + partner.id()
                    + " (fused from a source not releasable to it: withheld, not recomputed)";
        }
        if (!rule.fromAllPartners() && track.partnerIds().stream().noneMatch(rule::acceptsFrom)) {
            return "derived from "
                    + track.partnerIds()
                    + ", none in fromPartners "
                    + rule.fromPartners();
        }
        AreasOfInterest aoi = areas(partner);
        if (!aoi.contains(track.position())) {
            return "position outside areas " + aoi.names();
        }
        return null;
    }

    /** Checks 1 to 3: why the alert's content may not go to the partner at all, or null. */
    private static String excludedByMarkingOrAgreement(PartnerConfig partner, Alert alert) {
        SharingRule rule = partner.sharing();
        if (!alert.marking().releasableTo(partner.id())) {
            return "marking releasable only to "
                    + alert.marking().partners()
                    + ", not "
                    + partner.id();
        }
        if (!rule.alertTypes().contains(alert.type())) {
            return "type " + alert.type() + " not in alertTypes " + rule.alertTypes();
        }
        if (!rule.fromAllPartners()) {
            Collection<String> from = sourcePartners(alert);
            if (from.isEmpty()) {
                return "provenance unknown (no "
                        + Evidence.SOURCE_PARTNERS
                        + " evidence) and fromPartners is "
                        + rule.fromPartners();
            }
            if (from.stream().noneMatch(rule::acceptsFrom)) {
                return "derived from " + from + ", none in fromPartners " + rule.fromPartners();
            }
        }
        return null;
    }

    /** The partners an alert derives from, from its evidence; empty when unknown. */
    public static List<String> sourcePartners(Alert alert) {
        String sources = alert.evidence().get(Evidence.SOURCE_PARTNERS);
        if (sources == null || sources.isBlank()) {
            return List.of();
        }
        return Arrays.stream(sources.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    private AreasOfInterest areas(PartnerConfig partner) {
        AreasOfInterest a = areas.get(partner.id());
        return a != null ? a : new AreasOfInterest(partner.sharing().areas());
    }

    /**
     * The content-free closure of an alert the partner may no longer receive: id, type, severity
     * and window start as the partner last received them, state CLOSED, evidence {@code
     * withdrawn=true}, marking releasable to the partner only, and "withdrawn" in its language.
     */
    static Alert retraction(PartnerConfig partner, Alert alert, DeliveredAlert before) {
        Map<String, String> evidence = new TreeMap<>();
        evidence.put("withdrawn", "true");
        return new Alert(
                alert.alertId(),
                before.type(),
                before.severity(),
                AlertState.CLOSED,
                before.windowStart(),
                before.windowStart(),
                null,
                List.of(),
                "",
                "",
                Alert.evidence(evidence),
                Marking.releasableTo(Set.of(partner.id())),
                AlertText.withdrawn(before.type(), partner.sharing().language()));
    }

    /** A DELETED update at the last released position and time, with nothing else. */
    static EntityTrack end(PartnerConfig partner, EntityTrack track, TrackFeedState before) {
        return new EntityTrack(
                track.trackId(),
                TrackStatus.DELETED,
                before.time(),
                before.position(),
                Velocity.ZERO,
                null,
                new TreeSet<String>(),
                new TreeSet<String>(),
                CooperativeIdentity.NONE,
                Classification.UNKNOWN,
                Marking.releasableTo(Set.of(partner.id())),
                0);
    }

    private static Decision deliver(PartnerConfig partner, Alert alert, String reason) {
        return new Decision(partner.id(), alert.alertId(), Decision.Outcome.DELIVER, reason);
    }

    private static Decision retract(PartnerConfig partner, Alert alert, String reason) {
        return new Decision(
                partner.id(), alert.alertId(), Decision.Outcome.RETRACT, "withdrawn: " + reason);
    }

    private static Decision withheld(PartnerConfig partner, Alert alert, String reason) {
        return new Decision(partner.id(), alert.alertId(), Decision.Outcome.WITHHELD, reason);
    }
}
