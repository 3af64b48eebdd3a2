package io.cordon.jobs.local;

import io.cordon.jobs.cli.DurationConverter;
import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The timing of the local run's jobs, as {@code cordon local} options (a picocli mixin): the
 * checkpoint interval (also when exactly-once output becomes visible: the progress lines and the
 * summary count committed records only) and the fusion job's default out-of-orderness bound (for
 * sensors that do not declare {@code maxOutOfOrdernessS} in the configuration). A value out of
 * range is refused with the flag, the value and what is allowed.
 */
public final class LocalJobTiming {
    /** Default checkpoint interval of the local run's jobs. */
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(2);

    /** Default out-of-orderness bound of the local run's fusion job. */
    public static final Duration DEFAULT_MAX_OUT_OF_ORDERNESS = Duration.ofSeconds(2);

    static final String CHECKPOINT_INTERVAL = "--checkpoint-interval";
    static final String MAX_OUT_OF_ORDERNESS = "--max-out-of-orderness";

    /** The jobs' own lower bound ({@code JobRuntime}). */
    static final Duration MIN_CHECKPOINT_INTERVAL = Duration.ofMillis(10);

    /**
     * Upper bound: nothing the jobs write is visible (progress, summary) before a checkpoint, and
     * the run waits three intervals at its end for the last commits.
     */
    static final Duration MAX_CHECKPOINT_INTERVAL = Duration.ofSeconds(60);

    /** Upper bound: fusion holds every observation back by this much event time. */
    static final Duration MAX_OUT_OF_ORDERNESS_BOUND = Duration.ofSeconds(60);

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    private Duration checkpointInterval = DEFAULT_CHECKPOINT_INTERVAL;
    private Duration maxOutOfOrderness = DEFAULT_MAX_OUT_OF_ORDERNESS;

    @Option(
            names = CHECKPOINT_INTERVAL,
            paramLabel = "DURATION",
            description = {
                "Checkpoint interval of the jobs (10ms to 60s): their Kafka output, and so the",
                "progress lines, becomes visible at each checkpoint. Default: 2s."
            })
    void checkpointInterval(String value) {
        checkpointInterval = parse(CHECKPOINT_INTERVAL, value);
    }

    @Option(
            names = MAX_OUT_OF_ORDERNESS,
            paramLabel = "DURATION",
            description = {
                "How far behind the newest event time an observation may arrive and still be",
                "fused in order, for sensors without maxOutOfOrdernessS in the configuration",
                "(0s to 60s; fusion waits this long in event time). Default: 2s."
            })
    void maxOutOfOrderness(String value) {
        maxOutOfOrderness = parse(MAX_OUT_OF_ORDERNESS, value);
    }

    public Duration checkpointInterval() {
        return checkpointInterval;
    }

    public Duration maxOutOfOrderness() {
        return maxOutOfOrderness;
    }

    private Duration parse(String flag, String value) {
        CommandLine cli = spec == null ? null : spec.commandLine();
        Duration d;
        try {
            d = DurationConverter.parse(value);
        } catch (CommandLine.TypeConversionException e) {
            throw new ParameterException(
                    cli, "Invalid value for option '" + flag + "': " + e.getMessage());
        }
        String problem = problem(flag, d);
        if (problem != null) {
            throw new ParameterException(
                    cli, "Invalid value for option '" + flag + "': '" + value + "' " + problem);
        }
        return d;
    }

    /**
     * What is wrong with {@code value} for {@code flag} ("is ...; allowed: ..."), or null when it
     * is allowed.
     */
    static String problem(String flag, Duration value) {
        if (value == null) {
            return "is missing; allowed: a duration";
        }
        if (flag.equals(CHECKPOINT_INTERVAL)) {
            if (value.compareTo(MIN_CHECKPOINT_INTERVAL) < 0
                    || value.compareTo(MAX_CHECKPOINT_INTERVAL) > 0) {
                return "is out of range; allowed: 10ms to 60s (the jobs checkpoint at most every"
                        + " 10 ms; their output is visible only at checkpoints)";
            }
        } else if (flag.equals(MAX_OUT_OF_ORDERNESS)) {
            if (value.isNegative() || value.compareTo(MAX_OUT_OF_ORDERNESS_BOUND) > 0) {
                return "is out of range; allowed: 0s to 60s (fusion holds every observation back"
                        + " by this much event time)";
            }
        } else {
            throw new IllegalArgumentException("not a timing option: " + flag);
        }
        return null;
    }

    /** Refuses a value out of range, naming the flag, the value and what is allowed. */
    static Duration check(String flag, Duration value) {
        String problem = problem(flag, value);
        if (problem != null) {
            throw new IllegalArgumentException(flag + ": " + value + " " + problem);
        }
        return value;
    }
}
