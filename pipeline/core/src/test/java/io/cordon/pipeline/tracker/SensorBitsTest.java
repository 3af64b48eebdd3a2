package io.cordon.pipeline.tracker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.observation.Marking;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.observation.PositionFix;
import io.cordon.pipeline.observation.SensorKind;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@link SensorBits} and the in-view test of sensors without a prior that reads them from the
 * track's row instead of the track's sorted set of sensors.
 */
class SensorBitsTest {
    private static final GeoPoint REF = new GeoPoint(31.3333, -110.6, 1200.0);
    private static final LocalTangentPlane PLANE = new LocalTangentPlane(REF);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Test
    void numbersSensorsInTheOrderMetAndMarksSetsBeyondTheBits() {
        SensorBits bits = new SensorBits(3);
        assertThat(bits.bit("b")).isEqualTo(1L);
        assertThat(bits.bit("a")).isEqualTo(2L);
        assertThat(bits.bit("b")).isEqualTo(1L);
        assertThat(bits.bit("c")).isEqualTo(4L);
        assertThat(bits.bit("d")).isZero();
        assertThat(bits.bit("c")).isEqualTo(4L);
        assertThat(bits.of(new TreeSet<>(Set.of("a", "c")))).isEqualTo(6L);
        assertThat(bits.of(new TreeSet<>(Set.of("a", "d")))).isEqualTo(2L | SensorBits.OVERFLOW);
        assertThat(bits.of(Set.of())).isZero();

        SensorBits full = new SensorBits();
        for (int i = 0; i < SensorBits.BITS; i++) {
            assertThat(full.bit("s" + i)).isEqualTo(1L << i);
        }
        assertThat(full.bit("one more")).isZero();
        assertThat(full.of(Set.of("s62"))).isEqualTo(1L << 62);
        assertThat(full.of(new TreeSet<>(Set.of("s0", "one more"))))
                .isEqualTo(1L | SensorBits.OVERFLOW);
        assertThatThrownBy(() -> new SensorBits(64))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bits must be 0 to 63, was 64");
    }

    /**
     * Trackers numbering 63, 5 and no sensors report the same tracks, call by call, and leave the
     * same snapshots: 90 sensor ids without priors (nine fields of view whose ids change every
     * minute), so that tracks collect several sensors each and both the bits and the overflow to
     * the sets are used; with misses, so the in-view test decides existence.
     */
    @Test
    void theInViewTestFromTheBitsDecidesAsTheSetsDo() {
        List<List<Observation>> batches = nineFieldsWithChangingIds(5, 900);
        TrackerParameters parameters = TrackerParameters.defaults();
        MultiTargetTracker full = new MultiTargetTracker(parameters, REF);
        MultiTargetTracker few = new MultiTargetTracker(parameters, REF);
        MultiTargetTracker none = new MultiTargetTracker(parameters, REF);
        few.limitSensorBits(5);
        none.limitSensorBits(0);
        int reports = 0, deleted = 0, coasting = 0;
        for (List<Observation> batch : batches) {
            List<EntityTrack> expected = none.update(batch);
            assertThat(full.update(batch)).isEqualTo(expected);
            assertThat(few.update(batch)).isEqualTo(expected);
            Instant t = batch.get(0).eventTime();
            List<EntityTrack> advanced = none.advanceTo(t);
            assertThat(full.advanceTo(t)).isEqualTo(advanced);
            assertThat(few.advanceTo(t)).isEqualTo(advanced);
            for (EntityTrack track : expected) {
                reports++;
                deleted += track.status() == TrackStatus.DELETED ? 1 : 0;
                coasting += track.status() == TrackStatus.COASTING ? 1 : 0;
            }
            for (EntityTrack track : advanced) {
                deleted += track.status() == TrackStatus.DELETED ? 1 : 0;
                coasting += track.status() == TrackStatus.COASTING ? 1 : 0;
            }
        }
        assertThat(full.snapshot()).isEqualTo(none.snapshot());
        assertThat(few.snapshot()).isEqualTo(none.snapshot());
        assertThat(reports).isGreaterThan(5_000);
        assertThat(deleted).isPositive();
        assertThat(coasting).isPositive();
        assertThat(full.liveTrackCount()).isGreaterThanOrEqualTo(20);
        assertThatThrownBy(() -> full.limitSensorBits(3)).isInstanceOf(IllegalStateException.class);
    }

    /**
     * 30 targets at 5-15 m/s over a 24 km square, bouncing at its edges (a third born at 100 s,
     * half gone from 300 to 440 s), seen every 2 s with probability 0.85 by the field (8 km square)
     * they are in and by a neighbour's within 1 km of its edge, each field's id renewed every 60 s;
     * one clutter fix per field per frame.
     */
    private static List<List<Observation>> nineFieldsWithChangingIds(long seed, int durationS) {
        Random random = new Random(seed);
        int targets = 30;
        double half = 12_000;
        double[] e = new double[targets], n = new double[targets];
        double[] ve = new double[targets], vn = new double[targets];
        for (int i = 0; i < targets; i++) {
            e[i] = (random.nextDouble() * 2 - 1) * half;
            n[i] = (random.nextDouble() * 2 - 1) * half;
            double speed = 5 + 10 * random.nextDouble(),
                    heading = 2 * Math.PI * random.nextDouble();
            ve[i] = speed * Math.sin(heading);
            vn[i] = speed * Math.cos(heading);
        }
        List<List<Observation>> out = new ArrayList<>();
        int id = 0;
        for (int t = 0; t <= durationS; t += 2) {
            List<List<Observation>> fields = new ArrayList<>();
            for (int f = 0; f < 9; f++) {
                fields.add(new ArrayList<>());
            }
            Instant time = T0.plusSeconds(t);
            for (int i = 0; i < targets; i++) {
                if (t < (i % 3 == 2 ? 100 : 0) || (i < 15 && t > 300 + 10 * i)) {
                    continue;
                }
                if (t > 0) {
                    e[i] += 2 * ve[i];
                    n[i] += 2 * vn[i];
                    if (Math.abs(e[i]) > half) {
                        ve[i] = -ve[i];
                    }
                    if (Math.abs(n[i]) > half) {
                        vn[i] = -vn[i];
                    }
                }
                for (int f = 0; f < 9; f++) {
                    double cx = -8_000 + 8_000 * (f % 3), cy = -8_000 + 8_000 * (f / 3);
                    boolean inside = Math.abs(e[i] - cx) <= 5_000 && Math.abs(n[i] - cy) <= 5_000;
                    if (inside && random.nextDouble() < 0.85) {
                        fields.get(f).add(fix(id++, time, f, t, e[i], n[i], random, "target-" + i));
                    }
                }
            }
            for (int f = 0; f < 9; f++) {
                double cx = -8_000 + 8_000 * (f % 3), cy = -8_000 + 8_000 * (f / 3);
                double ce = cx + (random.nextDouble() * 2 - 1) * 4_000;
                double cn = cy + (random.nextDouble() * 2 - 1) * 4_000;
                fields.get(f).add(fix(id++, time, f, t, ce, cn, random, "clutter"));
                out.add(fields.get(f));
            }
        }
        return out;
    }

    private static Observation fix(
            int id,
            Instant time,
            int field,
            int t,
            double e,
            double n,
            Random random,
            String what) {
        double sigma = 15;
        GeoPoint at =
                PLANE.toGeodetic(
                        new EnuPoint(
                                e + sigma * random.nextGaussian(),
                                n + sigma * random.nextGaussian(),
                                0));
        String sensor = "field-" + field + "-" + (t / 60);
        return new Observation(
                String.format("o-%06d-%s", id, what),
                "p",
                sensor,
                SensorKind.DRONE,
                time,
                PositionFix.isotropic(at, sigma),
                null,
                null,
                null,
                Marking.UNRESTRICTED);
    }
}
