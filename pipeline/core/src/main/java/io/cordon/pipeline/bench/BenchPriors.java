package io.cordon.pipeline.bench;

import io.cordon.pipeline.tracker.TrackerParameters;

/** Tracker parameters for a benchmark scenario, from the priors scenario.json gives. */
final class BenchPriors {
    private BenchPriors() {}

    static TrackerParameters parametersFor(BenchScenario scenario) {
        return TrackerParameters.defaults();
    }
}
