package io.cordon.jobs.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.cordon.jobs.testing.OfflinePipeline;
import io.cordon.pipeline.config.CordonConfig;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.RadarPlot;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.simulation.AisStaticReport;
import io.cordon.pipeline.simulation.BorderSimulation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.proto.v1.DeadLetter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The example configuration's simulated sensors speak ASTERIX, CoT XML, TAK protobuf, GeoJSON,
 * SAPIENT and AIS; the in-process connectors decode every intact unit back to the simulated
 * observation (within each format's resolution) and turn every corrupted unit into dead letters
 * with source and reason.
 */
class SimulatedConnectorsTest {
    private static final CordonConfig CONFIG =
            CordonConfig.load(Path.of("..", "deploy", "cordon.yaml"));
    private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    private static final double SCENARIO_S = 900;
    private static final double CORRUPTIONS_PER_MINUTE = 2;

    private static BorderSimulation simulation() {
        return new BorderSimulation(
                CONFIG.sensors(), CONFIG.reference(), EPOCH, 42, 20, 0.25, SCENARIO_S);
    }

    @Test
    void intactUnitsDecodeToTheSimulatedObservationsAndCorruptedOnesAreDeadLettered() {
        BorderSimulation sim = simulation();
        SimulatedFeeds feeds = new SimulatedFeeds(sim, CONFIG.sensors(), CORRUPTIONS_PER_MINUTE);
        InProcessConnectors connectors = new InProcessConnectors(CONFIG.sensors());
        assertThat(feeds.formats())
                .containsExactly(
                        WireFormat.ASTERIX,
                        WireFormat.COT,
                        WireFormat.TAK,
                        WireFormat.MISB,
                        WireFormat.GEOJSON,
                        WireFormat.SAPIENT,
                        WireFormat.AIS);
        assertThat(feeds.formatOf("mex-drone-1")).isEqualTo(WireFormat.COT);
        assertThat(feeds.formatOf("usa-drone-1")).isEqualTo(WireFormat.TAK);
        assertThat(feeds.formatOf("mex-drone-2")).isEqualTo(WireFormat.MISB);

        List<RawUnit> units = feeds.unitsBetween(-1, SCENARIO_S);
        List<List<Observation>> scans = scans(sim.observationsBetween(-1, SCENARIO_S));
        List<AisStaticReport> statics = sim.aisStaticReportsBetween(-1, SCENARIO_S);
        Map<WireFormat, Integer> corrupted = new EnumMap<>(WireFormat.class);
        Set<String> corruptedSensors = new TreeSet<>();
        // call signs the AIS connector has received in a static report, by MMSI
        Map<String, String> callsignsReceived = new HashMap<>();
        int u = 0;
        int st = 0;
        int compared = 0;
        int comparedAis = 0;
        int withCallsign = 0;
        for (List<Observation> scan : scans) {
            while (u < units.size() && isAisStatic(units.get(u))) {
                RawUnit unit = units.get(u++);
                AisStaticReport truth = statics.get(st++);
                assertThat(unit.sensorId()).isEqualTo(truth.sensorId());
                assertThat(unit.receivedAt()).isAfter(truth.time());
                assertThat(truth.time()).isBeforeOrEqualTo(scan.get(0).eventTime());
                InProcessConnectors.Decoded d = connectors.decode(unit);
                assertThat(d.observations()).as("static data is no observation").isEmpty();
                if (unit.corrupted()) {
                    corrupted.merge(WireFormat.AIS, 1, Integer::sum);
                    corruptedSensors.add(unit.sensorId());
                    // the first sentence fails its checksum, the second has no first
                    assertThat(d.deadLetters()).hasSize(2);
                    assertThat(d.deadLetters().get(0).getReason()).containsIgnoringCase("checksum");
                    assertThat(d.deadLetters().get(1).getReason())
                            .contains("without its preceding fragments");
                } else {
                    assertThat(d.deadLetters()).isEmpty();
                    callsignsReceived.put(
                            truth.transponder().mmsiDigits(), truth.transponder().callsign());
                }
            }
            WireFormat format = feeds.formatOf(scan.get(0).sensorId());
            List<List<Observation>> perUnit =
                    format == WireFormat.COT
                                    || format == WireFormat.TAK
                                    || format == WireFormat.SAPIENT
                                    || format == WireFormat.AIS
                            ? scan.stream().map(List::of).toList()
                            : List.of(scan);
            for (List<Observation> truth : perUnit) {
                RawUnit unit = units.get(u++);
                assertThat(unit.format()).isEqualTo(format);
                assertThat(unit.sensorId()).isEqualTo(truth.get(0).sensorId());
                InProcessConnectors.Decoded d = connectors.decode(unit);
                if (!unit.corrupted()) {
                    assertThat(d.deadLetters()).isEmpty();
                    assertThat(d.observations()).hasSameSizeAs(truth);
                    for (int i = 0; i < truth.size(); i++) {
                        assertSame(truth.get(i), d.observations().get(i));
                        compared++;
                    }
                    if (format == WireFormat.AIS) {
                        comparedAis++;
                        Observation want = truth.get(0);
                        Observation got = d.observations().get(0);
                        assertAisSame(want, got, unit);
                        String callsign = callsignsReceived.get(want.identity().mmsi());
                        assertThat(got.identity().callsign())
                                .as("the call sign of a static report received before")
                                .isEqualTo(callsign == null ? "" : callsign);
                        withCallsign += callsign == null ? 0 : 1;
                    }
                    continue;
                }
                corrupted.merge(format, 1, Integer::sum);
                corruptedSensors.add(unit.sensorId());
                assertThat(d.deadLetters()).as(unit.corruption()).isNotEmpty();
                for (DeadLetter dl : d.deadLetters()) {
                    assertThat(dl.getSource()).isEqualTo(format.label() + ":" + unit.sensorId());
                    assertThat(dl.getReason()).isNotBlank();
                    assertThat(dl.getRaw().isEmpty()).isFalse();
                    assertThat(dl.getSourcePartition()).isEqualTo(-1);
                }
                if (format == WireFormat.GEOJSON) {
                    // only the broken feature is lost
                    assertThat(d.observations()).hasSize(truth.size() - 1);
                    assertThat(d.deadLetters().get(0).getReason()).contains("feature 0", "time");
                }
                if (format == WireFormat.ASTERIX) {
                    assertThat(d.deadLetters().get(0).getReason()).contains("LEN");
                }
                if (format == WireFormat.SAPIENT) {
                    assertThat(d.observations()).isEmpty();
                    assertThat(d.deadLetters().get(0).getReason()).contains("cut short");
                }
                if (format == WireFormat.TAK) {
                    assertThat(d.observations()).isEmpty();
                    assertThat(d.deadLetters()).hasSize(1);
                    assertThat(d.deadLetters().get(0).getReason()).contains("wire type 7");
                }
                if (format == WireFormat.MISB) {
                    // one packet per frame: the frame's detections are all lost
                    assertThat(d.observations()).isEmpty();
                    assertThat(d.deadLetters()).hasSize(1);
                    assertThat(d.deadLetters().get(0).getReason()).contains("checksum mismatch");
                }
                if (format == WireFormat.AIS) {
                    assertThat(d.observations()).isEmpty();
                    assertThat(d.deadLetters()).hasSize(1);
                    assertThat(d.deadLetters().get(0).getReason()).containsIgnoringCase("checksum");
                }
            }
        }
        while (u < units.size() && isAisStatic(units.get(u))) {
            connectors.decode(units.get(u++));
            st++;
        }
        assertThat(u).isEqualTo(units.size());
        assertThat(st).isEqualTo(statics.size());
        assertThat(compared).isGreaterThan(5_000);
        assertThat(comparedAis).isGreaterThan(200);
        assertThat(statics).hasSizeGreaterThan(2);
        assertThat(withCallsign)
                .as("position reports named by an earlier static report")
                .isPositive();
        assertThat(corrupted.keySet())
                .containsExactlyInAnyOrder(
                        WireFormat.ASTERIX,
                        WireFormat.COT,
                        WireFormat.TAK,
                        WireFormat.MISB,
                        WireFormat.GEOJSON,
                        WireFormat.SAPIENT,
                        WireFormat.AIS);
        int total = corrupted.values().stream().mapToInt(Integer::intValue).sum();
        int due = (int) Math.floor(SCENARIO_S * CORRUPTIONS_PER_MINUTE / 60);
        // a corruption whose sensor has no unit left before the end stays owed
        assertThat(total).isBetween(due - feeds.corruptionRotation().size(), due);
        assertThat(corruptedSensors)
                .containsExactlyInAnyOrderElementsOf(feeds.corruptionRotation());

        var counts = connectors.counts();
        assertThat(counts.keySet())
                .containsExactly(
                        "asterix-cat048",
                        "cot-xml",
                        "tak-protobuf",
                        "misb-klv",
                        "geojson-satellite",
                        "sapient",
                        "ais-nmea");
        assertThat(counts.values())
                .allSatisfy(
                        c -> {
                            assertThat(c.records()).isPositive();
                            assertThat(c.observations()).isPositive();
                            assertThat(c.errors()).isPositive();
                        });
        long radarScans =
                scans.stream()
                        .filter(s -> feeds.formatOf(s.get(0).sensorId()) == WireFormat.ASTERIX)
                        .count();
        assertThat(counts.get("asterix-cat048").units()).isEqualTo(radarScans);
    }

    /**
     * AIS within its resolution: position 1/10 000 minute, speed 0.1 knot, course 0.1 degree, time
     * the whole UTC second (placed in its minute by the reception time).
     */
    private static void assertAisSame(Observation want, Observation got, RawUnit unit) {
        assertThat(got.eventTime()).isEqualTo(want.eventTime());
        assertThat(Duration.between(want.eventTime(), unit.receivedAt()).toMillis())
                .isBetween(
                        (long) SimulatedFeeds.AIS_MIN_DELAY_MS,
                        (long) SimulatedFeeds.AIS_MAX_DELAY_MS);
        assertThat(got.identity().mmsi()).isEqualTo(want.identity().mmsi());
        assertThat(got.observationId())
                .startsWith("ais/" + want.sensorId() + "/" + want.identity().mmsi() + "/");
        GeoPoint w = ((PositionFix) want.measurement()).position();
        GeoPoint g = ((PositionFix) got.measurement()).position();
        double halfStepDeg = 0.5 / 600_000 + 1e-12;
        assertThat(g.latDeg()).isCloseTo(w.latDeg(), within(halfStepDeg));
        assertThat(g.lonDeg()).isCloseTo(w.lonDeg(), within(halfStepDeg));
        // speed rounded to 0.1 kn, course to 0.1 degree: each velocity component moves by at
        // most half a speed step plus the speed times half a course step
        double speed = want.velocity().groundSpeedMps();
        double tolerance = 0.05 * 1852 / 3600 + speed * Math.toRadians(0.05) + 1e-9;
        assertThat(got.velocity().eastMps())
                .isCloseTo(want.velocity().eastMps(), within(tolerance));
        assertThat(got.velocity().northMps())
                .isCloseTo(want.velocity().northMps(), within(tolerance));
    }

    private static boolean isAisStatic(RawUnit unit) {
        return unit.format() == WireFormat.AIS
                && new String(unit.bytes(), StandardCharsets.US_ASCII).startsWith("!AIVDM,2,1,");
    }

    @Test
    void theCallSignOfAStaticReportReachesTheTracksWithTheMmsi() {
        BorderSimulation sim = simulation();
        SimulatedFeeds feeds = new SimulatedFeeds(sim, CONFIG.sensors(), 0);
        InProcessConnectors connectors = new InProcessConnectors(CONFIG.sensors());
        List<Observation> decoded = new ArrayList<>();
        for (RawUnit unit : feeds.unitsBetween(-1, 600)) {
            decoded.addAll(connectors.decode(unit).observations());
        }
        Map<String, String> callsignByMmsi = new HashMap<>();
        sim.aisStaticReportsBetween(-1, 600)
                .forEach(
                        r ->
                                callsignByMmsi.put(
                                        r.transponder().mmsiDigits(), r.transponder().callsign()));
        assertThat(callsignByMmsi).isNotEmpty();

        List<EntityTrack> updates = OfflinePipeline.run(CONFIG, decoded).trackUpdates();
        List<EntityTrack> named =
                updates.stream().filter(t -> !t.identity().callsign().isEmpty()).toList();
        assertThat(named).isNotEmpty();
        for (EntityTrack t : named) {
            assertThat(callsignByMmsi)
                    .as(t.trackId())
                    .containsEntry(t.identity().mmsi(), t.identity().callsign());
        }
    }

    @Test
    void theUnitsDoNotDependOnHowTheRunIsCutIntoTicks() {
        List<RawUnit> once =
                new SimulatedFeeds(simulation(), CONFIG.sensors(), 6).unitsBetween(-1, 600);
        SimulatedFeeds ticking = new SimulatedFeeds(simulation(), CONFIG.sensors(), 6);
        List<RawUnit> ticked = new ArrayList<>();
        double t = -1;
        for (double next = 0.37; t < 600; next += 0.37 + (next % 1.3)) {
            double to = Math.min(600, next);
            ticked.addAll(ticking.unitsBetween(t, to));
            t = to;
        }
        assertThat(ticked).hasSameSizeAs(once);
        for (int i = 0; i < once.size(); i++) {
            assertThat(ticked.get(i).bytes()).isEqualTo(once.get(i).bytes());
            assertThat(ticked.get(i).corruption()).isEqualTo(once.get(i).corruption());
        }
        assertThat(once.stream().filter(RawUnit::corrupted).count()).isGreaterThan(50);
    }

    @Test
    void theDronesMeasuredHeightsOfFlightsReachTheObservationsOverCotTakAndKlv() {
        BorderSimulation sim = simulation().withLowFlyers(6, 6, SCENARIO_S);
        SimulatedFeeds feeds = new SimulatedFeeds(sim, CONFIG.sensors(), 0);
        InProcessConnectors connectors = new InProcessConnectors(CONFIG.sensors());
        Map<String, List<Double>> wantAlt = new HashMap<>();
        Map<String, List<Double>> wantSigma = new HashMap<>();
        for (Observation o : sim.observationsBetween(-1, SCENARIO_S)) {
            if (o.measurement() instanceof PositionFix f
                    && f.sigmaAltM() > 0
                    && isHeightFormat(feeds.formatOf(o.sensorId()))) {
                wantAlt.computeIfAbsent(o.sensorId(), k -> new ArrayList<>())
                        .add(f.position().altM());
                wantSigma.computeIfAbsent(o.sensorId(), k -> new ArrayList<>()).add(f.sigmaAltM());
            }
        }
        Map<String, List<Double>> gotAlt = new HashMap<>();
        Map<String, List<Double>> gotSigma = new HashMap<>();
        int withoutHeight = 0;
        for (RawUnit unit : feeds.unitsBetween(-1, SCENARIO_S)) {
            if (!isHeightFormat(unit.format())) {
                continue;
            }
            InProcessConnectors.Decoded d = connectors.decode(unit);
            assertThat(d.deadLetters()).isEmpty();
            for (Observation o : d.observations()) {
                PositionFix f = (PositionFix) o.measurement();
                if (f.sigmaAltM() > 0) {
                    gotAlt.computeIfAbsent(o.sensorId(), k -> new ArrayList<>())
                            .add(f.position().altM());
                    gotSigma.computeIfAbsent(o.sensorId(), k -> new ArrayList<>())
                            .add(f.sigmaAltM());
                } else {
                    withoutHeight++;
                }
            }
        }
        assertThat(wantAlt.values().stream().mapToInt(List::size).sum())
                .as("flights seen by the CoT, TAK and MISB drones")
                .isGreaterThan(20);
        assertThat(withoutHeight).as("ground detections carry no height").isGreaterThan(20);
        assertThat(gotAlt.keySet()).isEqualTo(wantAlt.keySet());
        for (String sensor : wantAlt.keySet()) {
            // heights sorted per sensor: hae to the centimetre (CoT), exact (TAK), the 1 m IMAPB
            // step below (KLV); the sigmas to 2^-5 m (KLV)
            List<Double> want = wantAlt.get(sensor).stream().sorted().toList();
            List<Double> got = gotAlt.get(sensor).stream().sorted().toList();
            assertThat(got).as(sensor).hasSameSizeAs(want);
            for (int i = 0; i < want.size(); i++) {
                assertThat(want.get(i) - got.get(i)).as(sensor).isBetween(-0.006, 1.0);
            }
            List<Double> ws = wantSigma.get(sensor).stream().sorted().toList();
            List<Double> gs = gotSigma.get(sensor).stream().sorted().toList();
            for (int i = 0; i < ws.size(); i++) {
                assertThat(gs.get(i)).as(sensor).isCloseTo(ws.get(i), within(1.0 / 32));
            }
        }
    }

    @Test
    void aThreeDRadarMeasuresTheElevationOfFlightsAndOfNothingOnTheGround() {
        // usa-radar-1 is a 3-D radar in the example configuration (sigmaHeightM 60)
        BorderSimulation sim = simulation().withLowFlyers(6, 6, SCENARIO_S);
        SimulatedFeeds feeds = new SimulatedFeeds(sim, CONFIG.sensors(), 0);
        InProcessConnectors connectors = new InProcessConnectors(CONFIG.sensors());
        double reference = CONFIG.reference().altM();
        double[] flightHeights = sim.lowFlyers().stream().mapToDouble(f -> f.heightM()).toArray();
        int elevated = 0, flat = 0, nearFlight = 0;
        for (RawUnit unit : feeds.unitsBetween(-1, SCENARIO_S)) {
            for (Observation o : connectors.decode(unit).observations()) {
                if (!(o.measurement() instanceof RadarPlot p)) {
                    continue;
                }
                if (!p.hasElevation()) {
                    flat++;
                    continue;
                }
                assertThat(o.sensorId()).isEqualTo("usa-radar-1");
                elevated++;
                double h = p.pointHeightM();
                assertThat(h - reference).isGreaterThan(-250.0);
                double nearest =
                        Arrays.stream(flightHeights).map(f -> Math.abs(f - h)).min().orElseThrow();
                // the radar's height error is 60 m one-sigma: within 3 sigma nearly always
                if (nearest < 180) {
                    nearFlight++;
                }
            }
        }
        assertThat(elevated).as("flight plots with an elevation").isGreaterThan(50);
        assertThat(flat).as("surface plots and the 2-D radar's").isGreaterThan(1000);
        assertThat(nearFlight).isGreaterThanOrEqualTo((int) (0.99 * elevated));
    }

    @Test
    void tracksOfFlightsSeenByTheDronesAreAtTheFlightsHeightsOthersAtTheReference() {
        BorderSimulation sim = simulation().withLowFlyers(6, 6, SCENARIO_S);
        SimulatedFeeds feeds = new SimulatedFeeds(sim, CONFIG.sensors(), 0);
        InProcessConnectors connectors = new InProcessConnectors(CONFIG.sensors());
        List<Observation> decoded = new ArrayList<>();
        for (RawUnit unit : feeds.unitsBetween(-1, SCENARIO_S)) {
            decoded.addAll(connectors.decode(unit).observations());
        }
        double reference = CONFIG.reference().altM();
        double[] flightHeights = sim.lowFlyers().stream().mapToDouble(f -> f.heightM()).toArray();
        assertThat(flightHeights).isNotEmpty();
        Set<String> atHeight = new TreeSet<>();
        int atReference = 0;
        int updatesAtHeight = 0;
        int nearFlight = 0;
        for (EntityTrack t : OfflinePipeline.run(CONFIG, decoded).trackUpdates()) {
            double alt = t.position().altM();
            // a track without a measured height sits on the reference height (within cm)
            if (Math.abs(alt - reference) < 1) {
                atReference++;
                continue;
            }
            atHeight.add(t.trackId());
            double nearest =
                    Arrays.stream(flightHeights).map(h -> Math.abs(h - alt)).min().orElseThrow();
            updatesAtHeight++;
            if (nearest < 50) {
                nearFlight++;
            }
        }
        assertThat(atHeight).as("tracks at a measured height").hasSizeGreaterThanOrEqualTo(3);
        // drone heights have sigma 25 m: a track's estimate within 2 sigma of a flight's height;
        // not all, as a track that switches to another flight passes through other heights
        assertThat(nearFlight).isGreaterThanOrEqualTo((int) (0.99 * updatesAtHeight));
        assertThat(atReference).as("ground tracks on the reference height").isGreaterThan(100);
    }

    @Test
    void theDronesClassOfAFlightGoesOnTheWireAndGroundDetectionsStayUnclassified() {
        BorderSimulation sim = simulation().withLowFlyers(6, 6, SCENARIO_S);
        SimulatedFeeds feeds = new SimulatedFeeds(sim, CONFIG.sensors(), 0);
        InProcessConnectors connectors = new InProcessConnectors(CONFIG.sensors());
        Map<TargetClass, Integer> cotClasses = new java.util.EnumMap<>(TargetClass.class);
        for (RawUnit unit : feeds.unitsBetween(-1, SCENARIO_S)) {
            if (unit.format() != WireFormat.COT && unit.format() != WireFormat.TAK) {
                continue;
            }
            for (Observation o : connectors.decode(unit).observations()) {
                cotClasses.merge(o.classification().targetClass(), 1, Integer::sum);
            }
        }
        // the simulation classifies flights only (drones and light aircraft); CoT/TAK carry it in
        // the event type, which the decoder maps back
        assertThat(cotClasses.keySet())
                .containsAnyOf(TargetClass.DRONE, TargetClass.AIRCRAFT)
                .contains(TargetClass.UNKNOWN)
                .isSubsetOf(TargetClass.DRONE, TargetClass.AIRCRAFT, TargetClass.UNKNOWN);
        for (TargetClass c : TargetClass.values()) {
            assertThat(SimulatedFeeds.cotType(c)).startsWith("a-u-");
        }
    }

    private static boolean isHeightFormat(WireFormat format) {
        return format == WireFormat.COT || format == WireFormat.TAK || format == WireFormat.MISB;
    }

    @Test
    void aUnitFromASensorOutsideTheRegistryIsDeadLettered() {
        InProcessConnectors connectors = new InProcessConnectors(CONFIG.sensors());
        InProcessConnectors.Decoded d =
                connectors.decode(
                        new RawUnit(WireFormat.COT, "ghost-1", EPOCH, new byte[] {1, 2, 3}, null));
        assertThat(d.observations()).isEmpty();
        assertThat(d.deadLetters()).hasSize(1);
        assertThat(d.deadLetters().get(0).getReason()).contains("ghost-1", "registry");
        assertThat(d.deadLetters().get(0).getRaw().toByteArray()).containsExactly(1, 2, 3);
        assertThat(connectors.counts().get("cot-xml").errors()).isEqualTo(1);
    }

    private static void assertSame(Observation want, Observation got) {
        assertThat(got.sensorId()).isEqualTo(want.sensorId());
        assertThat(got.partnerId()).isEqualTo(want.partnerId());
        assertThat(got.sensorKind()).isEqualTo(want.sensorKind());
        assertThat(got.marking()).isEqualTo(want.marking());
        assertThat(Duration.between(want.eventTime(), got.eventTime()).abs().toNanos())
                .isLessThanOrEqualTo(1_000_000_000L / 256 + 500_000);
        assertThat(got.eventTime().getNano() % 1_000_000).as("whole milliseconds").isZero();
        if (want.measurement() instanceof RadarPlot w) {
            RadarPlot g = (RadarPlot) got.measurement();
            assertThat(got.observationId()).startsWith(want.sensorId() + "/048/");
            assertThat(g.hasElevation()).isEqualTo(w.hasElevation());
            if (w.hasElevation()) {
                // a 3-D radar's plot goes over as slant range (1/256 NM) and height (I110, 25 ft):
                // the horizontal range and the height come back within those steps' share
                double tan = Math.abs(Math.tan(Math.toRadians(w.elevationDeg())));
                double slantStep = 1852.0 / 512, heightStep = 25 * 0.3048 / 2;
                assertThat(g.rangeM())
                        .isCloseTo(w.rangeM(), within(slantStep * (1 + tan) + heightStep * tan));
                assertThat(g.rangeM() * Math.tan(Math.toRadians(g.elevationDeg())))
                        .isCloseTo(
                                w.rangeM() * Math.tan(Math.toRadians(w.elevationDeg())),
                                within(heightStep + (slantStep + heightStep) * (1 + tan)));
                assertThat(g.sigmaElevationDeg())
                        .isCloseTo(w.sigmaElevationDeg(), within(0.01 * w.sigmaElevationDeg()));
            } else {
                assertThat(g.rangeM()).isCloseTo(w.rangeM(), within(1852.0 / 512));
            }
            double dAz = Math.abs(g.azimuthDeg() - w.azimuthDeg());
            assertThat(Math.min(dAz, 360 - dAz)).isLessThanOrEqualTo(360.0 / 131072);
            assertThat(g.sigmaRangeM()).isEqualTo(w.sigmaRangeM());
            assertThat(g.sigmaAzimuthDeg()).isEqualTo(w.sigmaAzimuthDeg());
            assertThat(g.sensorPosition()).isEqualTo(w.sensorPosition());
        } else {
            PositionFix w = (PositionFix) want.measurement();
            PositionFix g = (PositionFix) got.measurement();
            assertThat(got.observationId())
                    .matches("(cot|sat|sapient|ais|misb)/" + want.sensorId() + "/.*");
            if (got.observationId().startsWith("misb/")) {
                assertMisbSame(w, g);
                return;
            }
            // AIS: 1/10 000 minute (assertAisSame); the others: 1e-7 degree or finer
            double tolerance = want.sensorKind() == SensorKind.AIS ? 0.5 / 600_000 + 1e-12 : 5.1e-8;
            assertThat(g.position().latDeg()).isCloseTo(w.position().latDeg(), within(tolerance));
            assertThat(g.position().lonDeg()).isCloseTo(w.position().lonDeg(), within(tolerance));
            assertThat(g.covEastEastM2()).isCloseTo(w.covEastEastM2(), within(0.2));
            assertThat(g.covNorthNorthM2()).isCloseTo(w.covNorthNorthM2(), within(0.2));
        }
    }

    /**
     * MISB ST 0903 LocationPack: IMAPB (ST 1201) maps down to the step below, one step being 2^-23
     * degree of latitude (range 180 on 31 bits), 2^-22 of longitude (360), 1 m of height and 2^-5 m
     * of sigma (650 on 15 bits); a variance then within 2 sigma step + step^2.
     */
    private static void assertMisbSame(PositionFix w, PositionFix g) {
        double latStep = Math.scalb(1.0, -23);
        double lonStep = Math.scalb(1.0, -22);
        double sigmaStep = Math.scalb(1.0, -5);
        assertThat(w.position().latDeg() - g.position().latDeg()).isBetween(-1e-12, latStep);
        assertThat(w.position().lonDeg() - g.position().lonDeg()).isBetween(-1e-12, lonStep);
        if (Double.isFinite(w.position().altM())) {
            assertThat(w.position().altM() - g.position().altM()).isBetween(-1e-9, 1.0);
        }
        double ee = 2 * Math.sqrt(w.covEastEastM2()) * sigmaStep + sigmaStep * sigmaStep;
        double nn = 2 * Math.sqrt(w.covNorthNorthM2()) * sigmaStep + sigmaStep * sigmaStep;
        assertThat(g.covEastEastM2()).isCloseTo(w.covEastEastM2(), within(ee));
        assertThat(g.covNorthNorthM2()).isCloseTo(w.covNorthNorthM2(), within(nn));
    }

    private static List<List<Observation>> scans(List<Observation> observations) {
        List<List<Observation>> scans = new ArrayList<>();
        for (Observation o : observations) {
            List<Observation> last = scans.isEmpty() ? null : scans.get(scans.size() - 1);
            if (last == null
                    || !last.get(0).sensorId().equals(o.sensorId())
                    || !last.get(0).eventTime().equals(o.eventTime())) {
                last = new ArrayList<>();
                scans.add(last);
            }
            last.add(o);
        }
        return scans;
    }

    @SuppressWarnings("unused")
    private static String hex(byte[] b) {
        return Arrays.toString(b);
    }
}
