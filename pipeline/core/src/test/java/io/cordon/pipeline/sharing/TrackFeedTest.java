package io.cordon.pipeline.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.AreaOfInterest;
import io.cordon.pipeline.config.FieldRules;
import io.cordon.pipeline.config.FieldRules.PositionRule;
import io.cordon.pipeline.config.Language;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.SharingRule;
import io.cordon.pipeline.config.TrackFeed;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Per-partner track feeds: areas, markings, field rules, rate limit, and how a feed ends. */
class TrackFeedTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final String STRIP =
            "POLYGON ((-111 31.2, -110.2 31.2, -110.2 31.45, -111 31.45, -111 31.2))";

    static PartnerConfig partner(FieldRules fields, double minIntervalS) {
        return new PartnerConfig(
                "mex",
                "Mexico",
                "MEX",
                new SharingRule(
                        EnumSet.allOf(AlertType.class),
                        Severity.INFO,
                        Set.of(),
                        List.of(new AreaOfInterest("strip", STRIP)),
                        fields,
                        Language.ES,
                        new TrackFeed(true, minIntervalS)));
    }

    static EntityTrack track(
            double secondsAfterT0, TrackStatus status, GeoPoint where, Marking marking) {
        return new EntityTrack(
                "T1",
                status,
                T0.plusMillis((long) (secondsAfterT0 * 1000)),
                where,
                new Velocity(3.4, -1.6, 0),
                StateCovariance.diagonal(5, 1),
                new TreeSet<>(Set.of("usa-radar-1", "mex-drone-1")),
                new TreeSet<>(Set.of("usa", "mex")),
                new CooperativeIdentity("366123456", "", "BOAT", ""),
                new Classification(TargetClass.LAND_VEHICLE, 0.8),
                marking,
                12);
    }

    static final GeoPoint IN = new GeoPoint(31.33331, -110.60007, 1203);
    static final GeoPoint OUT = GeoPoint.of(31.6, -110.6);

    @Test
    void aFeedDeliversRateLimitsAndPassesStatusChanges() {
        PartnerConfig p = partner(FieldRules.NONE, 5);
        SharingPolicy policy = new SharingPolicy(List.of(p));

        TrackRelease first =
                policy.releaseTrack(
                        p, track(0, TrackStatus.CONFIRMED, IN, Marking.UNRESTRICTED), null);
        TrackRelease tooSoon =
                policy.releaseTrack(
                        p, track(2, TrackStatus.CONFIRMED, IN, Marking.UNRESTRICTED), first.next());
        TrackRelease coasting =
                policy.releaseTrack(
                        p, track(3, TrackStatus.COASTING, IN, Marking.UNRESTRICTED), first.next());
        TrackRelease later =
                policy.releaseTrack(
                        p,
                        track(8.5, TrackStatus.COASTING, IN, Marking.UNRESTRICTED),
                        coasting.next());
        TrackRelease deleted =
                policy.releaseTrack(
                        p, track(9, TrackStatus.DELETED, IN, Marking.UNRESTRICTED), later.next());

        assertThat(first.outcome()).isEqualTo(TrackRelease.Outcome.DELIVER);
        assertThat(first.message())
                .isEqualTo(track(0, TrackStatus.CONFIRMED, IN, Marking.UNRESTRICTED));
        assertThat(tooSoon.outcome()).isEqualTo(TrackRelease.Outcome.SKIP);
        assertThat(tooSoon.next()).isEqualTo(first.next());
        assertThat(coasting.outcome()).isEqualTo(TrackRelease.Outcome.DELIVER);
        assertThat(later.outcome()).isEqualTo(TrackRelease.Outcome.DELIVER);
        assertThat(deleted.outcome()).isEqualTo(TrackRelease.Outcome.DELIVER);
        assertThat(deleted.next()).isNull();
    }

    @Test
    void tentativeTracksAndTracksOutsideTheAreasAreWithheld() {
        PartnerConfig p = partner(FieldRules.NONE, 0);
        SharingPolicy policy = new SharingPolicy(List.of(p));

        assertThat(
                        policy.releaseTrack(
                                        p,
                                        track(0, TrackStatus.TENTATIVE, IN, Marking.UNRESTRICTED),
                                        null)
                                .outcome())
                .isEqualTo(TrackRelease.Outcome.WITHHELD);
        assertThat(
                        policy.releaseTrack(
                                        p,
                                        track(0, TrackStatus.CONFIRMED, OUT, Marking.UNRESTRICTED),
                                        null)
                                .reason())
                .isEqualTo("position outside areas [strip]");
        assertThat(
                        policy.releaseTrack(
                                        p,
                                        track(0, TrackStatus.DELETED, IN, Marking.UNRESTRICTED),
                                        null)
                                .outcome())
                .isEqualTo(TrackRelease.Outcome.WITHHELD);
    }

    @Test
    void aTrackFusedWithANonReleasableSourceEndsTheFeedAtTheLastReleasedState() {
        PartnerConfig p = partner(new FieldRules(false, PositionRule.GRID, 1000, false), 0);
        SharingPolicy policy = new SharingPolicy(List.of(p));
        TrackRelease first =
                policy.releaseTrack(
                        p, track(0, TrackStatus.CONFIRMED, IN, Marking.UNRESTRICTED), null);

        TrackRelease usOnly =
                policy.releaseTrack(
                        p,
                        track(
                                4,
                                TrackStatus.CONFIRMED,
                                GeoPoint.of(31.34, -110.61),
                                Marking.releasableTo(Set.of("usa"))),
                        first.next());

        assertThat(usOnly.outcome()).isEqualTo(TrackRelease.Outcome.END);
        assertThat(usOnly.reason()).contains("withheld, not recomputed");
        EntityTrack end = usOnly.message();
        assertThat(end.status()).isEqualTo(TrackStatus.DELETED);
        assertThat(end.time()).isEqualTo(T0);
        assertThat(end.position()).isEqualTo(first.message().position());
        assertThat(end.sensorIds()).isEmpty();
        assertThat(end.identity()).isEqualTo(CooperativeIdentity.NONE);
        assertThat(end.marking()).isEqualTo(Marking.releasableTo(Set.of("mex")));
        assertThat(usOnly.next()).isNull();
        // and nothing more afterwards
        assertThat(
                        policy.releaseTrack(
                                        p,
                                        track(
                                                6,
                                                TrackStatus.CONFIRMED,
                                                IN,
                                                Marking.releasableTo(Set.of("usa"))),
                                        null)
                                .outcome())
                .isEqualTo(TrackRelease.Outcome.WITHHELD);
    }

    @Test
    void leavingTheAreasEndsTheFeedAndReEnteringStartsItAgain() {
        PartnerConfig p = partner(FieldRules.NONE, 0);
        SharingPolicy policy = new SharingPolicy(List.of(p));
        TrackRelease first =
                policy.releaseTrack(
                        p, track(0, TrackStatus.CONFIRMED, IN, Marking.UNRESTRICTED), null);
        TrackRelease left =
                policy.releaseTrack(
                        p,
                        track(5, TrackStatus.CONFIRMED, OUT, Marking.UNRESTRICTED),
                        first.next());
        TrackRelease back =
                policy.releaseTrack(
                        p, track(9, TrackStatus.CONFIRMED, IN, Marking.UNRESTRICTED), left.next());

        assertThat(left.outcome()).isEqualTo(TrackRelease.Outcome.END);
        assertThat(left.message().position()).isEqualTo(IN);
        assertThat(back.outcome()).isEqualTo(TrackRelease.Outcome.DELIVER);
    }

    @Test
    void fieldRulesApplyToTracks() {
        PartnerConfig p = partner(new FieldRules(true, PositionRule.GRID, 1000, true), 0);
        SharingPolicy policy = new SharingPolicy(List.of(p));

        EntityTrack sent =
                policy.releaseTrack(
                                p, track(0, TrackStatus.CONFIRMED, IN, Marking.UNRESTRICTED), null)
                        .message();

        assertThat(sent.sensorIds()).isEmpty();
        assertThat(sent.identity()).isEqualTo(CooperativeIdentity.NONE);
        assertThat(sent.covariance()).isNull();
        assertThat(sent.velocity()).isEqualTo(new Velocity(3, -2, 0));
        assertThat(sent.position()).isNotEqualTo(IN);
        assertThat(sent.position().altM()).isEqualTo(1000.0);
        assertThat(
                        new io.cordon.pipeline.sharing.redaction.PositionGrid(1000)
                                .isCellCentre(sent.position()))
                .isTrue();
        assertThat(sent.partnerIds()).containsExactly("mex", "usa");
        assertThat(sent.classification().targetClass()).isEqualTo(TargetClass.LAND_VEHICLE);
    }

    @Test
    void hiddenPositionsMeanNoTrackFeed() {
        PartnerConfig p = partner(new FieldRules(false, PositionRule.HIDDEN, 1000, false), 0);

        TrackRelease r =
                new SharingPolicy(List.of(p))
                        .releaseTrack(
                                p, track(0, TrackStatus.CONFIRMED, IN, Marking.UNRESTRICTED), null);

        assertThat(r.outcome()).isEqualTo(TrackRelease.Outcome.WITHHELD);
        assertThat(r.reason()).contains("HIDDEN");
    }

    @Test
    void feedStateRoundTrips() {
        TrackFeedState s =
                new TrackFeedState(T0, TrackStatus.COASTING, new GeoPoint(31.1, -110.2, 12.5));

        assertThat(TrackFeedState.decode(s.encode())).isEqualTo(s);
    }
}
