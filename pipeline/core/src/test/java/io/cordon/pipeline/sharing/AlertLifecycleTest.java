package io.cordon.pipeline.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.AreaOfInterest;
import io.cordon.pipeline.config.FieldRules;
import io.cordon.pipeline.config.Language;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.SharingRule;
import io.cordon.pipeline.config.TrackFeed;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Updates and closures follow the original to the same partners; exclusions retract. */
class AlertLifecycleTest {
    static final Instant T0 = Instant.parse("2026-01-01T00:05:00Z");
    static final Instant T0_PLUS_60S = T0.plusSeconds(60);
    static final String STRIP =
            "POLYGON ((-111 31.2, -110.2 31.2, -110.2 31.45, -111 31.45, -111 31.2))";
    static final GeoPoint IN_STRIP = GeoPoint.of(31.3333, -110.6);
    static final GeoPoint NORTH_OF_STRIP = GeoPoint.of(31.6, -110.6);

    static final PartnerConfig MEX =
            new PartnerConfig(
                    "mex",
                    "Mexico",
                    "MEX",
                    new SharingRule(
                            EnumSet.of(AlertType.LOITERING, AlertType.BORDER_CROSSING),
                            Severity.MEDIUM,
                            Set.of(),
                            List.of(new AreaOfInterest("strip", STRIP)),
                            FieldRules.NONE,
                            Language.ES,
                            TrackFeed.OFF));
    static final SharingPolicy POLICY = new SharingPolicy("7", List.of(MEX));

    static Alert loitering(AlertState state, Severity severity, GeoPoint where, Marking marking) {
        return new Alert(
                "loitering-1",
                AlertType.LOITERING,
                severity,
                state,
                T0,
                state == AlertState.NEW ? T0 : T0_PLUS_60S,
                where,
                List.of("T1"),
                "loitering",
                "1",
                Alert.evidence(Map.of(Evidence.SOURCE_PARTNERS, "usa")),
                marking,
                "Track T1 is loitering near 31.33330, -110.60000.");
    }

    @Test
    void updatesAndTheClosureReachThePartnerThatGotTheOriginalEvenBelowItsThresholds() {
        AlertRelease first =
                POLICY.release(
                        MEX,
                        loitering(AlertState.NEW, Severity.MEDIUM, IN_STRIP, Marking.UNRESTRICTED),
                        null);
        assertThat(first.decision().outcome()).isEqualTo(Decision.Outcome.DELIVER);
        assertThat(first.decision().reason()).contains("inside area strip");
        assertThat(first.message().summary()).startsWith("Merodeo — gravedad media (nueva)");
        assertThat(first.next()).isNotNull();

        // the update dropped to LOW and moved out of the strip: still the same partner
        AlertRelease update =
                POLICY.release(
                        MEX,
                        loitering(
                                AlertState.UPDATE,
                                Severity.LOW,
                                NORTH_OF_STRIP,
                                Marking.UNRESTRICTED),
                        first.next());
        assertThat(update.decision().outcome()).isEqualTo(Decision.Outcome.DELIVER);
        assertThat(update.next().severity()).isEqualTo(Severity.LOW);

        AlertRelease closed =
                POLICY.release(
                        MEX,
                        loitering(
                                AlertState.CLOSED,
                                Severity.LOW,
                                NORTH_OF_STRIP,
                                Marking.UNRESTRICTED),
                        update.next());
        assertThat(closed.decision().outcome()).isEqualTo(Decision.Outcome.DELIVER);
        assertThat(closed.message().state()).isEqualTo(AlertState.CLOSED);
        assertThat(closed.next()).as("nothing to remember after the closure").isNull();
    }

    @Test
    void aPartnerThatNeverGotTheAlertGetsNeitherItsLowUpdateNorItsClosure() {
        Alert lowUpdate =
                loitering(AlertState.UPDATE, Severity.LOW, IN_STRIP, Marking.UNRESTRICTED);
        Alert closure = loitering(AlertState.CLOSED, Severity.HIGH, IN_STRIP, Marking.UNRESTRICTED);

        assertThat(POLICY.decide(MEX, lowUpdate, null).reason()).contains("below minSeverity");
        assertThat(POLICY.decide(MEX, closure, null).reason()).contains("never delivered");
    }

    @Test
    void anUpdateThatEscalatesIntoTheAgreementIsDeliveredAsTheFirstMessage() {
        Alert escalated =
                loitering(AlertState.UPDATE, Severity.HIGH, IN_STRIP, Marking.UNRESTRICTED);

        assertThat(POLICY.decide(MEX, escalated, null).outcome())
                .isEqualTo(Decision.Outcome.DELIVER);
    }

    @Test
    void whenTheMarkingNowExcludesThePartnerItGetsAContentFreeRetraction() {
        AlertRelease first =
                POLICY.release(
                        MEX,
                        loitering(AlertState.NEW, Severity.MEDIUM, IN_STRIP, Marking.UNRESTRICTED),
                        null);
        Alert fusedWithUsOnlyData =
                loitering(
                        AlertState.UPDATE,
                        Severity.CRITICAL,
                        GeoPoint.of(31.34, -110.61),
                        Marking.releasableTo(Set.of("usa")));

        AlertRelease r = POLICY.release(MEX, fusedWithUsOnlyData, first.next());

        assertThat(r.decision().outcome()).isEqualTo(Decision.Outcome.RETRACT);
        assertThat(r.decision().reason()).startsWith("withdrawn: marking releasable only to [usa]");
        Alert sent = r.message();
        assertThat(sent.state()).isEqualTo(AlertState.CLOSED);
        assertThat(sent.severity())
                .as("as last delivered, not CRITICAL")
                .isEqualTo(Severity.MEDIUM);
        assertThat(sent.windowEnd()).isEqualTo(T0);
        assertThat(sent.location()).isNull();
        assertThat(sent.trackIds()).isEmpty();
        assertThat(sent.evidence()).containsExactly(Map.entry("withdrawn", "true"));
        assertThat(sent.marking()).isEqualTo(Marking.releasableTo(Set.of("mex")));
        assertThat(sent.summary()).isEqualTo("Merodeo — retirada.");
        assertThat(r.next()).isNull();
    }

    @Test
    void aPolicyChangeThatDropsTheTypeRetractsWhatWasDelivered() {
        AlertRelease first =
                POLICY.release(
                        MEX,
                        loitering(AlertState.NEW, Severity.MEDIUM, IN_STRIP, Marking.UNRESTRICTED),
                        null);
        PartnerConfig crossingsOnly =
                new PartnerConfig(
                        "mex",
                        "Mexico",
                        "MEX",
                        new SharingRule(
                                EnumSet.of(AlertType.BORDER_CROSSING), Severity.INFO, Set.of()));
        SharingPolicy v8 = new SharingPolicy("8", List.of(crossingsOnly));

        AlertRelease r =
                v8.release(
                        crossingsOnly,
                        loitering(
                                AlertState.UPDATE, Severity.MEDIUM, IN_STRIP, Marking.UNRESTRICTED),
                        first.next());

        assertThat(v8.version()).isEqualTo("8");
        assertThat(r.decision().outcome()).isEqualTo(Decision.Outcome.RETRACT);
        assertThat(r.message().summary()).isEqualTo("Loitering — withdrawn.");
    }

    @Test
    void anAlertWithoutLocationIsWithheldFromAPartnerWithAreas() {
        Alert nowhere = loitering(AlertState.NEW, Severity.HIGH, null, Marking.UNRESTRICTED);

        assertThat(POLICY.decide(MEX, nowhere).reason())
                .isEqualTo("no location to test against areas [strip]");
    }

    @Test
    void deliveredAlertStateRoundTrips() {
        DeliveredAlert d = new DeliveredAlert(AlertType.CONVOY, Severity.HIGH, T0);

        assertThat(DeliveredAlert.decode(d.encode())).isEqualTo(d);
    }
}
