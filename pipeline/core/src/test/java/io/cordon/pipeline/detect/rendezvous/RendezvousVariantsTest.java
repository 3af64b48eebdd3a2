package io.cordon.pipeline.detect.rendezvous;

import static io.cordon.pipeline.detect.TrackFixtures.moved;
import static io.cordon.pipeline.detect.TrackFixtures.t;
import static io.cordon.pipeline.detect.TrackFixtures.track;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.config.ConfigException;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.config.ParameterSection;
import io.cordon.pipeline.detect.DetectorResult;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.detect.StateBytes;
import io.cordon.pipeline.detect.rendezvous.RendezvousVariants.Variant;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The land, sea and air variants of one {@link RendezvousDetector}, and their configuration. */
class RendezvousVariantsTest {
    /** Open sea off the Gulf of California. */
    static final GeoPoint SEA = GeoPoint.of(30.0, -113.5);

    static final double KNOT_MPS = 1852.0 / 3600;

    private static EntityTrack classed(String id, TargetClass c, double s, GeoPoint p, Velocity v) {
        EntityTrack u = track(id, TrackStatus.CONFIRMED, t(s), p, v);
        return new EntityTrack(
                u.trackId(),
                u.status(),
                u.time(),
                u.position(),
                u.velocity(),
                u.covariance(),
                u.sensorIds(),
                u.partnerIds(),
                u.identity(),
                new Classification(c, 0.9),
                u.marking(),
                u.updateCount());
    }

    /**
     * Two tracks of classes {@code ca} and {@code cb} moving east at {@code speedMps}, B {@code
     * apartM} north of A, A every {@code stepS} s from 0 to {@code endS} and B half a step later.
     */
    private static List<EntityTrack> together(
            TargetClass ca,
            TargetClass cb,
            GeoPoint start,
            double apartM,
            double speedMps,
            double stepS,
            double endS) {
        List<EntityTrack> out = new ArrayList<>();
        Velocity v = new Velocity(speedMps, 0, 0);
        for (double s = 0; s <= endS; s += stepS) {
            out.add(classed("A", ca, s, moved(start, 90, speedMps * s), v));
            double sb = s + stepS / 2;
            out.add(classed("B", cb, sb, moved(moved(start, 90, speedMps * sb), 0, apartM), v));
        }
        return out;
    }

    private static List<Alert> run(RendezvousDetector detector, List<EntityTrack> updates) {
        RendezvousState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (EntityTrack u : updates) {
            DetectorResult<RendezvousState> r = detector.onTrackUpdate(state, null, u);
            state = r.newState() == null ? null : RendezvousState.fromBytes(r.newState().toBytes());
            alerts.addAll(r.alerts());
        }
        return alerts;
    }

    private static RendezvousDetector detector(RendezvousVariants v) {
        return new RendezvousDetector(v, TileGrid.DEFAULT);
    }

    private static final RendezvousDetector DEFAULTS = detector(RendezvousVariants.DEFAULTS);

    private static RendezvousVariants withAnchorage(GeoPoint anchorage) {
        RendezvousVariants d = RendezvousVariants.DEFAULTS;
        return new RendezvousVariants(
                d.land(),
                d.sea(),
                d.air(),
                List.of(anchorage),
                d.minAnchorageDistanceM(),
                d.maxHeightDifferenceM());
    }

    // ---------------------------------------------------------------- sea

    @Test
    void twoVesselsFourHundredMetresApartForTwoHoursAtOneKnotAreAnEncounter() {
        List<Alert> alerts =
                run(
                        DEFAULTS,
                        together(
                                TargetClass.VESSEL,
                                TargetClass.VESSEL,
                                SEA,
                                400,
                                KNOT_MPS,
                                10,
                                7300));

        Alert first = alerts.get(0);
        assertThat(first.state()).isEqualTo(AlertState.NEW);
        assertThat(first.evidence()).containsEntry("variant", "sea");
        assertThat(first.evidence()).containsEntry(Evidence.PARAM_PREFIX + "maxDistanceM", "500.0");
        assertThat(first.evidence())
                .containsEntry(Evidence.PARAM_PREFIX + "minDurationS", "7200.0");
        // Together from the first comparison (5 s): the alert once that is 2 h ago.
        assertThat(first.windowEnd()).isBetween(t(7205), t(7215));
        assertThat(alerts).extracting(Alert::alertId).containsOnly(first.alertId());
    }

    @Test
    void twoVesselsTogetherForOneHourAreNoEncounter() {
        assertThat(
                        run(
                                DEFAULTS,
                                together(
                                        TargetClass.VESSEL,
                                        TargetClass.VESSEL,
                                        SEA,
                                        400,
                                        KNOT_MPS,
                                        10,
                                        3600)))
                .isEmpty();
    }

    @Test
    void anEncounterWithinTenKilometresOfAnAnchorageIsNoEncounter() {
        List<EntityTrack> twoHours =
                together(TargetClass.VESSEL, TargetClass.VESSEL, SEA, 400, KNOT_MPS, 10, 7300);

        // The pair drifts 3.8 km east in 2 h: 5 km north of the start stays within 10 km.
        assertThat(run(detector(withAnchorage(moved(SEA, 0, 5_000))), twoHours)).isEmpty();
        // The same encounter with the anchorage 20 km away alerts.
        assertThat(run(detector(withAnchorage(moved(SEA, 0, 20_000))), twoHours))
                .extracting(Alert::state)
                .contains(AlertState.NEW);
    }

    @Test
    void twoVesselsAtFiveKnotsAreNoEncounter() {
        assertThat(
                        run(
                                DEFAULTS,
                                together(
                                        TargetClass.VESSEL,
                                        TargetClass.VESSEL,
                                        SEA,
                                        400,
                                        5 * KNOT_MPS,
                                        10,
                                        7300)))
                .isEmpty();
    }

    @Test
    void aTwoHourEncounterKeepsABoundedSpeedWindow() {
        RendezvousState state = null;
        int largest = 0;
        for (EntityTrack u :
                together(TargetClass.VESSEL, TargetClass.VESSEL, SEA, 400, KNOT_MPS, 2, 7300)) {
            state = DEFAULTS.onTrackUpdate(state, null, u).newState();
            if (!state.pairs().isEmpty()) {
                largest = Math.max(largest, state.pairs().get(0).window().size());
            }
        }
        // 7 300 updates in the last 2 h without thinning.
        assertThat(largest).isLessThanOrEqualTo(RendezvousDetector.MAX_WINDOW);
        RendezvousState.Pair p = state.pairs().get(0);
        assertThat(p.alerted()).isTrue();
        // Still spanning most of the last 2 h, oldest first.
        long oldest = p.window().get(0) >> 1;
        long newest = p.window().get(p.window().size() - 1) >> 1;
        assertThat(newest - oldest).isGreaterThan(7_000_000L);
    }

    @Test
    void aVesselIsForgottenAfterTheSeaVariantsTimeAndALandTrackAfterTheLandOne() {
        RendezvousState s =
                DEFAULTS.onTrackUpdate(
                                null,
                                null,
                                classed("V", TargetClass.VESSEL, 0, SEA, new Velocity(0, 0, 0)))
                        .newState();
        assertThat(DEFAULTS.expiresAt(s)).isEqualTo(t(600));
        s =
                DEFAULTS.onTrackUpdate(
                                s,
                                null,
                                classed(
                                        "P",
                                        TargetClass.PERSON,
                                        100,
                                        moved(SEA, 0, 3_000),
                                        new Velocity(0, 0, 0)))
                        .newState();
        assertThat(DEFAULTS.expiresAt(s)).isEqualTo(t(160));
        assertThat(DEFAULTS.expire(s, null, t(160)).newState().members())
                .extracting(RendezvousState.Member::trackId)
                .containsExactly("V");
    }

    @Test
    void aVesselsUpdateGoesToTilesWithinTwiceTheSeaReach() {
        // 2.2 km north of the tile edge at 30.0 and 5 km from the others.
        GeoPoint near = GeoPoint.of(30.02, -113.45);
        EntityTrack vessel = classed("V", TargetClass.VESSEL, 0, near, new Velocity(0, 0, 0));
        EntityTrack person = classed("P", TargetClass.PERSON, 0, near, new Velocity(0, 0, 0));
        // The sea halo (2 x 1 750 m) reaches the tile south, the land halo (2 x 175 m) does not.
        assertThat(DEFAULTS.keysFor(vessel)).hasSize(2);
        assertThat(DEFAULTS.keysFor(person)).containsExactly(TileGrid.DEFAULT.tileOf(near));
    }

    /**
     * {@code updates} with each track's class {@code before} until {@code changeS} (exclusive) and
     * {@code after} from then on.
     */
    private static List<EntityTrack> reclassified(
            List<EntityTrack> updates, TargetClass before, TargetClass after, double changeS) {
        List<EntityTrack> out = new ArrayList<>();
        for (EntityTrack u : updates) {
            double s = (u.time().toEpochMilli() - t(0).toEpochMilli()) / 1000.0;
            out.add(
                    classed(
                            u.trackId(),
                            s < changeS ? before : after,
                            s,
                            u.position(),
                            u.velocity()));
        }
        return out;
    }

    @Test
    void twoUnclassifiedTracksLaterKnownAsVesselsAreJudgedByTheSeaRule() {
        // Radar-only tracks 40 m apart at 1 kn: UNKNOWN (land) for the first 20 s, then VESSEL.
        // Kept on the land rule, the pair would alert at 30 s together; restarted as sea, it
        // alerts only after 2 h together from the change.
        List<EntityTrack> updates =
                reclassified(
                        together(
                                TargetClass.UNKNOWN,
                                TargetClass.UNKNOWN,
                                SEA,
                                40,
                                KNOT_MPS,
                                10,
                                7400),
                        TargetClass.UNKNOWN,
                        TargetClass.VESSEL,
                        20);

        List<Alert> alerts = run(DEFAULTS, updates);

        assertThat(alerts).isNotEmpty();
        assertThat(alerts)
                .allSatisfy(a -> assertThat(a.evidence()).containsEntry("variant", "sea"));
        Alert first = alerts.get(0);
        assertThat(first.state()).isEqualTo(AlertState.NEW);
        // The sea pair starts at the first comparison of two vessels (B's update at 25 s).
        assertThat(first.windowStart()).isEqualTo(t(25));
        assertThat(first.windowEnd()).isBetween(t(25 + 7200), t(25 + 7210));
        assertThat(alerts).extracting(Alert::alertId).containsOnly(first.alertId());

        // Never reclassified, the same tracks are a land meeting at 30 s.
        List<Alert> land =
                run(DEFAULTS, reclassified(updates, TargetClass.UNKNOWN, TargetClass.UNKNOWN, 0));
        assertThat(land.get(0).evidence()).containsEntry("variant", "land");
        assertThat(land.get(0).windowEnd()).isBefore(t(60));
    }

    @Test
    void aPairThatAlertedKeepsItsVariantAndIdWhenTheClassesChangeAndClosesNormally() {
        // UNKNOWN 20 m apart, slow: a land meeting alerts after 30 s. At 60 s both become
        // VESSEL (the alert stands, and stays land); at 120 s B heads off north and they part.
        List<EntityTrack> updates = new ArrayList<>();
        Velocity still = new Velocity(0.3, 0, 0);
        for (double s = 0; s <= 240; s += 2) {
            TargetClass c = s < 60 ? TargetClass.UNKNOWN : TargetClass.VESSEL;
            GeoPoint a = moved(SEA, 90, 0.3 * s);
            updates.add(classed("A", c, s, a, still));
            double north = s < 120 ? 20 : 20 + 10 * (s + 1 - 120);
            Velocity vb = s < 120 ? still : new Velocity(0.3, 10, 0);
            updates.add(classed("B", c, s + 1, moved(moved(SEA, 90, 0.3 * (s + 1)), 0, north), vb));
        }

        List<Alert> alerts = run(DEFAULTS, updates);

        assertThat(alerts).extracting(Alert::alertId).containsOnly(alerts.get(0).alertId());
        assertThat(alerts)
                .allSatisfy(a -> assertThat(a.evidence()).containsEntry("variant", "land"));
        assertThat(alerts.get(0).state()).isEqualTo(AlertState.NEW);
        assertThat(alerts.get(0).windowEnd()).isBefore(t(60));
        Alert last = alerts.get(alerts.size() - 1);
        assertThat(last.state()).isEqualTo(AlertState.CLOSED);
        assertThat(last.evidence()).containsEntry("reason", "separated");
        // Together until B left (its last update within the land distance, before 130 s).
        assertThat(last.windowEnd()).isBetween(t(120), t(130));
        assertThat(alerts).filteredOn(a -> a.state() == AlertState.CLOSED).hasSize(1);
    }

    // ---------------------------------------------------------------- air

    private static List<EntityTrack> hovering(
            TargetClass c, double apartM, double altA, double altB, double endS) {
        List<EntityTrack> out = new ArrayList<>();
        for (EntityTrack u : together(c, c, SEA, apartM, 2, 1, endS)) {
            GeoPoint p = u.position();
            double alt = u.trackId().equals("A") ? altA : altB;
            out.add(
                    new EntityTrack(
                            u.trackId(),
                            u.status(),
                            u.time(),
                            new GeoPoint(p.latDeg(), p.lonDeg(), alt),
                            u.velocity(),
                            u.covariance(),
                            u.sensorIds(),
                            u.partnerIds(),
                            u.identity(),
                            u.classification(),
                            u.marking(),
                            u.updateCount()));
        }
        return out;
    }

    @Test
    void twoDronesHoveringTwoHundredMetresApartForAMinuteMeet() {
        List<Alert> alerts = run(DEFAULTS, hovering(TargetClass.DRONE, 200, 120, 150, 90));

        Alert first = alerts.get(0);
        assertThat(first.state()).isEqualTo(AlertState.NEW);
        assertThat(first.evidence()).containsEntry("variant", "air");
        assertThat(first.windowEnd()).isBetween(t(60), t(62));
    }

    @Test
    void aircraftAtDifferentHeightsOrFartherThanThreeHundredMetresDoNotMeet() {
        assertThat(run(DEFAULTS, hovering(TargetClass.AIRCRAFT, 200, 500, 1_500, 120))).isEmpty();
        assertThat(run(DEFAULTS, hovering(TargetClass.AIRCRAFT, 600, 500, 500, 120))).isEmpty();
        // Without altitudes (0 = unknown) the height test does not apply.
        assertThat(run(DEFAULTS, hovering(TargetClass.AIRCRAFT, 200, 0, 1_500, 120))).isNotEmpty();
    }

    @Test
    void theSameHoverByUnclassifiedTracksIsNoLandRendezvous() {
        assertThat(run(DEFAULTS, hovering(TargetClass.UNKNOWN, 200, 0, 0, 120))).isEmpty();
    }

    // ---------------------------------------------------------------- mixed and land

    @Test
    void aVesselAndAPersonUseTheLandVariant() {
        List<Alert> close =
                run(
                        DEFAULTS,
                        together(TargetClass.VESSEL, TargetClass.PERSON, SEA, 20, 0.3, 2, 60));
        assertThat(close).isNotEmpty();
        assertThat(close.get(0).evidence()).containsEntry("variant", "land");
        assertThat(close.get(0).windowEnd()).isBetween(t(30), t(33));

        // 400 m apart for 2 h at 1 kn would be a sea encounter; for a mixed pair it is nothing.
        assertThat(
                        run(
                                DEFAULTS,
                                together(
                                        TargetClass.VESSEL,
                                        TargetClass.PERSON,
                                        SEA,
                                        400,
                                        KNOT_MPS,
                                        10,
                                        7300)))
                .isEmpty();
    }

    @Test
    void landTracksBehaveAsWithTheLandParametersAlone() {
        for (TargetClass c :
                List.of(
                        TargetClass.UNKNOWN,
                        TargetClass.PERSON,
                        TargetClass.LAND_VEHICLE,
                        TargetClass.ANIMAL)) {
            List<EntityTrack> updates = together(c, c, SEA, 20, 0.3, 2, 60);
            List<Alert> withVariants = run(DEFAULTS, updates);
            List<Alert> landOnly =
                    run(
                            new RendezvousDetector(RendezvousParameters.DEFAULTS, TileGrid.DEFAULT),
                            updates);
            assertThat(withVariants).isNotEmpty().isEqualTo(landOnly);
            assertThat(withVariants.get(0).evidence()).containsEntry("variant", "land");
        }
    }

    // ---------------------------------------------------------------- state

    @Test
    void variantsSurviveBytesAndTheThirdFormatIsReadAsLand() {
        RendezvousState.Member m =
                new RendezvousState.Member(
                        "A",
                        t(1),
                        SEA,
                        0.5,
                        0,
                        RendezvousState.Cov.ZERO,
                        true,
                        "",
                        "usa",
                        "r1",
                        Variant.SEA);
        RendezvousState.Pair p =
                new RendezvousState.Pair(
                        "A",
                        "B",
                        t(0),
                        t(1),
                        SEA,
                        SEA,
                        "1:2",
                        1,
                        0,
                        List.of(3L),
                        400,
                        false,
                        0,
                        0,
                        SEA,
                        null,
                        Variant.SEA);
        RendezvousState s = new RendezvousState(List.of(m), List.of(p));
        assertThat(RendezvousState.fromBytes(s.toBytes())).isEqualTo(s);

        // Version 3: the same without the variants.
        StateBytes.Writer w =
                new StateBytes.Writer(3)
                        .writeInt(1)
                        .writeString("A")
                        .writeInstant(t(1))
                        .writePoint(SEA)
                        .writeDouble(0.5)
                        .writeDouble(0);
        for (int i = 0; i < 10; i++) {
            w.writeDouble(0);
        }
        byte[] v3 =
                w.writeBoolean(true)
                        .writeString("")
                        .writeString("usa")
                        .writeString("r1")
                        .writeInt(1)
                        .writeString("A")
                        .writeString("B")
                        .writeInstant(t(0))
                        .writeInstant(t(1))
                        .writePoint(SEA)
                        .writePoint(SEA)
                        .writeString("1:2")
                        .writeInt(1)
                        .writeInt(0)
                        .writeInt(1)
                        .writeLong(3L)
                        .writeDouble(400)
                        .writeBoolean(false)
                        .writeInt(0)
                        .writeDouble(0)
                        .writePoint(SEA)
                        .writeInstant(null)
                        .toBytes();
        RendezvousState old = RendezvousState.fromBytes(v3);
        assertThat(old.members().get(0).variant()).isEqualTo(Variant.LAND);
        assertThat(old.pairs().get(0).variant()).isEqualTo(Variant.LAND);
        assertThat(old.members().get(0).sensorIds()).isEqualTo("r1");
        assertThat(old.pairs().get(0).window()).containsExactly(3L);
    }

    // ---------------------------------------------------------------- configuration

    private static ParameterSection section(String yaml) {
        return CordonConfig.parse(
                        "reference: {latDeg: 0, lonDeg: 0}\ndetectors:\n  rendezvous:\n" + yaml,
                        Path.of("."))
                .detectors()
                .of("rendezvous");
    }

    @Test
    void noSectionGivesTheDocumentedDefaults() {
        RendezvousVariants v = RendezvousVariants.from(section("    {}\n"));
        assertThat(v).isEqualTo(RendezvousVariants.DEFAULTS);
        assertThat(v.sea().maxDistanceM()).isEqualTo(500);
        assertThat(v.sea().minDurationS()).isEqualTo(7200);
        assertThat(v.sea().maxMedianSpeedMps()).isEqualTo(1.03);
        assertThat(v.minAnchorageDistanceM()).isEqualTo(10_000);
        assertThat(v.land()).isEqualTo(RendezvousParameters.DEFAULTS);
    }

    @Test
    void flatKeysAreLandAndNestedSectionsTheOtherVariants() {
        RendezvousVariants v =
                RendezvousVariants.from(
                        section(
                                "    maxDistanceM: 60\n"
                                        + "    sea:\n"
                                        + "      minDurationS: 3600\n"
                                        + "      anchorages:\n"
                                        + "        - {latDeg: 30.1, lonDeg: -113.4}\n"
                                        + "      minAnchorageDistanceM: 5000\n"
                                        + "    air:\n"
                                        + "      maxDistanceM: 200\n"
                                        + "      maxHeightDifferenceM: 50\n"));
        assertThat(v.land().maxDistanceM()).isEqualTo(60);
        assertThat(v.land().separationM()).isEqualTo(90);
        assertThat(v.sea().minDurationS()).isEqualTo(3600);
        assertThat(v.sea().maxDistanceM()).isEqualTo(500);
        // separationS keeps the sea default's ratio to minDurationS (600 / 7200).
        assertThat(v.sea().separationS()).isEqualTo(300);
        assertThat(v.anchorages()).containsExactly(GeoPoint.of(30.1, -113.4));
        assertThat(v.minAnchorageDistanceM()).isEqualTo(5000);
        assertThat(v.air().maxDistanceM()).isEqualTo(200);
        assertThat(v.air().separationM()).isEqualTo(300);
        assertThat(v.air().minDurationS()).isEqualTo(60);
        assertThat(v.maxHeightDifferenceM()).isEqualTo(50);
    }

    @Test
    void flatDottedKeysAsParamWritesThemAreTheNestedSection() {
        RendezvousVariants v =
                RendezvousVariants.from(
                        section("    sea.minDurationS: 3600\n    air.maxMedianSpeedMps: 8\n"));
        assertThat(v.sea().minDurationS()).isEqualTo(3600);
        assertThat(v.air().maxMedianSpeedMps()).isEqualTo(8);
        assertThat(v.land()).isEqualTo(RendezvousParameters.DEFAULTS);
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(
                        () ->
                                RendezvousVariants.from(
                                        section("    sea:\n      minDurationS: -5\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "detectors.rendezvous.sea.minDurationS: found -5.0; allowed: a finite"
                                + " number > 0");
        assertThatThrownBy(() -> RendezvousVariants.from(section("    sea.minDurationS: x\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("detectors.rendezvous.sea.minDurationS: found");
        assertThatThrownBy(
                        () ->
                                RendezvousVariants.from(
                                        section("    air:\n      maxHeightDifferenceM: 0\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "detectors.rendezvous.air.maxHeightDifferenceM: found 0.0; allowed: a"
                                + " finite number > 0");
        assertThatThrownBy(
                        () ->
                                RendezvousVariants.from(
                                        section("    sea:\n      maxDistance: 400\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith(
                        "detectors.rendezvous.sea.maxDistance: found \"unknown key maxDistance\";"
                                + " allowed: only the keys maxDistanceM,");
        assertThatThrownBy(() -> RendezvousVariants.from(section("    land.minDurationS: 5\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("detectors.rendezvous.land.minDurationS");
        assertThatThrownBy(
                        () ->
                                RendezvousVariants.from(
                                        section(
                                                "    sea: {minDurationS: 60}\n"
                                                        + "    sea.minDurationS: 90\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("detectors.rendezvous.sea.minDurationS")
                .hasMessageContaining("given twice");
        assertThatThrownBy(
                        () ->
                                RendezvousVariants.from(
                                        section(
                                                "    sea:\n      anchorages:\n"
                                                        + "        - {latDeg: 95, lonDeg: 0}\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "detectors.rendezvous.sea.anchorages[0].latDeg: found 95.0; allowed:"
                                + " degrees in [-90, 90]");
        assertThatThrownBy(() -> RendezvousVariants.from(section("    sea: 5\n")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("detectors.rendezvous.sea: found 5");
    }
}
