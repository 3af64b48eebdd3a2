package io.cordon.pipeline.bench;

import io.cordon.pipeline.geo.GeoPoint;
import io.cordon.pipeline.geo.LocalTangentPlane;
import io.cordon.pipeline.tracker.SensorCoverage;
import io.cordon.pipeline.tracker.SensorPrior;
import io.cordon.pipeline.tracker.TrackerParameters;
import java.util.ArrayList;
import java.util.List;

/**
 * Tracker parameters for a benchmark scenario: the defaults plus each sensor's P_D, clutter density
 * and coverage from scenario.json (what the README offers "for priors").
 */
public final class BenchPriors {
    private BenchPriors() {}

    public static TrackerParameters parametersFor(BenchScenario scenario) {
        return parametersFor(scenario, TrackerParameters.defaults());
    }

    public static TrackerParameters parametersFor(BenchScenario scenario, TrackerParameters base) {
        LocalTangentPlane plane = new LocalTangentPlane(scenario.referencePoint());
        List<SensorPrior> priors = new ArrayList<>();
        for (BenchSensor s : scenario.sensors()) {
            SensorCoverage coverage;
            if (Double.isNaN(s.radiusM())) {
                coverage =
                        new SensorCoverage.Rectangle(
                                scenario.referencePoint(), s.halfEastM(), s.halfNorthM());
            } else {
                GeoPoint centre = plane.surfacePoint(s.eastM(), s.northM());
                coverage = new SensorCoverage.Disc(centre, s.radiusM());
            }
            priors.add(
                    new SensorPrior(
                            s.id(), s.detectionProbability(), s.clutterDensityPerM2(), coverage));
        }
        return base.withSensors(priors);
    }
}
