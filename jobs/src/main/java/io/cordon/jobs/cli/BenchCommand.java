package io.cordon.jobs.cli;

import io.cordon.jobs.bench.FusionBenchmark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "bench",
        mixinStandardHelpOptions = true,
        description = "End-to-end benchmarks on a real broker.",
        subcommands = {BenchCommand.Fusion.class})
public final class BenchCommand {
    @Command(
            name = "fusion",
            mixinStandardHelpOptions = true,
            description = {
                "Publishes observations of --targets targets at --rate observations/s into a Kafka broker in its",
                "own JVM, runs the fusion job on a mini cluster and reads the tracks back (read_committed):",
                "sustained observations/s, live tracks, and latency from observation event time to readable",
                "track update (watermark delay and exactly-once commit included), and to the broker's append",
                "of it (latency_appended_ms: without the reading consumer); with --sent-latency also,",
                "read_uncommitted, to the moment the job's sink sent it (latency_sent_ms: all but the commit)."
            })
    static final class Fusion implements Callable<Integer> {
        @Option(
                names = "--targets",
                defaultValue = "1000",
                description = "Targets. Default: ${DEFAULT-VALUE}.")
        int targets;

        @Option(
                names = "--rate",
                defaultValue = "20000",
                description = "Observations per second. Default: ${DEFAULT-VALUE}.")
        double rate;

        @Option(
                names = "--duration",
                converter = DurationConverter.class,
                defaultValue = "30s",
                description =
                        "Measured run, after the warm-up (see --max-warmup). Default: ${DEFAULT-VALUE}.")
        Duration duration;

        @Option(
                names = "--parallelism",
                defaultValue = "1",
                description = "Fusion job parallelism. Default: ${DEFAULT-VALUE}.")
        int parallelism;

        @Option(
                names = "--checkpoint-interval",
                converter = DurationConverter.class,
                defaultValue = "1s",
                description =
                        "Checkpoint interval: committed output appears at each checkpoint. Default: ${DEFAULT-VALUE}.")
        Duration checkpointInterval;

        @Option(
                names = "--max-out-of-orderness",
                converter = DurationConverter.class,
                defaultValue = "0ms",
                description =
                        "Out-of-orderness of sensors the registry gives none (the watermark delay)."
                                + " The generator's sensors deliver in order (one producer, keyed by"
                                + " sensor, frame times increasing), as a registered sensor declares"
                                + " with maxOutOfOrdernessS: 0. Default: ${DEFAULT-VALUE}.")
        Duration maxOutOfOrderness;

        @Option(
                names = "--config",
                defaultValue = "deploy/cordon.yaml",
                description = "Configuration (topics, reference). Default: ${DEFAULT-VALUE}.")
        Path config;

        @Option(
                names = "--data-dir",
                defaultValue = ".cordon/bench",
                description = "Broker data and checkpoints. Default: ${DEFAULT-VALUE}.")
        Path dataDir;

        @Option(names = "--json", description = "Write the result as JSON here.")
        Path json;

        @Option(
                names = "--tile-size-m",
                defaultValue = "0",
                description =
                        "Run tiled fusion with square tiles of this edge, m (adds a fusion: section"
                                + " to the configuration; at least 1000). Default: ${DEFAULT-VALUE}"
                                + " (one fusion partition, or the configuration's fusion: section).")
        double tileSizeM;

        @Option(
                names = "--halo-m",
                defaultValue = "3000",
                description =
                        "Halo around each tile's core with --tile-size-m, m (more than the largest"
                                + " association gate, less than a third of the tile). Default:"
                                + " ${DEFAULT-VALUE}.")
        double haloM;

        @Option(
                names = "--max-warmup",
                converter = DurationConverter.class,
                defaultValue = "60s",
                description =
                        "The warm-up lasts at least 5 s and until the job has caught up with its"
                                + " start (newest update read at most the out-of-orderness + 800 ms"
                                + " old for 2 s, and the checkpoint interval more when read"
                                + " committed, without --sent-latency), at most this long. Default:"
                                + " ${DEFAULT-VALUE}.")
        Duration maxWarmup;

        @Option(
                names = "--ramp",
                converter = DurationConverter.class,
                defaultValue = "0s",
                description =
                        "Raise the warm-up's rate from a tenth of --rate to all of it over this"
                                + " time (the warm-up then lasts at least this long), so that the"
                                + " JIT compiles the job's code before the full rate builds a"
                                + " backlog; 0: the full rate from the start. At most --max-warmup."
                                + " Default: ${DEFAULT-VALUE}.")
        Duration ramp;

        @Option(
                names = "--timeline",
                description =
                        "Write a CSV timeline here (every 100 ms: published, generator lag, updates"
                                + " read and their age, CPU, GC) and FILE.checkpoints.csv (each"
                                + " checkpoint's duration, alignment, sync and async parts per task)"
                                + " and FILE.stages.csv (per frame of the one-partition job: generator,"
                                + " Kafka and decode, watermark wait, tracker step, to the sink, to the broker, to the read).")
        Path timeline;

        @Option(
                names = "--sent-latency",
                description =
                        "Also read the tracks read_uncommitted: latency_sent_ms, and the timeline's"
                                + " stage breakdown and polls from that reader (without it, from the"
                                + " read_committed one, so its last stage includes the commit). A"
                                + " second consumer of every update on the same cores: about 0.5 µs"
                                + " per observation at 10 000 targets (docs/benchmarks.md).")
        boolean sentLatency;

        @Override
        public Integer call() throws Exception {
            FusionBenchmark.Result r =
                    new FusionBenchmark(
                                    new FusionBenchmark.Options(
                                            config,
                                            targets,
                                            rate,
                                            duration,
                                            parallelism,
                                            checkpointInterval,
                                            maxOutOfOrderness,
                                            dataDir,
                                            tileSizeM,
                                            tileSizeM > 0 ? haloM : 0,
                                            timeline,
                                            maxWarmup,
                                            ramp,
                                            sentLatency),
                                    System.out)
                            .run();
            System.out.print(r.toJson());
            if (json != null) {
                Files.writeString(json, r.toJson());
            }
            return 0;
        }
    }
}
