package io.cordon.pipeline.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import io.cordon.pipeline.alert.Alert;
import io.cordon.pipeline.alert.AlertState;
import io.cordon.pipeline.alert.AlertType;
import io.cordon.pipeline.alert.Severity;
import io.cordon.pipeline.config.AreaOfInterest;
import io.cordon.pipeline.config.FieldRules;
import io.cordon.pipeline.config.FieldRules.PositionRule;
import io.cordon.pipeline.config.Language;
import io.cordon.pipeline.config.PartnerConfig;
import io.cordon.pipeline.config.SharingRule;
import io.cordon.pipeline.config.TrackFeed;
import io.cordon.pipeline.detect.Evidence;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.sharing.redaction.PositionGrid;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Thousands of random agreements, markings, alerts and tracks, with policy changes in the middle of
 * alert life cycles. An oracle written independently of {@link SharingPolicy} (rectangles tested by
 * bounds, not JTS; rules re-stated from the issue) says what each partner is entitled to; the test
 * checks that no partner ever receives an alert, track or field its agreement or the marking
 * excludes, and that every alert message a partner is entitled to reaches it exactly once.
 */
class SharingPropertyTest {
    static final int SCENARIOS = 2_000;
    static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    static final List<String> PARTNER_POOL = List.of("usa", "mex", "can", "gtm", "bra", "col");
    static final double LAT_MIN = 31.0, LAT_MAX = 31.7, LON_MIN = -111.0, LON_MAX = -110.2;
    static final Pattern DECIMAL = Pattern.compile("\\d\\.(\\d+)");

    /** A rectangle area as the oracle sees it. */
    record Box(double latMin, double latMax, double lonMin, double lonMax) {
        boolean holds(GeoPoint p) {
            return p.latDeg() >= latMin
                    && p.latDeg() <= latMax
                    && p.lonDeg() >= lonMin
                    && p.lonDeg() <= lonMax;
        }

        AreaOfInterest area(String name) {
            return new AreaOfInterest(
                    name,
                    String.format(
                            Locale.ROOT,
                            "POLYGON ((%.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f, %.6f %.6f))",
                            lonMin,
                            latMin,
                            lonMax,
                            latMin,
                            lonMax,
                            latMax,
                            lonMin,
                            latMax,
                            lonMin,
                            latMin));
        }
    }

    /** A random agreement and the boxes behind its areas. */
    record Agreement(PartnerConfig partner, List<Box> boxes) {}

    /** What the generator knows about a message: every secret it planted. */
    record Secrets(Set<String> sensorIds, String mmsi, List<String> coordinateTexts) {}

    int alertMessagesChecked;
    int alertDeliveries;
    int retractions;
    int trackUpdatesChecked;
    int trackDeliveries;
    int trackEnds;

    @Test
    void
            noPartnerEverReceivesWhatItsAgreementOrTheMarkingExcludesAndEveryEntitledAlertArrivesOnce() {
        SplittableRandom random = new SplittableRandom(20260101);
        for (int s = 0; s < SCENARIOS; s++) {
            long seed = random.nextLong();
            try {
                runAlertScenario(new SplittableRandom(seed));
                runTrackScenario(new SplittableRandom(seed ^ 0x5DEECE66DL));
            } catch (AssertionError e) {
                throw new AssertionError("scenario seed " + seed + ": " + e.getMessage(), e);
            }
        }
        System.out.printf(
                "property: %d scenarios, %d alert decisions (%d delivered, %d retracted), %d track"
                        + " decisions (%d delivered, %d ends)%n",
                SCENARIOS,
                alertMessagesChecked,
                alertDeliveries,
                retractions,
                trackUpdatesChecked,
                trackDeliveries,
                trackEnds);
        assertThat(alertDeliveries)
                .as("the generator must produce deliveries")
                .isGreaterThan(10_000);
        assertThat(retractions).as("and retractions").isGreaterThan(100);
        assertThat(trackEnds).as("and ended track feeds").isGreaterThan(100);
    }

    // ---------------------------------------------------------------- alerts

    void runAlertScenario(SplittableRandom r) {
        List<String> ids = partnerIds(r);
        Map<String, Agreement> agreements = agreements(r, ids);
        int version = 1;
        SharingPolicy policy = policy(version, agreements);
        Map<String, DeliveredAlert> state =
                new HashMap<>(); // alertId/partner -> what the system remembers
        Map<String, Boolean> oracleOpen =
                new HashMap<>(); // alertId/partner -> oracle: partner holds it
        Map<String, Alert> oracleLastSent = new HashMap<>();
        List<LiveAlert> live = new ArrayList<>();
        int nextId = 0;
        for (int step = 0; step < 40; step++) {
            if (r.nextInt(12) == 0) {
                agreements = agreements(r, ids); // a live policy change
                policy = policy(++version, agreements);
            }
            LiveAlert a;
            if (live.isEmpty() || r.nextInt(3) == 0) {
                a =
                        new LiveAlert(
                                "alert-" + nextId++,
                                AlertType.values()[r.nextInt(AlertType.values().length)]);
                live.add(a);
            } else {
                a = live.get(r.nextInt(live.size()));
            }
            AlertState st =
                    a.sent == 0
                            ? AlertState.NEW
                            : (r.nextInt(3) == 0 ? AlertState.CLOSED : AlertState.UPDATE);
            a.sent++;
            if (st == AlertState.CLOSED) {
                live.remove(a);
            }
            Secrets secrets = secrets(r);
            Alert alert = alert(r, a, st, ids, secrets);
            Map<String, Integer> deliveredTo = new TreeMap<>();
            Map<String, Decision.Outcome> entitled = new TreeMap<>();
            for (PartnerConfig p : policy.partners()) {
                String key = alert.alertId() + "/" + p.id();
                AlertRelease release = policy.release(p, alert, state.get(key));
                if (release.next() == null) {
                    state.remove(key);
                } else {
                    state.put(key, release.next());
                }
                if (release.message() != null) {
                    deliveredTo.merge(p.id(), 1, Integer::sum);
                }
                Expected expected =
                        oracle(agreements.get(p.id()), alert, oracleOpen.getOrDefault(key, false));
                alertMessagesChecked++;
                entitled.put(p.id(), expected.outcome);
                assertThat(release.decision().outcome())
                        .as(
                                "%s for %s (%s): %s",
                                alert.alertId(), p.id(), alert, release.decision().reason())
                        .isEqualTo(expected.outcome);
                switch (expected.outcome) {
                    case DELIVER -> {
                        alertDeliveries++;
                        checkDeliveredAlert(
                                agreements.get(p.id()), alert, release.message(), secrets);
                        oracleOpen.put(key, st != AlertState.CLOSED);
                        oracleLastSent.put(key, alert);
                    }
                    case RETRACT -> {
                        retractions++;
                        checkRetraction(p, alert, release.message(), oracleLastSent.get(key));
                        oracleOpen.put(key, false);
                    }
                    case WITHHELD -> assertThat(release.message()).isNull();
                }
            }
            for (PartnerConfig p : policy.partners()) {
                int expectedCount = entitled.get(p.id()) == Decision.Outcome.WITHHELD ? 0 : 1;
                assertThat(deliveredTo.getOrDefault(p.id(), 0))
                        .as(
                                "%s to %s exactly once when entitled, never otherwise",
                                alert.alertId(), p.id())
                        .isEqualTo(expectedCount);
            }
        }
    }

    static final class LiveAlert {
        final String id;
        final AlertType type;
        int sent;

        LiveAlert(String id, AlertType type) {
            this.id = id;
            this.type = type;
        }
    }

    record Expected(Decision.Outcome outcome) {}

    /** The rules as the issue states them, with the life cycle. */
    static Expected oracle(Agreement agreement, Alert alert, boolean partnerHoldsIt) {
        PartnerConfig p = agreement.partner();
        SharingRule rule = p.sharing();
        boolean marking =
                alert.marking().releasableToAll() || alert.marking().partners().contains(p.id());
        boolean type = rule.alertTypes().contains(alert.type());
        String sources = alert.evidence().getOrDefault(Evidence.SOURCE_PARTNERS, "");
        boolean from = rule.fromPartners().isEmpty();
        for (String s : sources.split(",")) {
            from |= !s.isEmpty() && rule.fromPartners().contains(s);
        }
        if (!marking || !type || !from) {
            return new Expected(
                    partnerHoldsIt ? Decision.Outcome.RETRACT : Decision.Outcome.WITHHELD);
        }
        if (partnerHoldsIt) {
            return new Expected(Decision.Outcome.DELIVER);
        }
        if (alert.state() == AlertState.CLOSED
                || alert.severity().compareTo(rule.minSeverity()) < 0) {
            return new Expected(Decision.Outcome.WITHHELD);
        }
        boolean inside =
                agreement.boxes().isEmpty()
                        || alert.location() != null
                                && agreement.boxes().stream()
                                        .anyMatch(b -> b.holds(alert.location()));
        return new Expected(inside ? Decision.Outcome.DELIVER : Decision.Outcome.WITHHELD);
    }

    void checkDeliveredAlert(Agreement agreement, Alert original, Alert sent, Secrets secrets) {
        FieldRules f = agreement.partner().sharing().fields();
        String id = agreement.partner().id();
        assertThat(sent.alertId()).isEqualTo(original.alertId());
        assertThat(sent.marking()).isEqualTo(original.marking());
        assertThat(sent.marking().releasableTo(id)).isTrue();
        assertThat(sent.state()).isEqualTo(original.state());
        assertThat(sent.severity()).isEqualTo(original.severity());
        if (f.hideSensors()) {
            assertThat(sent.evidence().keySet())
                    .noneMatch(k -> k.toLowerCase(Locale.ROOT).contains("sensor"));
            for (String sensor : secrets.sensorIds()) {
                assertThat(sent.summary()).doesNotContain(sensor);
                assertThat(sent.evidence().values()).noneMatch(v -> v.contains(sensor));
            }
        }
        if (f.dropIdentities()) {
            assertThat(sent.summary()).doesNotContain(secrets.mmsi());
            assertThat(sent.evidence().values()).noneMatch(v -> v.contains(secrets.mmsi()));
        }
        switch (f.positions()) {
            case HIDDEN -> {
                assertThat(sent.location()).isNull();
                assertThat(sent.evidence().keySet())
                        .noneMatch(k -> k.endsWith("LatDeg") || k.endsWith("LonDeg"));
                assertThat(DECIMAL.matcher(sent.summary()).find()).as(sent.summary()).isFalse();
                secrets.coordinateTexts()
                        .forEach(c -> assertThat(sent.evidence().values()).doesNotContain(c));
            }
            case GRID -> {
                PositionGrid grid = new PositionGrid(f.gridM());
                if (original.location() != null) {
                    assertThat(grid.isCellCentre(sent.location())).isTrue();
                } else {
                    assertThat(sent.location()).isNull();
                }
                for (String k : sent.evidence().keySet()) {
                    if (k.endsWith("LatDeg")) {
                        String lonKey = k.substring(0, k.length() - 6) + "LonDeg";
                        assertThat(sent.evidence()).containsKey(lonKey);
                        GeoPoint e =
                                new GeoPoint(
                                        Double.parseDouble(sent.evidence().get(k)),
                                        Double.parseDouble(sent.evidence().get(lonKey)),
                                        0);
                        GeoPoint snapped = grid.snap(e);
                        assertThat(Math.abs(snapped.latDeg() - e.latDeg())).isLessThan(1e-6);
                        assertThat(Math.abs(snapped.lonDeg() - e.lonDeg())).isLessThan(1e-6);
                    }
                }
                var m = DECIMAL.matcher(sent.summary());
                while (m.find()) {
                    assertThat(m.group(1).length())
                            .as(sent.summary())
                            .isLessThanOrEqualTo(grid.decimals());
                }
                secrets.coordinateTexts()
                        .forEach(c -> assertThat(sent.summary()).doesNotContain(c));
            }
            case EXACT -> assertThat(sent.location()).isEqualTo(original.location());
        }
    }

    void checkRetraction(PartnerConfig p, Alert alert, Alert sent, Alert lastSent) {
        assertThat(sent.alertId()).isEqualTo(alert.alertId());
        assertThat(sent.state()).isEqualTo(AlertState.CLOSED);
        assertThat(sent.location()).isNull();
        assertThat(sent.trackIds()).isEmpty();
        assertThat(sent.evidence()).containsOnlyKeys("withdrawn");
        assertThat(sent.marking()).isEqualTo(Marking.releasableTo(Set.of(p.id())));
        assertThat(sent.severity())
                .as("what the partner already had")
                .isEqualTo(lastSent.severity());
        assertThat(sent.windowStart()).isEqualTo(lastSent.windowStart());
        assertThat(DECIMAL.matcher(sent.summary()).find()).isFalse();
    }

    Alert alert(SplittableRandom r, LiveAlert a, AlertState st, List<String> ids, Secrets secrets) {
        Map<String, String> evidence = new TreeMap<>();
        if (r.nextInt(10) != 0) {
            evidence.put(Evidence.SOURCE_PARTNERS, String.join(",", subset(r, ids, 1)));
        }
        evidence.put(Evidence.SOURCE_SENSORS, String.join(",", secrets.sensorIds()));
        evidence.put("coveringSensors", secrets.sensorIds().iterator().next());
        evidence.put("identity", "mmsi:" + secrets.mmsi());
        evidence.put("startLatDeg", secrets.coordinateTexts().get(0));
        evidence.put("startLonDeg", secrets.coordinateTexts().get(1));
        evidence.put("durationS", "120.0");
        GeoPoint location = r.nextInt(10) == 0 ? null : point(r);
        Instant start = T0.plusSeconds(r.nextInt(3600));
        return new Alert(
                a.id,
                a.type,
                Severity.values()[r.nextInt(Severity.values().length)],
                st,
                start,
                start.plusSeconds(r.nextInt(600)),
                location,
                List.of("T" + r.nextInt(1000)),
                "test",
                "1",
                Alert.evidence(evidence),
                marking(r, ids),
                String.format(
                        Locale.ROOT,
                        "Track seen by %s (mmsi %s) at %s, %s.",
                        String.join(", ", secrets.sensorIds()),
                        secrets.mmsi(),
                        secrets.coordinateTexts().get(0),
                        secrets.coordinateTexts().get(1)));
    }

    Secrets secrets(SplittableRandom r) {
        Set<String> sensors = new TreeSet<>();
        int n = 1 + r.nextInt(3);
        while (sensors.size() < n) {
            sensors.add(
                    "sensor-" + Integer.toString(r.nextInt(1 << 20), 36) + "-" + r.nextInt(100));
        }
        String mmsi = Integer.toString(200_000_000 + r.nextInt(500_000_000));
        GeoPoint p = point(r);
        return new Secrets(
                sensors,
                mmsi,
                List.of(
                        String.format(Locale.ROOT, "%.6f", p.latDeg()),
                        String.format(Locale.ROOT, "%.6f", p.lonDeg())));
    }

    // ---------------------------------------------------------------- tracks

    void runTrackScenario(SplittableRandom r) {
        List<String> ids = partnerIds(r);
        Map<String, Agreement> agreements = agreements(r, ids);
        SharingPolicy policy = policy(1, agreements);
        int tracks = 1 + r.nextInt(4);
        for (int t = 0; t < tracks; t++) {
            Map<String, TrackFeedState> state = new HashMap<>();
            Map<String, EntityTrack> lastDelivered = new HashMap<>();
            Marking marking = marking(r, ids);
            TrackStatus status = TrackStatus.TENTATIVE;
            double time = 0;
            int updates = 5 + r.nextInt(25);
            for (int u = 0; u < updates; u++) {
                time += 0.5 + r.nextDouble() * 4;
                if (u == updates - 1) {
                    status = TrackStatus.DELETED;
                } else if (status == TrackStatus.TENTATIVE && r.nextInt(3) == 0) {
                    status = TrackStatus.CONFIRMED;
                } else if (status != TrackStatus.TENTATIVE && r.nextInt(5) == 0) {
                    status =
                            status == TrackStatus.CONFIRMED
                                    ? TrackStatus.COASTING
                                    : TrackStatus.CONFIRMED;
                }
                if (r.nextInt(8) == 0) {
                    marking = marking.intersect(marking(r, ids)); // fused with a restricted source
                }
                Secrets secrets = secrets(r);
                EntityTrack track = track(r, "T" + t, status, time, marking, ids, secrets);
                for (PartnerConfig p : policy.partners()) {
                    trackUpdatesChecked++;
                    TrackRelease release = policy.releaseTrack(p, track, state.get(p.id()));
                    boolean receiving = state.containsKey(p.id());
                    if (release.next() == null) {
                        state.remove(p.id());
                    } else {
                        state.put(p.id(), release.next());
                    }
                    checkTrack(
                            agreements.get(p.id()),
                            track,
                            release,
                            receiving,
                            lastDelivered.get(p.id()),
                            secrets);
                    if (release.outcome() == TrackRelease.Outcome.DELIVER) {
                        lastDelivered.put(p.id(), release.message());
                    } else if (release.outcome() == TrackRelease.Outcome.END) {
                        lastDelivered.remove(p.id());
                    }
                }
            }
        }
    }

    void checkTrack(
            Agreement agreement,
            EntityTrack track,
            TrackRelease release,
            boolean wasReceiving,
            EntityTrack lastDelivered,
            Secrets secrets) {
        PartnerConfig p = agreement.partner();
        SharingRule rule = p.sharing();
        boolean marking =
                track.marking().releasableToAll() || track.marking().partners().contains(p.id());
        boolean from =
                rule.fromPartners().isEmpty()
                        || track.partnerIds().stream().anyMatch(rule.fromPartners()::contains);
        boolean inside =
                agreement.boxes().isEmpty()
                        || agreement.boxes().stream().anyMatch(b -> b.holds(track.position()));
        boolean entitled =
                rule.tracks().enabled()
                        && rule.fields().positions() != PositionRule.HIDDEN
                        && track.status() != TrackStatus.TENTATIVE
                        && marking
                        && from
                        && inside;
        switch (release.outcome()) {
            case DELIVER -> {
                trackDeliveries++;
                assertThat(entitled).as("delivered to %s: %s", p.id(), track).isTrue();
                if (track.status() == TrackStatus.DELETED) {
                    assertThat(wasReceiving)
                            .as("DELETED only to partners receiving the track")
                            .isTrue();
                }
                if (wasReceiving
                        && track.status() == lastDelivered.status()
                        && track.status() != TrackStatus.DELETED) {
                    assertThat(
                                    (track.time().toEpochMilli()
                                                    - lastDelivered.time().toEpochMilli())
                                            / 1000.0)
                            .as("rate limit")
                            .isGreaterThanOrEqualTo(rule.tracks().minIntervalS());
                }
                EntityTrack sent = release.message();
                assertThat(sent.trackId()).isEqualTo(track.trackId());
                assertThat(sent.marking()).isEqualTo(track.marking());
                FieldRules f = rule.fields();
                if (f.hideSensors()) {
                    assertThat(sent.sensorIds()).isEmpty();
                } else {
                    assertThat(sent.sensorIds()).isEqualTo(track.sensorIds());
                }
                if (f.dropIdentities()) {
                    assertThat(sent.identity()).isEqualTo(CooperativeIdentity.NONE);
                    assertThat(sent.identity().mmsi()).doesNotContain(secrets.mmsi());
                }
                if (f.positions() == PositionRule.GRID) {
                    assertThat(new PositionGrid(f.gridM()).isCellCentre(sent.position())).isTrue();
                    assertThat(sent.covariance()).isNull();
                } else {
                    assertThat(sent.position()).isEqualTo(track.position());
                }
            }
            case END -> {
                trackEnds++;
                assertThat(wasReceiving).isTrue();
                assertThat(entitled).isFalse();
                EntityTrack sent = release.message();
                assertThat(sent.status()).isEqualTo(TrackStatus.DELETED);
                assertThat(sent.position()).isEqualTo(lastDelivered.position());
                assertThat(sent.time()).isEqualTo(lastDelivered.time());
                assertThat(sent.sensorIds()).isEmpty();
                assertThat(sent.partnerIds()).isEmpty();
                assertThat(sent.identity()).isEqualTo(CooperativeIdentity.NONE);
                assertThat(sent.marking()).isEqualTo(Marking.releasableTo(Set.of(p.id())));
            }
            case SKIP -> {
                assertThat(entitled && wasReceiving).isTrue();
                assertThat(release.message()).isNull();
            }
            case WITHHELD -> {
                assertThat(release.message()).isNull();
                assertThat(wasReceiving && !entitled)
                        .as("a feed ends with END, not silence")
                        .isFalse();
                if (entitled && track.status() != TrackStatus.DELETED) {
                    throw new AssertionError("entitled update withheld: " + release.reason());
                }
            }
        }
    }

    EntityTrack track(
            SplittableRandom r,
            String id,
            TrackStatus status,
            double seconds,
            Marking marking,
            List<String> ids,
            Secrets s) {
        return new EntityTrack(
                id,
                status,
                T0.plusMillis((long) (seconds * 1000)),
                point(r),
                new Velocity(r.nextDouble(-20, 20), r.nextDouble(-20, 20), 0),
                StateCovariance.diagonal(10, 1),
                new TreeSet<>(s.sensorIds()),
                new TreeSet<>(subset(r, ids, 1)),
                new CooperativeIdentity(s.mmsi(), "", "CALL" + r.nextInt(100), ""),
                new Classification(
                        TargetClass.values()[r.nextInt(TargetClass.values().length)], 0.5),
                marking,
                u(r));
    }

    private static long u(SplittableRandom r) {
        return r.nextInt(1000);
    }

    // ---------------------------------------------------------------- agreements

    static List<String> partnerIds(SplittableRandom r) {
        return subset(r, PARTNER_POOL, 2);
    }

    static Map<String, Agreement> agreements(SplittableRandom r, List<String> ids) {
        Map<String, Agreement> out = new TreeMap<>();
        for (String id : ids) {
            Set<AlertType> types = EnumSet.noneOf(AlertType.class);
            for (AlertType t : AlertType.values()) {
                if (r.nextInt(3) != 0) {
                    types.add(t);
                }
            }
            if (types.isEmpty()) {
                types.add(AlertType.BORDER_CROSSING);
            }
            Set<String> from = r.nextInt(3) == 0 ? new HashSet<>(subset(r, ids, 1)) : Set.of();
            List<Box> boxes = new ArrayList<>();
            int areas = r.nextInt(3) == 0 ? 0 : r.nextInt(3);
            for (int i = 0; i < areas; i++) {
                double lat = r.nextDouble(LAT_MIN, LAT_MAX - 0.1);
                double lon = r.nextDouble(LON_MIN, LON_MAX - 0.1);
                boxes.add(
                        new Box(
                                lat,
                                lat + r.nextDouble(0.05, 0.5),
                                lon,
                                lon + r.nextDouble(0.05, 0.6)));
            }
            List<AreaOfInterest> aois = new ArrayList<>();
            for (int i = 0; i < boxes.size(); i++) {
                aois.add(boxes.get(i).area("area-" + i));
            }
            FieldRules fields =
                    new FieldRules(
                            r.nextBoolean(),
                            PositionRule.values()[r.nextInt(3)],
                            List.of(50.0, 500.0, 1000.0, 5000.0).get(r.nextInt(4)),
                            r.nextBoolean());
            SharingRule rule =
                    new SharingRule(
                            types,
                            Severity.values()[r.nextInt(Severity.values().length)],
                            from,
                            aois,
                            fields,
                            Language.values()[r.nextInt(Language.values().length)],
                            new TrackFeed(
                                    r.nextInt(4) != 0, List.of(0.0, 2.0, 5.0).get(r.nextInt(3))));
            out.put(
                    id,
                    new Agreement(
                            new PartnerConfig(id, id.toUpperCase(Locale.ROOT), "XXX", rule),
                            boxes));
        }
        return out;
    }

    static SharingPolicy policy(int version, Map<String, Agreement> agreements) {
        return new SharingPolicy(
                Integer.toString(version),
                agreements.values().stream().map(Agreement::partner).toList());
    }

    static Marking marking(SplittableRandom r, List<String> ids) {
        if (r.nextInt(5) < 2) {
            return Marking.UNRESTRICTED;
        }
        return Marking.releasableTo(subset(r, ids, 0));
    }

    static GeoPoint point(SplittableRandom r) {
        return new GeoPoint(
                r.nextDouble(LAT_MIN, LAT_MAX),
                r.nextDouble(LON_MIN, LON_MAX),
                r.nextDouble(0, 2000));
    }

    static List<String> subset(SplittableRandom r, List<String> from, int atLeast) {
        List<String> out = new ArrayList<>();
        for (String s : from) {
            if (r.nextBoolean()) {
                out.add(s);
            }
        }
        while (out.size() < atLeast) {
            String s = from.get(r.nextInt(from.size()));
            if (!out.contains(s)) {
                out.add(s);
            }
        }
        return out;
    }
}
