package io.cordon.pipeline.flink.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Timestamp;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.observation.Classification;
import io.cordon.pipeline.observation.CooperativeIdentity;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.TargetClass;
import io.cordon.pipeline.observation.Velocity;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.SortedNames;
import io.cordon.pipeline.track.StateCovariance;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.proto.v1.GeoPosition;
import io.cordon.proto.v1.VelocityEnu;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * {@link EntityTrackCodec#toProto(EntityTrack, String, Collection)} takes shortcuts (enum numbers
 * by ordinal, one shared message for unrestricted markings and for provenance times equal to the
 * track's time, sorted sets taken as they are) and {@link EntityTrackCodec#toBytes} writes the
 * bytes without a message: both must give the same bytes as building every field with the generated
 * builders, looking the enum values up by name and sorting every set.
 */
class EntityTrackCodecBytesTest {
    private static final Instant T0 = Instant.parse("2026-11-28T06:00:00.987654321Z");

    /** Reversed order: a sorted set the codec must not take as it is. */
    private static final Comparator<String> REVERSED = Comparator.reverseOrder();

    @Test
    void variedTracksEncodeToTheBytesOfTheStraightforwardBuilder() {
        Random random = new Random(4L);
        int checked = 0;
        for (int i = 0; i < 3000; i++) {
            EntityTrack track = track(random);
            String country = random.nextBoolean() ? "" : pick(random, List.of("USA", "MEX"));
            Collection<String> zones = zones(random);

            io.cordon.proto.v1.EntityTrack expected = straightforward(track, country, zones);
            io.cordon.proto.v1.EntityTrack actual = EntityTrackCodec.toProto(track, country, zones);

            assertThat(actual).as("track %d: %s zones %s", i, track, zones).isEqualTo(expected);
            assertThat(actual.toByteArray())
                    .as("track %d: %s zones %s", i, track, zones)
                    .isEqualTo(expected.toByteArray());
            assertThat(EntityTrackCodec.toBytes(track, country, zones))
                    .as("track %d written directly: %s zones %s", i, track, zones)
                    .isEqualTo(expected.toByteArray());
            checked++;
        }
        assertThat(checked).isEqualTo(3000);
    }

    @Test
    void theOneArgumentFormEncodesWithoutCountryAndZones() {
        Random random = new Random(5L);
        for (int i = 0; i < 200; i++) {
            EntityTrack track = track(random);

            byte[] expected = straightforward(track, "", List.of()).toByteArray();
            assertThat(EntityTrackCodec.toBytes(track))
                    .as("track %d: %s", i, track)
                    .isEqualTo(expected);
            assertThat(EntityTrackCodec.toProto(track).toByteArray()).isEqualTo(expected);
        }
    }

    @Test
    void tracksLargerThanTheScratchBufferAreWrittenWhole() {
        // the writer's buffer starts at 8 KiB and doubles when a track does not fit; the failing
        // write may be a string encoded optimistically past its end
        Random random = new Random(6L);
        for (int n : new int[] {1, 300, 400, 3000, 1, 20}) {
            EntityTrack track = track(random);
            List<String> zones = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                zones.add(String.format("zone-%05d-\u00e9\u4e2d\ud83d\ude80", i));
            }
            zones.add("z".repeat(n * 7));

            byte[] expected = straightforward(track, "USA", zones).toByteArray();
            assertThat(EntityTrackCodec.toBytes(track, "USA", zones))
                    .as("%d zones, %d bytes", n, expected.length)
                    .isEqualTo(expected);
        }
    }

    @Test
    void anUnpairedSurrogateIsWrittenAsTheBuilderWritesIt() {
        // protobuf replaces it by '?' (and logs a warning): the size pass must agree
        EntityTrack track =
                new EntityTrack(
                        "trk-\ud800x",
                        TrackStatus.TENTATIVE,
                        T0,
                        new GeoPoint(31.3, -110.9, 0.0),
                        null,
                        null,
                        SortedNames.of(List.of("radar-\udc00")),
                        SortedNames.of(List.of()),
                        CooperativeIdentity.NONE,
                        Classification.UNKNOWN,
                        Marking.UNRESTRICTED,
                        1);
        byte[] expected = straightforward(track, "", List.of("zone-\ud801")).toByteArray();

        assertThat(EntityTrackCodec.toBytes(track, "", List.of("zone-\ud801"))).isEqualTo(expected);
    }

    @Test
    void theVariedSetCoversEveryCase() {
        // guards the test above against a generator that stopped producing some case
        Random random = new Random(4L);
        Set<String> seen = new TreeSet<>();
        for (int i = 0; i < 3000; i++) {
            EntityTrack t = track(random);
            if (random.nextBoolean()) {
                pick(random, List.of("USA", "MEX"));
            }
            Collection<String> zones = zones(random);
            seen.add("status " + t.status());
            seen.add(
                    t.marking().releasableToAll()
                            ? "unrestricted"
                            : "restricted to " + t.marking().partners().size());
            seen.add("zones " + zoneKind(zones));
            seen.add("identity " + (t.identity().isEmpty() ? "none" : "some"));
            seen.add("classification " + t.classification().targetClass());
            seen.add("covariance " + (t.covariance() != null));
            seen.add("cooperative " + timeKind(t.lastCooperativeTime(), t.time()));
            seen.add("non-cooperative " + timeKind(t.lastNonCooperativeTime(), t.time()));
            seen.add("sensors " + t.sensorIds().size());
            seen.add("time " + (t.time().getEpochSecond() <= 0 ? "epoch or before" : "after"));
            seen.add("update count " + (t.updateCount() == 0 ? "0" : "positive"));
            seen.add("latitude " + (t.position().latDeg() == 0 ? "zero" : "other"));
        }
        for (TrackStatus s : TrackStatus.values()) {
            assertThat(seen).contains("status " + s);
        }
        assertThat(seen)
                .contains(
                        "unrestricted",
                        "restricted to 0",
                        "restricted to 1",
                        "restricted to 3",
                        "zones empty",
                        "zones list",
                        "zones natural sorted set",
                        "zones reversed sorted set",
                        "identity none",
                        "identity some",
                        "classification UNKNOWN",
                        "classification VESSEL",
                        "covariance true",
                        "covariance false",
                        "cooperative none",
                        "cooperative same",
                        "cooperative other",
                        "non-cooperative none",
                        "non-cooperative same",
                        "non-cooperative other",
                        "sensors 0",
                        "sensors 3",
                        "time epoch or before",
                        "update count 0",
                        "latitude zero");
    }

    /** Every field set with the generated builders, as the codec did before its shortcuts. */
    private static io.cordon.proto.v1.EntityTrack straightforward(
            EntityTrack t, String country, Collection<String> zones) {
        io.cordon.proto.v1.EntityTrack.Builder b =
                io.cordon.proto.v1.EntityTrack.newBuilder()
                        .setTrackId(t.trackId())
                        .setStatus(
                                io.cordon.proto.v1.TrackStatus.valueOf(
                                        "TRACK_STATUS_" + t.status().name()))
                        .setTime(ts(t.time()))
                        .setPosition(
                                GeoPosition.newBuilder()
                                        .setLatDeg(t.position().latDeg())
                                        .setLonDeg(t.position().lonDeg())
                                        .setAltM(t.position().altM()))
                        .setVelocity(
                                VelocityEnu.newBuilder()
                                        .setEastMps(t.velocity().eastMps())
                                        .setNorthMps(t.velocity().northMps())
                                        .setUpMps(t.velocity().upMps()))
                        .addAllSensorIds(new TreeSet<>(t.sensorIds()))
                        .addAllPartnerIds(new TreeSet<>(t.partnerIds()))
                        .setCountryIsoA3(country)
                        .addAllZones(new TreeSet<>(zones))
                        .setMarking(
                                io.cordon.proto.v1.Marking.newBuilder()
                                        .setReleasableToAll(t.marking().releasableToAll())
                                        .addAllPartners(new TreeSet<>(t.marking().partners())))
                        .setUpdateCount(t.updateCount());
        if (t.covariance() != null) {
            for (int r = 0; r < StateCovariance.DIM; r++) {
                for (int c = 0; c < StateCovariance.DIM; c++) {
                    b.addCovarianceEnu(t.covariance().get(r, c));
                }
            }
        }
        if (t.lastCooperativeTime() != null) {
            b.setLastCooperativeTime(ts(t.lastCooperativeTime()));
        }
        if (t.lastNonCooperativeTime() != null) {
            b.setLastNonCooperativeTime(ts(t.lastNonCooperativeTime()));
        }
        b.setSigmaAltM(t.sigmaAltM());
        CooperativeIdentity id = t.identity();
        if (!id.isEmpty()) {
            b.setIdentity(
                    io.cordon.proto.v1.CooperativeIdentity.newBuilder()
                            .setMmsi(id.mmsi())
                            .setIcao24(id.icao24())
                            .setCallsign(id.callsign())
                            .setCotUid(id.cotUid()));
        }
        Classification c = t.classification();
        if (!c.equals(Classification.UNKNOWN)) {
            b.setClassification(
                    io.cordon.proto.v1.Classification.newBuilder()
                            .setTargetClass(
                                    io.cordon.proto.v1.TargetClass.valueOf(
                                            "TARGET_CLASS_" + c.targetClass().name()))
                            .setConfidence(c.confidence()));
        }
        return b.build();
    }

    private static Timestamp ts(Instant i) {
        return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano()).build();
    }

    private static EntityTrack track(Random random) {
        TrackStatus status = pick(random, List.of(TrackStatus.values()));
        Instant time =
                switch (random.nextInt(6)) {
                    case 0 -> Instant.EPOCH; // seconds and nanos 0: both left out
                    case 1 ->
                            Instant.ofEpochSecond(-random.nextInt(1_000_000_000)); // 10-byte varint
                    default -> T0.plusNanos(random.nextLong(0, 86_400_000_000_000L));
                };
        // non-ASCII: 2- to 4-byte UTF-8
        List<String> names =
                List.of("ugs-17", "radar-nogales-1", "ais-\u00e9\u4e2d\ud83d\ude80", "adsb-9");
        List.of("ugs-17", "radar-nogales-1", "ais-\u00e9\u4e2d\ud83d\ude80", "adsb-\ud800");
        Marking marking =
                switch (random.nextInt(4)) {
                    case 0 -> Marking.UNRESTRICTED;
                    case 1 -> Marking.releasableTo(List.of());
                    case 2 -> Marking.releasableTo(List.of("us-cbp"));
                    default -> Marking.releasableTo(List.of("us-cbp", "nato", "mx-sedena"));
                };
        CooperativeIdentity identity =
                switch (random.nextInt(3)) {
                    case 0 -> CooperativeIdentity.NONE;
                    case 1 -> new CooperativeIdentity("", "", "", "uid-" + random.nextInt(99));
                    default ->
                            new CooperativeIdentity("366123456", "a1b2c3", "N123 \u00c5B", "uid-1");
                };
        Classification classification =
                switch (random.nextInt(3)) {
                    case 0 -> Classification.UNKNOWN;
                    case 1 -> new Classification(TargetClass.VESSEL, random.nextDouble());
                    default ->
                            new Classification(
                                    pick(random, List.of(TargetClass.values())),
                                    edge(random, random.nextDouble()));
                };
        return new EntityTrack(
                "trk-" + Long.toHexString(random.nextLong()),
                status,
                time,
                new GeoPoint(
                        edge(random, random.nextDouble() * 180 - 90),
                        edge(random, random.nextDouble() * 360 - 180),
                        edge(random, random.nextGaussian() * 1000)),
                random.nextInt(5) == 0
                        ? null
                        : new Velocity(
                                edge(random, random.nextGaussian() * 10),
                                edge(random, random.nextGaussian() * 10),
                                edge(random, random.nextGaussian())),
                random.nextInt(4) == 0 ? null : covariance(random),
                names(random, names, TreeSet::new),
                names(random, List.of("us-cbp", "mx-sedena", "nato"), SortedNames::of),
                identity,
                classification,
                marking,
                random.nextInt(5) == 0 ? 0 : random.nextLong(0, Long.MAX_VALUE),
                provenance(random, time),
                provenance(random, time),
                // a measured height's sigma half the time, else 0 (left out)
                random.nextBoolean() ? 0.0 : Math.abs(edge(random, random.nextGaussian() * 30)));
    }

    private static <S extends Collection<String>> S names(
            Random random, List<String> names, Function<Collection<String>, S> wrap) {
        List<String> some = new ArrayList<>(names);
        java.util.Collections.shuffle(some, random);
        return wrap.apply(some.subList(0, random.nextInt(names.size() + 1)));
    }

    /** Now and then 0.0 (left out by proto3) or -0.0 (written: its bits are not zero). */
    private static double edge(Random random, double value) {
        return switch (random.nextInt(8)) {
            case 0 -> 0.0;
            case 1 -> -0.0;
            default -> value;
        };
    }

    private static Instant provenance(Random random, Instant time) {
        return switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> time;
            default -> time.minusNanos(random.nextLong(1, 600_000_000_000L));
        };
    }

    private static Collection<String> zones(Random random) {
        List<String> unsorted = List.of("zone-b", "corridor-7", "zone-a", "corridor-7");
        return switch (random.nextInt(4)) {
            case 0 -> List.of();
            case 1 -> unsorted.subList(0, 1 + random.nextInt(unsorted.size()));
            case 2 -> SortedNames.of(unsorted);
            default -> {
                TreeSet<String> reversed = new TreeSet<>(REVERSED);
                reversed.addAll(unsorted);
                yield reversed;
            }
        };
    }

    private static String zoneKind(Collection<String> zones) {
        if (zones.isEmpty()) {
            return "empty";
        }
        if (zones instanceof TreeSet<String> s && s.comparator() != null) {
            return "reversed sorted set";
        }
        return zones instanceof SortedNames ? "natural sorted set" : "list";
    }

    private static String timeKind(Instant t, Instant time) {
        return t == null ? "none" : t.equals(time) ? "same" : "other";
    }

    private static StateCovariance covariance(Random random) {
        double[] m = new double[StateCovariance.DIM * StateCovariance.DIM];
        for (int r = 0; r < StateCovariance.DIM; r++) {
            for (int c = r; c < StateCovariance.DIM; c++) {
                double v = r == c ? random.nextDouble() * 500 : random.nextGaussian();
                m[r * StateCovariance.DIM + c] = v;
                m[c * StateCovariance.DIM + r] = v;
            }
        }
        return StateCovariance.ofRowMajor(m);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
