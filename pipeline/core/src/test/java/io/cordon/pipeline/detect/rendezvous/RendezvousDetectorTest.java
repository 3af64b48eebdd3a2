package io.cordon.pipeline.detect.rendezvous;

import static io.cordon.pipeline.detect.TrackFixtures.moved;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.TrackFixtures;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleFunction;
import org.junit.jupiter.api.Test;

class RendezvousDetectorTest {
    static final GeoPoint MEETING = GeoPoint.of(31.40, -110.70);

    private final RendezvousDetector detector =
            new RendezvousDetector(RendezvousParameters.DEFAULTS, TileGrid.DEFAULT);

    /** A target's position (metres east of MEETING) and east velocity as functions of time. */
    private record Motion(DoubleFunction<Double> eastM, DoubleFunction<Double> eastMps) {}

    /** Meets at 100 s, stands 15 m from the other until 160 s, leaves at 10 m/s. */
    private static Motion meeting(double side) {
        return new Motion(
                s -> side * (7.5 + (s < 100 ? 10 * (100 - s) : s > 160 ? 10 * (s - 160) : 0)),
                s -> s < 100 ? -side * 10 : s > 160 ? side * 10 : 0.2);
    }

    private static EntityTrack at(
            String id, TrackStatus status, double s, Motion m, double northOffsetM) {
        double east = m.eastM().apply(s);
        GeoPoint p =
                moved(
                        east >= 0 ? moved(MEETING, 90, east) : moved(MEETING, 270, -east),
                        0,
                        northOffsetM);
        return track(id, status, t(s), p, new Velocity(m.eastMps().apply(s), 0, 0));
    }

    /** A at even seconds, B at odd seconds, from 0 to {@code endS}. */
    private static List<EntityTrack> interleaved(
            Motion a, Motion b, double northOffsetB, int endS) {
        List<EntityTrack> out = new ArrayList<>();
        for (int s = 0; s <= endS; s += 2) {
            out.add(at("A", TrackStatus.CONFIRMED, s, a, 0));
            out.add(at("B", TrackStatus.CONFIRMED, s + 1, b, northOffsetB));
        }
        return out;
    }

    private List<Alert> run(List<EntityTrack> updates, String tileKey) {
        return run(detector, updates, tileKey);
    }

    private static List<Alert> run(
            RendezvousDetector detector, List<EntityTrack> updates, String tileKey) {
        RendezvousState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<RendezvousState> r = detector.onTrackUpdate(state, tileKey, u);
            state = r.newState() == null ? null : RendezvousState.fromBytes(r.newState().toBytes());
            alerts.addAll(r.alerts());
        }
        return alerts;
    }

    @Test
    void twoTracksMeetingAlertOnceAndCloseWhenTheySeparate() {
        List<Alert> alerts = run(interleaved(meeting(-1), meeting(1), 0, 220), null);

        // Together about 63 s: NEW at 30 s, UPDATE when the duration passes 60 s, CLOSED.
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE, AlertState.CLOSED);
        Alert met = alerts.get(0);
        assertThat(met.type()).isEqualTo(AlertType.RENDEZVOUS);
        assertThat(met.trackIds()).containsExactly("A", "B");
        assertThat(met.windowStart()).isBetween(t(98), t(100));
        assertThat(met.windowEnd()).isBetween(t(128), t(131));
        assertThat(Double.parseDouble(met.evidence().get("minDistanceM"))).isBetween(14.0, 16.0);
        Alert closed = alerts.get(2);
        assertThat(closed.alertId()).isEqualTo(met.alertId());
        assertThat(closed.windowEnd()).isBetween(t(160), t(163));
    }

    @Test
    void passingEachOtherIsNotARendezvous() {
        Motion west = new Motion(s -> 1000 - 10 * s, s -> -10.0);
        Motion east = new Motion(s -> -1000 + 10 * s, s -> 10.0);

        assertThat(run(interleaved(west, east, 20, 200), null)).isEmpty();
    }

    @Test
    void standingJustTooFarApartIsNotARendezvous() {
        Motion still = new Motion(s -> 0.0, s -> 0.1);

        // 15 m 1σ per axis each: the difference has 21 m 1σ, so 80 m is 59 m beyond one σ.
        assertThat(run(interleaved(still, still, 80, 300), null)).isEmpty();
    }

    @Test
    void aMeetingShorterThanTheMinimumIsNotARendezvous() {
        Motion a =
                new Motion(
                        s -> -7.5 - (s < 100 ? 10 * (100 - s) : s > 124 ? 10 * (s - 124) : 0),
                        s -> 0.2);
        Motion b =
                new Motion(
                        s -> 7.5 + (s < 100 ? 10 * (100 - s) : s > 124 ? 10 * (s - 124) : 0),
                        s -> 0.2);

        assertThat(run(interleaved(a, b, 0, 220), null)).isEmpty();
    }

    /**
     * Stands 7.5 m east of the meeting place from 100 s to 145 s (arriving and leaving at 10 m/s),
     * except that from {@code awayFromS} to {@code awayToS} its estimate is 120 m further east (a
     * track lagging the stop overshoots).
     */
    private static Motion standingWithAnExcursion(double awayFromS, double awayToS) {
        return new Motion(
                s ->
                        7.5
                                + (s < 100 ? 10 * (100 - s) : s > 145 ? 10 * (s - 145) : 0)
                                + (s >= awayFromS && s < awayToS ? 120 : 0),
                s -> s < 100 ? -10.0 : s > 145 ? 10.0 : 0.2);
    }

    private static Motion standingWestUntil145() {
        return new Motion(
                s -> -7.5 - (s < 100 ? 10 * (100 - s) : s > 145 ? 10 * (s - 145) : 0),
                s -> s < 100 ? 10.0 : s > 145 ? -10.0 : 0.2);
    }

    @Test
    void aMeetingInterruptedByAnOvershootShorterThanSeparationSIsOneMeeting() {
        // Together 100-145 s, but 127 m apart from 112 to 120 s: 12 s and 25 s together, each
        // under the 30 s minimum; apart for less than separationS (30 s), so one 45 s meeting.
        List<EntityTrack> updates =
                interleaved(standingWestUntil145(), standingWithAnExcursion(112, 120), 0, 240);

        List<Alert> alerts = run(updates, null);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(alerts.get(0).windowStart()).isBetween(t(98), t(101));
        // Ending at the first apart update (the former rule) splits it into two short ones.
        RendezvousDetector immediate =
                new RendezvousDetector(
                        new RendezvousParameters(
                                50, 30, 1.5, 75, 0, 1, 1, 100, 10, 60, 60, 100, Severity.MEDIUM),
                        TileGrid.DEFAULT);
        assertThat(run(immediate, updates, null)).isEmpty();
    }

    @Test
    void twoBriefGatheringsFartherApartThanSeparationSAreNotOneMeeting() {
        // Together 100-112 s and 145-165 s (B away 112-145 s, 33 s): neither lasts 30 s.
        Motion a =
                new Motion(
                        s -> -7.5 - (s < 100 ? 10 * (100 - s) : s > 165 ? 10 * (s - 165) : 0),
                        s -> s < 100 ? 10.0 : s > 165 ? -10.0 : 0.2);
        Motion b =
                new Motion(
                        s ->
                                7.5
                                        + (s < 100 ? 10 * (100 - s) : s > 165 ? 10 * (s - 165) : 0)
                                        + (s >= 112 && s < 145 ? 120 : 0),
                        s -> s < 100 ? -10.0 : s > 165 ? 10.0 : 0.2);

        assertThat(run(interleaved(a, b, 0, 260), null)).isEmpty();
    }

    @Test
    void aPairThatPartsIsClosedOnceApartForSeparationS() {
        List<EntityTrack> updates = interleaved(meeting(-1), meeting(1), 0, 260);
        RendezvousState state = null;
        java.time.Instant closedAt = null;
        for (EntityTrack u : updates) {
            DetectorResult<RendezvousState> r = detector.onTrackUpdate(state, null, u);
            state = r.newState();
            if (r.alerts().stream().anyMatch(a -> a.state() == AlertState.CLOSED)) {
                closedAt = u.time();
            }
        }

        // They part at 160 s at 10 m/s each: beyond 75 m plus one σ (21 m) from about 165 s.
        assertThat(closedAt).isBetween(t(194), t(198));
    }

    private static RendezvousParameters configured(String section) {
        return RendezvousParameters.from(
                io.cordon.pipeline.config.CordonConfig.parse(
                                "reference: {latDeg: 0, lonDeg: 0}\ndetectors:\n  rendezvous: "
                                        + section
                                        + "\n",
                                java.nio.file.Path.of("."))
                        .detectors()
                        .of("rendezvous"));
    }

    @Test
    void separationSFollowsTheMinimumDurationUnlessGivenAndMustNotBeNegative() {
        assertThat(configured("{minDurationS: 7200}").separationS()).isEqualTo(7200);
        assertThat(configured("{separationS: 0}").separationS()).isZero();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> configured("{separationS: -1}"))
                .hasMessage(
                        "detectors.rendezvous.separationS: found -1.0; allowed: a finite number >= 0");
    }

    @Test
    void vehiclesDrivingTogetherAreNotARendezvous() {
        Motion convoy = new Motion(s -> 10 * s - 1000, s -> 10.0);

        assertThat(run(interleaved(convoy, convoy, 20, 300), null)).isEmpty();
    }

    @Test
    void tentativeTracksAreIgnored() {
        List<EntityTrack> tentative =
                interleaved(meeting(-1), meeting(1), 0, 220).stream()
                        .map(u -> u.withStatus(TrackStatus.TENTATIVE))
                        .toList();

        assertThat(run(tentative, null)).isEmpty();
    }

    @Test
    void onlyTheOwnerTileEmits() {
        List<EntityTrack> updates = interleaved(meeting(-1), meeting(1), 0, 220);
        String owner = TileGrid.DEFAULT.tileOf(MEETING);

        assertThat(run(updates, owner)).hasSize(3);
        assertThat(run(updates, "0:0")).isEmpty();
        assertThat(run(updates, owner))
                .extracting(Alert::alertId)
                .containsOnly(run(updates, null).get(0).alertId());
    }

    @Test
    void deletingATrackClosesItsPairsAndTheLastDeletionClearsTheState() {
        List<EntityTrack> updates = interleaved(meeting(-1), meeting(1), 0, 140);
        RendezvousState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<RendezvousState> r = detector.onTrackUpdate(state, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        EntityTrack lastA = updates.get(updates.size() - 2);
        EntityTrack lastB = updates.get(updates.size() - 1);

        DetectorResult<RendezvousState> aGone =
                detector.onTrackUpdate(state, lastA.withStatus(TrackStatus.DELETED));
        DetectorResult<RendezvousState> bGone =
                detector.onTrackUpdate(aGone.newState(), lastB.withStatus(TrackStatus.DELETED));

        assertThat(alerts).hasSize(1);
        assertThat(aGone.alerts())
                .singleElement()
                .satisfies(
                        a -> {
                            assertThat(a.state()).isEqualTo(AlertState.CLOSED);
                            assertThat(a.alertId()).isEqualTo(alerts.get(0).alertId());
                        });
        assertThat(aGone.newState().members())
                .extracting(RendezvousState.Member::trackId)
                .containsExactly("B");
        assertThat(aGone.newState().pairs()).isEmpty();
        assertThat(bGone.stateCleared()).isTrue();
    }

    @Test
    void theAlertMarkingIsTheIntersectionAndProvenanceTheUnion() {
        List<EntityTrack> updates =
                interleaved(meeting(-1), meeting(1), 0, 140).stream()
                        .map(
                                u ->
                                        u.trackId().equals("A")
                                                ? TrackFixtures.from(
                                                        u,
                                                        Set.of("mex-drone-1"),
                                                        Set.of("mex"),
                                                        Marking.releasableTo(List.of("mex", "usa")))
                                                : TrackFixtures.from(
                                                        u,
                                                        Set.of("usa-radar-1"),
                                                        Set.of("usa"),
                                                        Marking.releasableTo(
                                                                List.of("usa", "can"))))
                        .toList();

        Alert a = run(updates, null).get(0);

        assertThat(a.marking()).isEqualTo(Marking.releasableTo(List.of("usa")));
        assertThat(a.evidence()).containsEntry(Evidence.SOURCE_PARTNERS, "mex,usa");
        assertThat(a.evidence()).containsEntry(Evidence.SOURCE_SENSORS, "mex-drone-1,usa-radar-1");
    }

    @Test
    void replayGivesTheSameAlerts() {
        List<EntityTrack> updates = interleaved(meeting(-1), meeting(1), 0, 220);

        assertThat(run(updates, null)).isEqualTo(run(updates, null));
    }

    @Test
    void stateSurvivesBytes() {
        RendezvousState s =
                new RendezvousState(
                        List.of(
                                new RendezvousState.Member(
                                        "A",
                                        t(1),
                                        MEETING,
                                        0.5,
                                        -0.5,
                                        new RendezvousState.Cov(
                                                400, 10, 300, 1, 2, 3, 4, 9, 0.5, 8),
                                        false,
                                        "mex,usa",
                                        "mex",
                                        "d1",
                                        RendezvousVariants.Variant.LAND)),
                        List.of(
                                new RendezvousState.Pair(
                                        "A",
                                        "B",
                                        t(0),
                                        t(1),
                                        MEETING,
                                        moved(MEETING, 90, 20),
                                        "1:2",
                                        3,
                                        1,
                                        List.of(
                                                2 * t(0).toEpochMilli() + 1,
                                                2 * t(1).toEpochMilli()),
                                        14.5,
                                        true,
                                        2,
                                        61.0,
                                        moved(MEETING, 0, 5),
                                        t(1),
                                        RendezvousVariants.Variant.LAND)));

        assertThat(RendezvousState.fromBytes(s.toBytes())).isEqualTo(s);
    }

    @Test
    void stateOfTheFirstFormatIsStillRead() {
        // Version 1: members without covariance, pairs without window, revision or report fields.
        byte[] v1 =
                new io.cordon.pipeline.detect.StateBytes.Writer(1)
                        .writeInt(1)
                        .writeString("A")
                        .writeInstant(t(1))
                        .writePoint(MEETING)
                        .writeDouble(0.5)
                        .writeDouble(-0.5)
                        .writeBoolean(true)
                        .writeString("")
                        .writeString("usa")
                        .writeString("r1")
                        .writeInt(1)
                        .writeString("A")
                        .writeString("B")
                        .writeInstant(t(0))
                        .writeInstant(t(40))
                        .writePoint(MEETING)
                        .writeString("1:2")
                        .writeInt(12)
                        .writeInt(3)
                        .writeDouble(14.5)
                        .writeBoolean(true)
                        .toBytes();

        RendezvousState s = RendezvousState.fromBytes(v1);

        assertThat(s.members())
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.cov()).isEqualTo(RendezvousState.Cov.ZERO);
                            assertThat(m.sensorIds()).isEqualTo("r1");
                        });
        assertThat(s.pairs())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.alerted()).isTrue();
                            assertThat(p.revision()).isZero();
                            assertThat(p.reportedDurationS()).isEqualTo(40.0);
                            assertThat(p.lastPlace()).isEqualTo(MEETING);
                            assertThat(p.window()).isEmpty();
                            assertThat(p.minDistanceM()).isEqualTo(14.5);
                        });
        assertThat(RendezvousState.fromBytes(s.toBytes())).isEqualTo(s);
    }

    @Test
    void stateOfTheSecondFormatIsStillRead() {
        // Version 2: as version 3 without Pair.apartSince, read as a pair not apart.
        io.cordon.pipeline.detect.StateBytes.Writer w =
                new io.cordon.pipeline.detect.StateBytes.Writer(2)
                        .writeInt(1)
                        .writeString("A")
                        .writeInstant(t(41))
                        .writePoint(MEETING)
                        .writeDouble(0.5)
                        .writeDouble(-0.5);
        for (int i = 1; i <= 10; i++) {
            w.writeDouble(i);
        }
        byte[] v2 =
                w.writeBoolean(true)
                        .writeString("")
                        .writeString("usa")
                        .writeString("r1")
                        .writeInt(1)
                        .writeString("A")
                        .writeString("B")
                        .writeInstant(t(0))
                        .writeInstant(t(40))
                        .writePoint(MEETING)
                        .writePoint(moved(MEETING, 0, 5))
                        .writeString("1:2")
                        .writeInt(12)
                        .writeInt(3)
                        .writeInt(2)
                        .writeLong(7L)
                        .writeLong(8L)
                        .writeDouble(14.5)
                        .writeBoolean(true)
                        .writeInt(2)
                        .writeDouble(40.0)
                        .writePoint(MEETING)
                        .toBytes();

        RendezvousState s = RendezvousState.fromBytes(v2);

        assertThat(s.members())
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.cov().ee()).isEqualTo(1.0);
                            assertThat(m.cov().vnVn()).isEqualTo(10.0);
                            assertThat(m.sensorIds()).isEqualTo("r1");
                        });
        assertThat(s.pairs())
                .singleElement()
                .satisfies(
                        p -> {
                            assertThat(p.lastPlace()).isEqualTo(moved(MEETING, 0, 5));
                            assertThat(p.window()).containsExactly(7L, 8L);
                            assertThat(p.revision()).isEqualTo(2);
                            assertThat(p.reportedDurationS()).isEqualTo(40.0);
                            assertThat(p.apartSince()).isNull();
                        });
        assertThat(RendezvousState.fromBytes(s.toBytes())).isEqualTo(s);
    }

    // ---------------------------------------------------------------- uncertainty

    /** Two tracks standing {@code apartM} apart, each with {@code sigmaM} 1σ per axis. */
    private static List<EntityTrack> standing(double apartM, double sigmaM, double speedMps) {
        List<EntityTrack> out = new ArrayList<>();
        for (int s = 0; s <= 120; s += 2) {
            out.add(withSigma(at("A", TrackStatus.CONFIRMED, s, still(speedMps), 0), sigmaM));
            out.add(
                    withSigma(
                            at("B", TrackStatus.CONFIRMED, s + 1, still(speedMps), apartM),
                            sigmaM));
        }
        return out;
    }

    private static Motion still(double speedMps) {
        return new Motion(s -> 0.0, s -> speedMps);
    }

    private static EntityTrack withSigma(EntityTrack u, double sigmaM) {
        return new EntityTrack(
                u.trackId(),
                u.status(),
                u.time(),
                u.position(),
                u.velocity(),
                StateCovariance.diagonal(sigmaM, 2),
                u.sensorIds(),
                u.partnerIds(),
                u.identity(),
                u.classification(),
                u.marking(),
                u.updateCount());
    }

    @Test
    void estimatesFartherApartThanTheDistanceAlertWhenTheirUncertaintyAllowsIt() {
        // 80 m apart, each track 40 m 1σ per axis: σ of the difference 57 m, 80 - 57 <= 50.
        assertThat(run(standing(80, 40, 0.3), null))
                .extracting(Alert::state)
                .startsWith(AlertState.NEW);
        // The same estimates from precise tracks (5 m 1σ: 7 m for the difference) are apart.
        assertThat(run(standing(80, 5, 0.3), null)).isEmpty();
    }

    @Test
    void tracksTooUncertainToTellAMeetingFromAPassAreNoRendezvous() {
        // 120 m 1σ each (a satellite-only track): σ of the difference 170 m > maxSigmaM 100 m.
        assertThat(run(standing(20, 120, 0.3), null)).isEmpty();
    }

    @Test
    void aSpeedWithinOneSigmaOfTheLimitCountsAsSlowAndAFasterOneDoesNot() {
        // 2 m/s 1σ velocity: 3 m/s is within 1σ of 1.5 m/s, 4 m/s is not.
        assertThat(run(standing(20, 10, 3.0), null))
                .filteredOn(a -> a.state() == AlertState.NEW)
                .hasSize(1);
        assertThat(run(standing(20, 10, 4.0), null)).isEmpty();
    }

    @Test
    void theMedianSpeedIsTakenOverTheLastMinimumDuration() {
        // Arrive at 10 m/s (fast samples while closing in), then stand: the alert comes once the
        // last 30 s together are mostly slow, not when the slow samples outnumber all earlier ones.
        Motion a =
                new Motion(
                        s -> -7.5 - (s < 100 ? 10 * (100 - s) : 0),
                        s -> s < 100 ? 10.0 : s < 140 ? 8.0 : 0.2);
        Motion b =
                new Motion(
                        s -> 7.5 + (s < 100 ? 10 * (100 - s) : 0),
                        s -> s < 100 ? -10.0 : s < 140 ? -8.0 : 0.2);

        List<Alert> alerts = run(interleaved(a, b, 0, 200), null);

        assertThat(alerts.get(0).state()).isEqualTo(AlertState.NEW);
        assertThat(alerts.get(0).windowEnd()).isBetween(t(150), t(160));
    }

    // ---------------------------------------------------------------- lifecycle

    @Test
    void aLongMeetingSendsUpdatesAsItsDurationPassesEachStepThenClosesWithTheSameId() {
        // Together from 100 s to 300 s: NEW at 30 s, UPDATE at 60, 120, 180 s, CLOSED.
        Motion a =
                new Motion(
                        s -> -7.5 - (s < 100 ? 10 * (100 - s) : s > 300 ? 10 * (s - 300) : 0),
                        s -> s < 100 ? 10.0 : s > 300 ? -10.0 : 0.2);
        Motion b =
                new Motion(
                        s -> 7.5 + (s < 100 ? 10 * (100 - s) : s > 300 ? 10 * (s - 300) : 0),
                        s -> s < 100 ? -10.0 : s > 300 ? 10.0 : 0.2);

        List<Alert> alerts = run(interleaved(a, b, 0, 360), null);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(
                        AlertState.NEW,
                        AlertState.UPDATE,
                        AlertState.UPDATE,
                        AlertState.UPDATE,
                        AlertState.CLOSED);
        assertThat(alerts).extracting(Alert::alertId).containsOnly(alerts.get(0).alertId());
        assertThat(alerts)
                .extracting(x -> x.evidence().get("revision"))
                .containsExactly("0", "1", "2", "3", "4");
        assertThat(alerts.subList(1, 4))
                .extracting(x -> x.evidence().get("reason"))
                .containsOnly("duration");
        assertThat(alerts.get(4).evidence()).containsEntry("reason", "separated");
        assertThat(Double.parseDouble(alerts.get(1).evidence().get("durationS")))
                .isBetween(60.0, 62.0);
    }

    @Test
    void aMeetingThatMovesSendsAnUpdateWithTheNewPlace() {
        // Together from about 98 s, then walking east together at 1 m/s: NEW at about 128 s, and
        // 100 m from there about 100 s later (duration steps set long, so only the move counts).
        RendezvousDetector longSteps =
                new RendezvousDetector(
                        new RendezvousParameters(
                                50, 30, 1.5, 75, 30, 1, 1, 100, 10, 60, 1000, 100, Severity.MEDIUM),
                        TileGrid.DEFAULT);
        Motion a =
                new Motion(
                        s -> -7.5 - (s < 100 ? 10 * (100 - s) : 0) + (s > 100 ? (s - 100) : 0),
                        s -> s < 100 ? 10.0 : 1.0);
        Motion b =
                new Motion(
                        s -> 7.5 + (s < 100 ? 10 * (100 - s) : 0) + (s > 100 ? (s - 100) : 0),
                        s -> s < 100 ? -10.0 : 1.0);

        List<Alert> alerts = run(longSteps, interleaved(a, b, 0, 260), null);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE);
        assertThat(alerts.get(1))
                .satisfies(
                        u -> {
                            assertThat(u.evidence()).containsEntry("reason", "moved");
                            assertThat(u.windowEnd()).isBetween(t(220), t(235));
                            assertThat(u.location().lonDeg())
                                    .isGreaterThan(alerts.get(0).location().lonDeg());
                        });
    }

    @Test
    void aTileThatHearsNothingMoreExpiresClosingItsPairsAndClearingItsState() {
        List<EntityTrack> updates = interleaved(meeting(-1), meeting(1), 0, 140);
        RendezvousState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<RendezvousState> r = detector.onTrackUpdate(state, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        assertThat(alerts).extracting(Alert::state).containsExactly(AlertState.NEW);
        // A last at 140 s, B at 141 s: the first expiry is 60 s after A's last update.
        assertThat(detector.expiresAt(state)).isEqualTo(t(200));

        DetectorResult<RendezvousState> early = detector.expire(state, null, t(199));
        DetectorResult<RendezvousState> due = detector.expire(state, null, t(200));

        assertThat(early.alerts()).isEmpty();
        assertThat(early.newState()).isEqualTo(state);
        assertThat(due.alerts())
                .singleElement()
                .satisfies(
                        c -> {
                            assertThat(c.state()).isEqualTo(AlertState.CLOSED);
                            assertThat(c.alertId()).isEqualTo(alerts.get(0).alertId());
                            assertThat(c.evidence()).containsEntry("reason", "forgotten");
                        });
        assertThat(due.newState().members())
                .extracting(RendezvousState.Member::trackId)
                .containsExactly("B");
        assertThat(due.newState().pairs()).isEmpty();
        assertThat(detector.expire(due.newState(), null, t(201)).stateCleared()).isTrue();
    }

    @Test
    void expiringAtExactlyExpiresAtAlwaysMakesProgressUntilTheTileIsCleared() {
        List<EntityTrack> updates = interleaved(meeting(-1), meeting(1), 0, 140);
        RendezvousState state = null;
        for (EntityTrack u : updates) {
            state = detector.onTrackUpdate(state, u).newState();
        }
        java.time.Instant first = detector.expiresAt(state);

        DetectorResult<RendezvousState> atFirst = detector.expire(state, null, first);

        // A (oldest) is forgotten at exactly its expiry and the pair closes.
        assertThat(atFirst.alerts()).extracting(Alert::state).containsExactly(AlertState.CLOSED);
        assertThat(atFirst.newState().members())
                .extracting(RendezvousState.Member::trackId)
                .containsExactly("B");
        java.time.Instant second = detector.expiresAt(atFirst.newState());
        assertThat(second).isAfter(first);
        DetectorResult<RendezvousState> atSecond =
                detector.expire(atFirst.newState(), null, second);
        assertThat(atSecond.stateCleared()).isTrue();
        assertThat(detector.expiresAt(atSecond.newState())).isNull();
    }

    @Test
    void anUpdateGoesToEveryTileWithinTwiceTheSeparation() {
        GeoPoint nearEdge = GeoPoint.of(31.45, -110.6001);

        assertThat(
                        detector.keysFor(
                                track("A", TrackStatus.CONFIRMED, t(0), nearEdge, Velocity.ZERO)))
                .containsExactlyInAnyOrder("-1107:314", "-1106:314");
        assertThat(
                        detector.keysFor(
                                track(
                                        "A",
                                        TrackStatus.CONFIRMED,
                                        t(0),
                                        GeoPoint.of(31.45, -110.65),
                                        Velocity.ZERO)))
                .containsExactly("-1107:314");
    }

    @Test
    void tilesNearReachAcrossTileEdges() {
        TileGrid grid = new TileGrid(0.1);
        GeoPoint nearEdge =
                GeoPoint.of(31.45, -110.6001); // about 10 m west of the tile edge at -110.6

        assertThat(grid.tileOf(nearEdge)).isEqualTo("-1107:314");
        assertThat(grid.tilesNear(nearEdge, 100))
                .containsExactlyInAnyOrder("-1107:314", "-1106:314");
        assertThat(grid.tilesNear(GeoPoint.of(31.45, -110.65), 100)).containsExactly("-1107:314");
    }
}
