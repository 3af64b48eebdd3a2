package io.cordon.pipeline.fusion.tiling;

import io.cordon.pipeline.bench.GospaReportingPolicy;
import io.cordon.pipeline.fusion.FusionStep;
import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.metrics.Gospa;
import io.cordon.pipeline.observation.Observation;
import io.cordon.pipeline.track.EntityTrack;
import io.cordon.pipeline.track.TrackStatus;
import io.cordon.pipeline.tracker.MultiTargetTracker;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a fusion run published: the update stream, and the picture (tracks predicted to the time)
 * every {@code evalS} seconds, for single-tracker and tiled runs alike.
 */
final class Picture {
    /** One track of the picture at one evaluation time, in the fusion plane. */
    record Seen(
            EntityTrack track,
            String id,
            double eastM,
            double northM,
            double existence,
            String note) {}

    final List<EntityTrack> stream = new ArrayList<>();
    final TreeMap<Instant, List<Seen>> frames = new TreeMap<>();

    static Picture single(
            TrackerParameters parameters,
            GeoPoint reference,
            NavigableMap<Instant, List<Observation>> observations,
            double evalS) {
        return new Picture().runSingle(parameters, reference, observations, evalS);
    }

    Picture runSingle(
            TrackerParameters parameters,
            GeoPoint reference,
            NavigableMap<Instant, List<Observation>> observations,
            double evalS) {
        MultiTargetTracker tracker = new MultiTargetTracker(parameters, reference);
        FusionStep fusion = new FusionStep(tracker);
        LocalTangentPlane plane = new LocalTangentPlane(reference);
        Picture p = this;
        p.run(
                observations,
                evalS,
                (t, obs) -> p.stream.addAll(fusion.step(t, obs)),
                t -> {
                    List<Seen> seen = new ArrayList<>();
                    for (EntityTrack e : tracker.confirmedTracksAt(t)) {
                        EnuPoint x = plane.toEnu(e.position());
                        seen.add(
                                new Seen(
                                        e,
                                        e.trackId(),
                                        x.eastM(),
                                        x.northM(),
                                        tracker.existenceProbability(e.trackId()),
                                        ""));
                    }
                    return seen;
                });
        return p;
    }

    static Picture tiled(
            TiledFusion fusion,
            GeoPoint reference,
            NavigableMap<Instant, List<Observation>> observations,
            double evalS) {
        return new Picture().runTiled(fusion, reference, observations, evalS);
    }

    Picture runTiled(
            TiledFusion fusion,
            GeoPoint reference,
            NavigableMap<Instant, List<Observation>> observations,
            double evalS) {
        LocalTangentPlane plane = new LocalTangentPlane(reference);
        Picture p = this;
        p.run(
                observations,
                evalS,
                (t, obs) -> p.stream.addAll(fusion.step(t, obs)),
                t -> {
                    List<Seen> seen = new ArrayList<>();
                    for (TiledFusion.OwnedTrack o : fusion.ownedTracksAt(t)) {
                        EnuPoint x = plane.toEnu(o.track().position());
                        seen.add(
                                new Seen(
                                        o.track(),
                                        o.track().trackId(),
                                        x.eastM(),
                                        x.northM(),
                                        o.existence(),
                                        o.tile() + "/" + o.localId()));
                    }
                    return seen;
                });
        return p;
    }

    interface Step {
        void run(Instant t, List<Observation> observations);
    }

    interface Look {
        List<Seen> at(Instant t);
    }

    /** Evaluation times run from start (default: the first observation) to end (the last). */
    Instant start, end;

    Picture from(Instant start, Instant end) {
        this.start = start;
        this.end = end;
        return this;
    }

    private void run(
            NavigableMap<Instant, List<Observation>> observations,
            double evalS,
            Step step,
            Look look) {
        Instant first = start == null ? observations.firstKey() : start;
        Instant last = end == null ? observations.lastKey() : end;
        long evalNanos = Math.round(evalS * 1e9);
        Instant next = first;
        for (Map.Entry<Instant, List<Observation>> e : observations.entrySet()) {
            while (next.isBefore(e.getKey())) {
                frames.put(next, look.at(next));
                next = next.plusNanos(evalNanos);
            }
            step.run(e.getKey(), e.getValue());
        }
        while (!next.isAfter(last)) {
            frames.put(next, look.at(next));
            next = next.plusNanos(evalNanos);
        }
    }

    /**
     * Mean GOSPA (c, p = 2) over the evaluation times against {@code truth}, reporting a track when
     * {@link GospaReportingPolicy} expects it to lower the metric (as the benchmark runner does).
     */
    double meanGospa(Truth truth, double cutoffM) {
        Gospa gospa = new Gospa(cutoffM, 2);
        GospaReportingPolicy policy = new GospaReportingPolicy(cutoffM);
        double sum = 0;
        for (var f : frames.entrySet()) {
            List<Gospa.Point> estimates = new ArrayList<>();
            for (Seen s : f.getValue()) {
                if (policy.report(s.track(), s.existence())) {
                    estimates.add(new Gospa.Point(s.eastM(), s.northM()));
                }
            }
            sum += gospa.between(estimates, truth.at(f.getKey())).distance();
        }
        return sum / frames.size();
    }

    /** Summed GOSPA parts over the evaluation times: localisation, missed, false (m²). */
    double[] gospaParts(Truth truth, double cutoffM) {
        Gospa gospa = new Gospa(cutoffM, 2);
        GospaReportingPolicy policy = new GospaReportingPolicy(cutoffM);
        double[] parts = new double[3];
        for (var f : frames.entrySet()) {
            List<Gospa.Point> estimates = new ArrayList<>();
            for (Seen s : f.getValue()) {
                if (policy.report(s.track(), s.existence())) {
                    estimates.add(new Gospa.Point(s.eastM(), s.northM()));
                }
            }
            Gospa.Result r = gospa.between(estimates, truth.at(f.getKey()));
            parts[0] += r.localisation();
            parts[1] += r.missed();
            parts[2] += r.falseTracks();
        }
        return parts;
    }

    /** Truth positions in the fusion plane at a time. */
    interface Truth {
        List<Gospa.Point> at(Instant t);
    }

    /** Ids in the stream that have two updates at one time, or updates after their deletion. */
    TreeSet<String> streamViolations() {
        TreeSet<String> bad = new TreeSet<>();
        TreeSet<String> seenAt = new TreeSet<>();
        TreeSet<String> deleted = new TreeSet<>();
        for (EntityTrack t : stream) {
            if (!seenAt.add(t.trackId() + "@" + t.time()) || deleted.contains(t.trackId())) {
                bad.add(t.trackId() + "@" + t.time());
            }
            if (t.status() == TrackStatus.DELETED) {
                deleted.add(t.trackId());
            }
        }
        return bad;
    }

    /** Distinct ids in the picture within {@code radiusM} of target k over its life. */
    TreeSet<String> idsNear(TileScenario.Path target, double radiusM) {
        TreeSet<String> ids = new TreeSet<>();
        Instant t0 = frames.firstKey();
        for (var f : frames.entrySet()) {
            double[] x = target.at((f.getKey().toEpochMilli() - t0.toEpochMilli()) / 1000.0);
            if (x == null) {
                continue;
            }
            for (Seen s : f.getValue()) {
                if (Math.hypot(s.eastM() - x[0], s.northM() - x[1]) <= radiusM) {
                    ids.add(s.id());
                }
            }
        }
        return ids;
    }

    /** Largest number of tracks within {@code radiusM} of the target at one evaluation time. */
    int mostTracksAtOnce(TileScenario.Path target, double radiusM) {
        int most = 0;
        Instant t0 = frames.firstKey();
        for (var f : frames.entrySet()) {
            double[] x = target.at((f.getKey().toEpochMilli() - t0.toEpochMilli()) / 1000.0);
            if (x == null) {
                continue;
            }
            int n = 0;
            for (Seen s : f.getValue()) {
                if (Math.hypot(s.eastM() - x[0], s.northM() - x[1]) <= radiusM) {
                    n++;
                }
            }
            most = Math.max(most, n);
        }
        return most;
    }

    /** Prints how this picture differs from {@code ps} (a diagnostic for measurements). */
    void diff(Picture ps, double c) {
        var pol = new GospaReportingPolicy(c);
        int extra = 0, missing = 0, dups = 0;
        for (var f : frames.entrySet()) {
            var seen = f.getValue();
            var sing = ps.frames.get(f.getKey());
            for (var a : seen) {
                if (!pol.report(a.track(), a.existence())) continue;
                int n = 0;
                for (var b : sing)
                    if (pol.report(b.track(), b.existence())
                            && Math.hypot(a.eastM() - b.eastM(), a.northM() - b.northM()) < 100)
                        n++;
                int m = 0;
                for (var b : seen)
                    if (pol.report(b.track(), b.existence())
                            && Math.hypot(a.eastM() - b.eastM(), a.northM() - b.northM()) < 100)
                        m++;
                if (n == 0) {
                    extra++;
                    System.out.printf(
                            "%s extra %s(%s) %.0f,%.0f ex %.3f %s%n",
                            f.getKey(),
                            a.id(),
                            a.note(),
                            a.eastM(),
                            a.northM(),
                            a.existence(),
                            a.track().status());
                } else if (m > n) {
                    dups++;
                    System.out.printf(
                            "%s dup %s(%s) %.0f,%.0f ex %.3f %s%n",
                            f.getKey(),
                            a.id(),
                            a.note(),
                            a.eastM(),
                            a.northM(),
                            a.existence(),
                            a.track().status());
                }
            }
            for (var b : sing) {
                if (!pol.report(b.track(), b.existence())) continue;
                boolean match = false;
                for (var a : seen)
                    if (pol.report(a.track(), a.existence())
                            && Math.hypot(a.eastM() - b.eastM(), a.northM() - b.northM()) < 100)
                        match = true;
                if (!match) {
                    missing++;
                    String near = "";
                    for (var a : seen)
                        if (Math.hypot(a.eastM() - b.eastM(), a.northM() - b.northM()) < 1000)
                            near +=
                                    String.format(
                                            " [%s(%s) %.0f,%.0f ex %.3f rep %s]",
                                            a.id(),
                                            a.note(),
                                            a.eastM(),
                                            a.northM(),
                                            a.existence(),
                                            pol.report(a.track(), a.existence()));
                    System.out.printf(
                            "%s missing %s %.0f,%.0f ex %.3f near%s%n",
                            f.getKey(), b.id(), b.eastM(), b.northM(), b.existence(), near);
                }
            }
        }
        System.out.println("extra " + extra + " missing " + missing + " dups " + dups);
    }
}
