package io.cordon.pipeline.bench;

import io.cordon.pipeline.geo.EnuPoint;
import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.metrics.TrackingScore;
import io.cordon.pipeline.track.EntityTrack;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a run of the tracker on a generated scenario in Java, as the benchmark's scorer does: both
 * truth and tracks in the scenario frame with positions taken at the reference height, GOSPA and
 * CLEAR-MOT identity metrics over every evaluation time ({@link TrackingScore}).
 */
public final class ScenarioScorer {
    private ScenarioScorer() {}

    /** The score of {@code result} (a run over {@code generated.scenario()}). */
    public static TrackingScore score(GeneratedScenario generated, BenchTrackRunner.Result result) {
        List<GeneratedScenario.TruthStep> truth = generated.truth();
        if (truth.size() != result.outputs().size()) {
            throw new IllegalArgumentException(
                    "truth has " + truth.size() + " steps, the run " + result.outputs().size());
        }
        GeoPoint ref = ScenarioGenerator.REFERENCE;
        LocalTangentPlane plane = new LocalTangentPlane(ref);
        List<TrackingScore.Frame> truths = new ArrayList<>();
        List<TrackingScore.Frame> tracks = new ArrayList<>();
        for (int k = 0; k < truth.size(); k++) {
            GeneratedScenario.TruthStep step = truth.get(k);
            List<String> ids = new ArrayList<>();
            for (int id : step.ids()) {
                ids.add(Integer.toString(id));
            }
            truths.add(new TrackingScore.Frame(ids, step.eastM(), step.northM()));
            List<EntityTrack> out = result.outputs().get(k);
            List<String> trackIds = new ArrayList<>();
            double[] e = new double[out.size()];
            double[] n = new double[out.size()];
            for (int i = 0; i < out.size(); i++) {
                EntityTrack t = out.get(i);
                EnuPoint p =
                        plane.toEnu(
                                new GeoPoint(
                                        t.position().latDeg(), t.position().lonDeg(), ref.altM()));
                trackIds.add(t.trackId());
                e[i] = p.eastM();
                n[i] = p.northM();
            }
            tracks.add(new TrackingScore.Frame(trackIds, e, n));
        }
        return TrackingScore.of(truths, tracks, 500.0);
    }
}
