package io.cordon.pipeline.config;

/**
 * The scenario simulator of the local demo. The defaults give a 60 s local run: at {@code speedup}
 * 10 it plays 10 minutes of scenario.
 *
 * @param seed random seed; the same seed gives the same scenario (default 42)
 * @param targets number of targets over the run, [0, 100 000] (default 20)
 * @param speedup scenario seconds per wall-clock second, (0, 1000] (default 10)
 * @param crossingFraction share of targets that cross the border, [0, 1] (default 0.25)
 * @param malformedPerMinute malformed sensor messages injected per scenario minute to exercise the
 *     dead-letter path, >= 0 (default 2)
 * @param lowFlyers drones and light aircraft without ADS-B flying low and slow across the border
 *     (LOW_SLOW_FLYER), each starting in a drone's footprint between 10 % and 60 % of the run, [0,
 *     100] (default 0; the example configuration has 2). Needs a drone among the sensors.
 * @param airMeetings pairs of drones or light helicopters hovering together for 3-5 minutes
 *     (RENDEZVOUS, air variant) in a drone's footprint, appearing between 5 % and 75 % of the run,
 *     [0, 100] (default 0; the example configuration has 1). Needs a drone among the sensors.
 */
public record SimulationConfig(
        long seed,
        int targets,
        double speedup,
        double crossingFraction,
        double malformedPerMinute,
        int lowFlyers,
        int airMeetings) {
    public static final SimulationConfig DEFAULT =
            new SimulationConfig(42, 20, 10.0, 0.25, 2.0, 0, 0);

    public SimulationConfig {
        if (targets < 0 || targets > 100_000) {
            throw new ConfigException("targets", targets, "an integer in [0, 100000]");
        }
        if (!(speedup > 0 && speedup <= 1000)) {
            throw new ConfigException("speedup", speedup, "a number in (0, 1000]");
        }
        ConfigChecks.within("crossingFraction", crossingFraction, 0, 1);
        ConfigChecks.nonNegative("malformedPerMinute", malformedPerMinute);
        if (lowFlyers < 0 || lowFlyers > 100) {
            throw new ConfigException("lowFlyers", lowFlyers, "an integer in [0, 100]");
        }
        if (airMeetings < 0 || airMeetings > 100) {
            throw new ConfigException("airMeetings", airMeetings, "an integer in [0, 100]");
        }
    }
}
