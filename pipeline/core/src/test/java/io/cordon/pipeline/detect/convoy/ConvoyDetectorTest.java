package io.cordon.pipeline.detect.convoy;

import static io.cordon.pipeline.detect.TrackFixtures.moved;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.detect.DetectorReplay;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.TrackFixtures;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ConvoyDetectorTest {
    static final GeoPoint ROAD = GeoPoint.of(31.40, -110.70);

    private final ConvoyDetector detector = new ConvoyDetector(ConvoyParameters.DEFAULTS);

    /**
     * A vehicle on a straight road through ROAD: {@code startEastM} metres east of ROAD at 0 s
     * (north offset {@code northM}), moving at {@code speed} m/s on course {@code courseDeg}.
     */
    private record Vehicle(
            String id, double startEastM, double northM, double speed, double courseDeg) {
        EntityTrack at(double s) {
            GeoPoint start =
                    startEastM >= 0 ? moved(ROAD, 90, startEastM) : moved(ROAD, 270, -startEastM);
            GeoPoint p = moved(moved(start, 0, northM), courseDeg, speed * s);
            double c = Math.toRadians(courseDeg);
            return track(
                    id,
                    TrackStatus.CONFIRMED,
                    t(s),
                    p,
                    new Velocity(speed * Math.sin(c), speed * Math.cos(c), 0));
        }
    }

    /** Each vehicle once a second (staggered by its index) from 0 to {@code endS}. */
    private static List<EntityTrack> drive(int endS, Vehicle... vehicles) {
        List<EntityTrack> out = new ArrayList<>();
        for (int s = 0; s <= endS; s++) {
            for (int i = 0; i < vehicles.length; i++) {
                out.add(vehicles[i].at(s + i * 0.1));
            }
        }
        return out;
    }

    private static EntityTrack deleted(EntityTrack last, double s) {
        return track(last.trackId(), TrackStatus.DELETED, t(s), last.position(), last.velocity());
    }

    private List<Alert> run(List<EntityTrack> updates, String tileKey) {
        ConvoyState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<ConvoyState> r = detector.onTrackUpdate(state, tileKey, u);
            state = r.newState() == null ? null : ConvoyState.fromBytes(r.newState().toBytes());
            alerts.addAll(r.alerts());
        }
        return alerts;
    }

    /** Three vehicles 100 m apart driving east at 12 m/s. */
    private static Vehicle[] column() {
        return new Vehicle[] {
            new Vehicle("A", 0, 0, 12, 90),
            new Vehicle("B", -100, 0, 12, 90),
            new Vehicle("C", -200, 5, 12.5, 88)
        };
    }

    /**
     * A column of three driving east at 12 m/s, 100 m apart, whose middle track's estimated course
     * swings 24° either side of the true one at each update (a tracker's course noise; the
     * fixtures' velocity σ is 1 m/s, so one σ of the course difference is about 6.7°).
     */
    private static List<EntityTrack> noisyColumn(int endS) {
        List<EntityTrack> out = new ArrayList<>();
        for (int s = 0; s <= endS; s++) {
            for (int i = 0; i < 3; i++) {
                double at = s + i * 0.1;
                GeoPoint p = moved(moved(ROAD, 270, 100.0 * i), 90, 12 * at);
                double course = i == 1 ? 90 + (s % 2 == 0 ? 24 : -24) : 90;
                double c = Math.toRadians(course);
                out.add(
                        track(
                                "N" + i,
                                TrackStatus.CONFIRMED,
                                t(at),
                                p,
                                new Velocity(12 * Math.sin(c), 12 * Math.cos(c), 0)));
            }
        }
        return out;
    }

    @Test
    void courseNoiseWithinOneSigmaKeepsTheColumnTogetherUnlessVelocitySigmasIsZero() {
        assertThat(run(noisyColumn(150), null))
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW);
        ConvoyDetector plain = new ConvoyDetector(parameters(0, 120));
        ConvoyState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : noisyColumn(150)) {
            DetectorResult<ConvoyState> r = plain.onTrackUpdate(state, null, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        assertThat(alerts).isEmpty();
    }

    /** The defaults with another velocitySigmas and rejoinS. */
    private static ConvoyParameters parameters(double velocitySigmas, double rejoinS) {
        ConvoyParameters d = ConvoyParameters.DEFAULTS;
        return new ConvoyParameters(
                d.minTracks(),
                d.linkDistanceM(),
                d.separationM(),
                d.maxHeadingDiffDeg(),
                d.maxSpeedDiffMps(),
                d.maxSpeedDiffFraction(),
                d.minSpeedMps(),
                d.minDurationS(),
                d.maxTrackAgeS(),
                d.forgetAfterS(),
                d.haloM(),
                d.tileSizeDeg(),
                d.handoverMarginM(),
                d.severity(),
                velocitySigmas,
                rejoinS,
                d.rejoinShare());
    }

    @Test
    void threeVehiclesDrivingTogetherAlertAfterTheMinimumDurationAndCloseWhenOneEnds() {
        Vehicle[] v = column();
        List<EntityTrack> updates = drive(200, v);
        updates.add(deleted(v[2].at(200.2), 201));

        // rejoinS 0: the group closes as soon as it falls below three tracks
        List<Alert> alerts = new ArrayList<>();
        ConvoyDetector atOnce = new ConvoyDetector(parameters(1, 0));
        ConvoyState state = null;
        for (EntityTrack u : updates) {
            DetectorResult<ConvoyState> r = atOnce.onTrackUpdate(state, null, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        Alert alert = alerts.get(0);
        assertThat(alert.type()).isEqualTo(AlertType.CONVOY);
        assertThat(alert.trackIds()).containsExactly("A", "B", "C");
        // the group forms at C's first update (0.2 s) and alerts at the first update 120 s later
        assertThat(alert.windowStart()).isEqualTo(t(0.2));
        assertThat(alert.windowEnd()).isEqualTo(t(120.2));
        assertThat(alert.evidence())
                .containsEntry("memberCount", "3")
                .containsEntry(Evidence.REVISION, "0")
                .containsEntry(Evidence.SOURCE_PARTNERS, "usa");
        assertThat(Double.parseDouble(alert.evidence().get("meanSpeedMps"))).isBetween(12.0, 12.5);
        assertThat(Double.parseDouble(alert.evidence().get("meanCourseDeg"))).isBetween(88.0, 90.0);
        Alert closed = alerts.get(1);
        assertThat(closed.alertId()).isEqualTo(alert.alertId());
        assertThat(closed.evidence())
                .containsEntry("reason", "ended")
                .containsEntry(Evidence.REVISION, "1");
        assertThat(closed.windowEnd()).isEqualTo(t(200.2));
    }

    @Test
    void aFourthVehicleJoiningAndOneLeavingSendUpdatesWithTheSameIdAndRisingRevision() {
        Vehicle[] v = {
            new Vehicle("A", 0, 0, 12, 90),
            new Vehicle("B", -100, 0, 12, 90),
            new Vehicle("C", -200, 0, 12, 90)
        };
        // D catches up from 1 km behind C at 14 m/s and, 250 m behind C (at 375 s), slows to 12
        // m/s;
        // it is within the link distance (300 m) of C from 350 s
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 400; s++) {
            for (int i = 0; i < 3; i++) {
                updates.add(v[i].at(s + i * 0.1));
            }
            double dS = s + 0.3;
            double dEast = -1200 + Math.min(14.0 * dS, 750 + 12.0 * dS);
            double dSpeed = 14.0 * dS < 750 + 12.0 * dS ? 14 : 12;
            updates.add(
                    track(
                            "D",
                            TrackStatus.CONFIRMED,
                            t(dS),
                            dEast >= 0 ? moved(ROAD, 90, dEast) : moved(ROAD, 270, -dEast),
                            new Velocity(dSpeed, 0, 0)));
        }
        // A turns north at 401 s: it leaves the group
        Vehicle aNorth = new Vehicle("A", 12 * 401, 0, 12, 0);
        for (int s = 401; s <= 420; s++) {
            updates.add(aNorth.at(s - 401));
            updates.add(v[1].at(s + 0.1));
            updates.add(v[2].at(s + 0.2));
            double dEast = -1200 + 750 + 12.0 * (s + 0.3);
            updates.add(
                    track(
                            "D",
                            TrackStatus.CONFIRMED,
                            t(s + 0.3),
                            moved(ROAD, 90, dEast),
                            new Velocity(12, 0, 0)));
        }
        List<Alert> alerts = run(updates, null);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE, AlertState.UPDATE);
        assertThat(alerts.stream().map(Alert::alertId).distinct()).hasSize(1);
        assertThat(alerts)
                .extracting(a -> a.evidence().get(Evidence.REVISION))
                .containsExactly("0", "1", "2");
        assertThat(alerts.get(1).trackIds()).containsExactly("A", "B", "C", "D");
        assertThat(alerts.get(1).evidence()).containsEntry("reason", "joined");
        // D closes to 300 m behind C at 350 s (14 m/s against 12 m/s from 1000 m): linked through C
        // at the first update of that second (exactly 300 m at 350.0 s may round either way)
        assertThat(alerts.get(1).windowEnd()).isBetween(t(350), t(350.3));
        assertThat(alerts.get(2).trackIds()).containsExactly("B", "C", "D");
        assertThat(alerts.get(2).evidence()).containsEntry("reason", "left");
    }

    @Test
    void twoVehiclesOnlyAreNoConvoy() {
        Vehicle[] v = column();
        assertThat(run(drive(300, v[0], v[1]), null)).isEmpty();
    }

    @Test
    void oppositeHeadingsInTheSamePlaceAreNoConvoy() {
        // two eastbound and one westbound vehicle meeting head-on, then the westbound one turns and
        // drives alongside in the opposite direction of a second pair: never three linked tracks
        List<EntityTrack> updates =
                drive(
                        300,
                        new Vehicle("A", 0, 0, 12, 90),
                        new Vehicle("B", -100, 0, 12, 90),
                        new Vehicle("C", 3600, 20, 12, 270));
        assertThat(run(updates, null)).isEmpty();
    }

    @Test
    void crossingPathsAreNoConvoy() {
        // a north-south column of two crosses the east-west column of two at the road's origin
        List<EntityTrack> updates =
                drive(
                        300,
                        new Vehicle("A", -1800, 0, 12, 90),
                        new Vehicle("B", -1900, 0, 12, 90),
                        new Vehicle("C", 0, -1800, 12, 0),
                        new Vehicle("D", 0, -1900, 12, 0));
        assertThat(run(updates, null)).isEmpty();
    }

    @Test
    void aGatheringOfStandingTracksIsNoConvoy() {
        assertThat(
                        run(
                                drive(
                                        300,
                                        new Vehicle("A", 0, 0, 0.5, 90),
                                        new Vehicle("B", 20, 0, 0.5, 90),
                                        new Vehicle("C", 40, 0, 0.5, 90)),
                                null))
                .isEmpty();
    }

    @Test
    void aGroupSeparatingBeforeTheMinimumDurationDoesNotAlert() {
        List<EntityTrack> updates = drive(100, column());
        assertThat(run(updates, null)).isEmpty();
    }

    @Test
    void tilesAlertExactlyOnceAndHandOverWhenTheConvoyCrossesATileEdge() {
        // the convoy starts 10 km west of a tile edge (multiple of 0.25° longitude) and drives
        // 20 km east: the first tile closes with reason handover, the next one opens a new alert
        GeoPoint edge = GeoPoint.of(31.40, -110.75);
        GeoPoint origin = moved(edge, 270, 10_000);
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 1700; s++) {
            for (int i = 0; i < 3; i++) {
                double east = 12.0 * (s + i * 0.1) - 100 * i;
                updates.add(
                        track(
                                List.of("A", "B", "C").get(i),
                                TrackStatus.CONFIRMED,
                                t(s + i * 0.1),
                                east >= 0 ? moved(origin, 90, east) : moved(origin, 270, -east),
                                new Velocity(12, 0, 0)));
            }
        }
        List<Alert> alerts = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        DetectorReplay.perKey( // the tiles' own alerts, before the reconciler
                detector,
                updates,
                (key, by, a) -> {
                    alerts.add(a);
                    keys.add(key);
                });

        // at the hand-over update the new tile (the updating track's own, processed first) opens
        // its alert and the old tile closes its own
        // ... and when the tracks stop (after 1 700 s) the new tile forgets them and closes its
        // alert (lost)
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(
                        AlertState.NEW, AlertState.NEW, AlertState.CLOSED, AlertState.CLOSED);
        assertThat(alerts.get(3).alertId()).isEqualTo(alerts.get(1).alertId());
        assertThat(alerts.get(3).evidence()).containsEntry("reason", "lost");
        assertThat(keys.get(3)).isEqualTo(keys.get(1));
        assertThat(alerts.get(2).alertId()).isEqualTo(alerts.get(0).alertId());
        assertThat(alerts.get(2).evidence()).containsEntry("reason", "handover");
        assertThat(alerts.get(1).alertId()).isNotEqualTo(alerts.get(0).alertId());
        assertThat(keys.get(0)).isEqualTo(keys.get(2)).isNotEqualTo(keys.get(1));
        assertThat(alerts.get(1).windowEnd()).isEqualTo(alerts.get(2).windowEnd());
        // the centroid is more than the 500 m hand-over margin past the edge
        assertThat(alerts.get(1).location().lonDeg()).isGreaterThan(edge.lonDeg());
        assertThat(
                        io.cordon.pipeline.detect.Geodesy.distanceM(
                                alerts.get(1).location(),
                                GeoPoint.of(alerts.get(1).location().latDeg(), edge.lonDeg())))
                .isBetween(500.0, 520.0);
    }

    @Test
    void sameUpdatesGiveTheSameAlertsAndIds() {
        List<EntityTrack> updates = drive(200, column());
        assertThat(ids(run(updates, null))).isEqualTo(ids(run(updates, null))).isNotEmpty();
    }

    @Test
    void stateIsClearedWhenEveryTrackEnds() {
        Vehicle[] v = column();
        List<EntityTrack> updates = drive(150, v);
        ConvoyState state = null;
        for (EntityTrack u : updates) {
            state = detector.onTrackUpdate(state, u).newState();
        }
        for (Vehicle x : v) {
            state = detector.onTrackUpdate(state, deleted(x.at(150), 151)).newState();
        }
        assertThat(state).isNull();
    }

    private static Set<String> ids(List<Alert> alerts) {
        return alerts.stream()
                .map(a -> a.alertId() + a.state())
                .collect(Collectors.toCollection(java.util.TreeSet::new));
    }

    /**
     * The column of {@link #column()} to 200 s (alerted at 120.2 s); C's track is deleted at 200.5
     * s, A and B drive on to {@code endS}, and D, a new track on C's vehicle, appears at {@code
     * dFromS}.
     */
    private static List<EntityTrack> trackReplacedAt(double dFromS, int endS) {
        Vehicle[] v = column();
        List<EntityTrack> updates = drive(200, v);
        updates.add(deleted(v[2].at(200.2), 200.5));
        Vehicle d = new Vehicle("D", v[2].startEastM(), v[2].northM(), v[2].speed(), 88);
        for (int s = 201; s <= endS; s++) {
            updates.add(v[0].at(s));
            updates.add(v[1].at(s + 0.1));
            if (s >= dFromS) {
                updates.add(d.at(s + 0.3));
            }
        }
        return updates;
    }

    @Test
    void aGroupReformedWithinRejoinSContinuesItsAlert() {
        // C's track ends (the group falls to two) and the tracker picks the vehicle up again as D
        // 15 s later: A, B, D are 2 of the 3 last members, so the open alert goes on
        List<Alert> alerts = run(trackReplacedAt(215, 300), null);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE);
        Alert rejoined = alerts.get(1);
        assertThat(rejoined.alertId()).isEqualTo(alerts.get(0).alertId());
        assertThat(rejoined.trackIds()).containsExactly("A", "B", "D");
        assertThat(rejoined.evidence())
                .containsEntry("reason", "rejoined")
                .containsEntry(Evidence.REVISION, "1")
                .containsEntry("param.rejoinS", "120.0");
        assertThat(rejoined.windowStart()).isEqualTo(alerts.get(0).windowStart());
        assertThat(rejoined.windowEnd()).isBetween(t(215), t(216));
    }

    @Test
    void aGroupReformedAfterRejoinSIsANewAlertAndTheOldOneClosesAtItsLastUpdateTogether() {
        // D appears 140 s after the break: the first alert closes (at the first update 120 s after
        // the break, with the window of the group's last update together) and A, B, D alert anew
        // 120 s after they form
        List<EntityTrack> updates = trackReplacedAt(340, 480);
        List<Alert> alerts = run(updates, null);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED, AlertState.NEW);
        Alert closed = alerts.get(1);
        assertThat(closed.alertId()).isEqualTo(alerts.get(0).alertId());
        assertThat(closed.trackIds()).containsExactly("A", "B", "C");
        assertThat(closed.evidence())
                .containsEntry("reason", "ended")
                .containsEntry(Evidence.REVISION, "1");
        assertThat(closed.windowEnd()).isEqualTo(t(200.2));
        Alert second = alerts.get(2);
        assertThat(second.alertId()).isNotEqualTo(alerts.get(0).alertId());
        assertThat(second.trackIds()).containsExactly("A", "B", "D");
        assertThat(second.windowStart()).isEqualTo(t(340.3));
        // the CLOSED was raised 120 s after the break, before D's first update
        List<EntityTrack> beforeD =
                updates.stream().filter(u -> u.time().isBefore(t(340))).toList();
        assertThat(run(beforeD, null))
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        List<EntityTrack> beforeDue =
                updates.stream().filter(u -> u.time().isBefore(t(320.5))).toList();
        assertThat(run(beforeDue, null)).extracting(Alert::state).containsExactly(AlertState.NEW);
    }

    @Test
    void aDisjointGroupFormingWhileAnotherIsBrokenIsANewAlert() {
        // A, B, C alert; C's course swings 60° off from 200 s to 230 s (the group breaks: "left")
        // and back; meanwhile D, E, F, 1 km north, form their own group at 205 s
        Vehicle[] v = column();
        Vehicle[] north = {
            new Vehicle("D", 0, 1000, 12, 90),
            new Vehicle("E", -100, 1000, 12, 90),
            new Vehicle("F", -200, 1000, 12, 90)
        };
        List<EntityTrack> updates = new ArrayList<>();
        for (int s = 0; s <= 340; s++) {
            updates.add(v[0].at(s));
            updates.add(v[1].at(s + 0.1));
            EntityTrack c = v[2].at(s + 0.2);
            if (s >= 200 && s < 230) {
                double course = Math.toRadians(88 - 60);
                c =
                        track(
                                "C",
                                TrackStatus.CONFIRMED,
                                c.time(),
                                c.position(),
                                new Velocity(12.5 * Math.sin(course), 12.5 * Math.cos(course), 0));
            }
            updates.add(c);
            for (int i = 0; s >= 205 && i < 3; i++) {
                updates.add(north[i].at(s + 0.3 + i * 0.1));
            }
        }
        List<Alert> alerts = run(updates, null);

        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.UPDATE, AlertState.NEW);
        String first = alerts.get(0).alertId();
        assertThat(alerts.get(1).alertId()).isEqualTo(first);
        assertThat(alerts.get(1).trackIds()).containsExactly("A", "B", "C");
        assertThat(alerts.get(1).evidence()).containsEntry("reason", "rejoined");
        assertThat(alerts.get(1).windowEnd()).isBetween(t(230), t(231));
        assertThat(alerts.get(2).alertId()).isNotEqualTo(first);
        assertThat(alerts.get(2).trackIds()).containsExactly("D", "E", "F");
        assertThat(alerts.get(2).windowStart()).isEqualTo(t(205.5));
    }

    @Test
    void aBrokenGroupInATileThatHearsNothingMoreClosesOnExpiryWithItsMarking() {
        Vehicle[] v = column();
        Marking mex = Marking.releasableTo(List.of("mex"));
        List<EntityTrack> updates = new ArrayList<>();
        for (EntityTrack u : drive(200, v)) {
            updates.add(TrackFixtures.from(u, u.sensorIds(), u.partnerIds(), mex));
        }
        updates.add(deleted(v[2].at(200.2), 200.5));
        ConvoyState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<ConvoyState> r = detector.onTrackUpdate(state, null, u);
            state = r.newState();
            alerts.addAll(r.alerts());
        }
        assertThat(alerts).extracting(Alert::state).containsExactly(AlertState.NEW);
        assertThat(state.broken())
                .singleElement()
                .satisfies(b -> assertThat(b.since()).isEqualTo(t(200.5)));
        assertThat(ConvoyState.fromBytes(state.toBytes())).isEqualTo(state);

        // the tile hears nothing more: A is forgotten forgetAfterS (60 s) after its last update,
        // before the 120 s rejoinS run out, and with one track left the group cannot re-form and
        // closes; forgetting B 0.1 s later leaves nothing in the tile's state
        List<Instant> at = new ArrayList<>();
        List<Integer> closedAt = new ArrayList<>();
        while (state != null && detector.expiresAt(state) != null) {
            Instant due = detector.expiresAt(state);
            at.add(due);
            DetectorResult<ConvoyState> r = detector.expire(state, null, due);
            state = r.newState();
            if (!r.alerts().isEmpty()) {
                closedAt.add(at.size() - 1);
            }
            alerts.addAll(r.alerts());
        }
        assertThat(at).containsExactly(t(260.0), t(260.1));
        assertThat(closedAt).containsExactly(0);
        assertThat(state).as("state cleared").isNull();
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        Alert closed = alerts.get(1);
        assertThat(closed.alertId()).isEqualTo(alerts.get(0).alertId());
        assertThat(closed.evidence()).containsEntry("reason", "ended");
        // described as at its last update together (C's marking too, though C's track is gone)
        assertThat(closed.marking()).isEqualTo(alerts.get(0).marking()).isEqualTo(mex);
        assertThat(closed.trackIds()).containsExactly("A", "B", "C");
    }

    @Test
    void aBrokenGroupWhoseTracksAreAllStillHereClosesRejoinSAfterTheBreak() {
        // all three tracks stay, but C drives north from 200 s: nothing re-forms, and the expiry
        // (or the next update) at 200.2 s + 120 s closes the alert
        Vehicle[] v = column();
        List<EntityTrack> updates = drive(199, v);
        Vehicle cNorth = new Vehicle("C", 0, 0, 12, 0);
        for (int s = 200; s <= 330; s++) {
            updates.add(v[0].at(s));
            updates.add(v[1].at(s + 0.1));
            updates.add(
                    track(
                            "C",
                            TrackStatus.CONFIRMED,
                            t(s + 0.2),
                            moved(v[2].at(199.2).position(), 0, 12 * (s + 0.2 - 199.2)),
                            cNorth.at(0).velocity()));
        }
        List<Alert> upToDue =
                run(updates.stream().filter(u -> u.time().isBefore(t(320.2))).toList(), null);
        assertThat(upToDue).extracting(Alert::state).containsExactly(AlertState.NEW);
        List<Alert> alerts = run(updates, null);
        assertThat(alerts)
                .extracting(Alert::state)
                .containsExactly(AlertState.NEW, AlertState.CLOSED);
        assertThat(alerts.get(1).evidence())
                .containsEntry("reason", "left")
                .containsEntry(Evidence.REVISION, "1");
        // A and B still linked to C's last eastbound update until C's first northbound one
        assertThat(alerts.get(1).windowEnd()).isEqualTo(t(200.1));
    }

    @Test
    void aBadRejoinSettingNamesTheKeyAndWhatIsAllowed() {
        assertThatThrownBy(() -> parameters(1, -1))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rejoinS")
                .hasMessageContaining("-1");
        ConvoyParameters d = ConvoyParameters.DEFAULTS;
        assertThatThrownBy(
                        () ->
                                new ConvoyParameters(
                                        d.minTracks(),
                                        d.linkDistanceM(),
                                        d.separationM(),
                                        d.maxHeadingDiffDeg(),
                                        d.maxSpeedDiffMps(),
                                        d.maxSpeedDiffFraction(),
                                        d.minSpeedMps(),
                                        d.minDurationS(),
                                        d.maxTrackAgeS(),
                                        d.forgetAfterS(),
                                        d.haloM(),
                                        d.tileSizeDeg(),
                                        d.handoverMarginM(),
                                        d.severity(),
                                        d.velocitySigmas(),
                                        d.rejoinS(),
                                        0))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("rejoinShare")
                .hasMessageContaining("(0, 1]");
    }

    @Test
    void stateOfTheSecondFormatIsStillRead() {
        // Version 2: no broken groups.
        GeoPoint here = new GeoPoint(31.3, -110.6, 1200);
        byte[] v2 =
                new io.cordon.pipeline.detect.StateBytes.Writer(2)
                        .writeInt(1)
                        .writeString("A")
                        .writeInstant(t(10))
                        .writePoint(here)
                        .writeDouble(5.0)
                        .writeDouble(-1.0)
                        .writeBoolean(true)
                        .writeString("")
                        .writeString("usa")
                        .writeString("r1")
                        .writeDouble(1.5)
                        .writeInt(1)
                        .writeString("A@0")
                        .writeString("A,B,C")
                        .writeInstant(t(0))
                        .writeInstant(t(10))
                        .writePoint(here)
                        .writeString("3:4")
                        .writeBoolean(true)
                        .writeString("0:0")
                        .writeString("A,B,C")
                        .writeInt(2)
                        .writeInt(4)
                        .toBytes();

        ConvoyState s = ConvoyState.fromBytes(v2);

        assertThat(s.members())
                .singleElement()
                .satisfies(m -> assertThat(m.velocitySigmaMps()).isEqualTo(1.5));
        assertThat(s.groups())
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.alertKey()).isEqualTo("0:0");
                            assertThat(g.revision()).isEqualTo(2);
                            assertThat(g.maxMembers()).isEqualTo(4);
                        });
        assertThat(s.broken()).isEmpty();
        assertThat(ConvoyState.fromBytes(s.toBytes())).isEqualTo(s);
    }

    @Test
    void stateOfTheFirstFormatIsStillRead() {
        // Version 1: members without their velocity sigma, read as 0 (the point-estimate test).
        GeoPoint here = new GeoPoint(31.3, -110.6, 1200);
        byte[] v1 =
                new io.cordon.pipeline.detect.StateBytes.Writer(1)
                        .writeInt(1)
                        .writeString("A")
                        .writeInstant(t(10))
                        .writePoint(here)
                        .writeDouble(5.0)
                        .writeDouble(-1.0)
                        .writeBoolean(false)
                        .writeString("usa")
                        .writeString("mex")
                        .writeString("r1,r2")
                        .writeInt(1)
                        .writeString("A@0")
                        .writeString("A,B,C")
                        .writeInstant(t(0))
                        .writeInstant(t(10))
                        .writePoint(here)
                        .writeString("3:4")
                        .writeBoolean(true)
                        .writeString("0")
                        .writeString("A,B,C")
                        .writeInt(1)
                        .writeInt(3)
                        .toBytes();

        ConvoyState s = ConvoyState.fromBytes(v1);

        assertThat(s.members())
                .singleElement()
                .satisfies(
                        m -> {
                            assertThat(m.eastMps()).isEqualTo(5.0);
                            assertThat(m.releasableTo()).isEqualTo("usa");
                            assertThat(m.sensorIds()).isEqualTo("r1,r2");
                            assertThat(m.velocitySigmaMps()).isZero();
                        });
        assertThat(s.groups())
                .singleElement()
                .satisfies(
                        g -> {
                            assertThat(g.memberList()).containsExactly("A", "B", "C");
                            assertThat(g.ownerTile()).isEqualTo("3:4");
                            assertThat(g.alerted()).isTrue();
                            assertThat(g.revision()).isEqualTo(1);
                            assertThat(g.maxMembers()).isEqualTo(3);
                        });
        assertThat(ConvoyState.fromBytes(s.toBytes())).isEqualTo(s);
    }
}
