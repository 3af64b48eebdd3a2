package io.cordon.jobs.cli;

import io.cordon.jobs.local.LocalJobTiming;
import io.cordon.jobs.local.LocalRun;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "local",
        mixinStandardHelpOptions = true,
        description = {
            "Runs Cordon on this machine: a Kafka broker (KRaft, its own JVM), the fusion, detection and",
            "distribution jobs in a Flink mini cluster, and simulated radar, drone and satellite sensors of",
            "several partners, with live progress. Stops after --duration or on Ctrl-C."
        })
public final class LocalCommand implements Callable<Integer> {
    @Option(
            names = "--duration",
            converter = DurationConverter.class,
            defaultValue = "10m",
            description = "How long to run (60s, 5m, 1h). Default: ${DEFAULT-VALUE}.")
    Duration duration;

    @Option(
            names = "--config",
            defaultValue = "deploy/cordon.yaml",
            description = "Configuration file. Default: ${DEFAULT-VALUE}.")
    Path config;

    @Option(names = "--summary-json", description = "Write the final counts as JSON to this file.")
    Path summaryJson;

    @Option(
            names = "--data-dir",
            defaultValue = ".cordon/local",
            description =
                    "Where the broker's log and the checkpoints go. Default: ${DEFAULT-VALUE}.")
    Path dataDir;

    @Option(
            names = "--reuse-data",
            description = "Keep the broker's data from a previous run instead of starting clean.")
    boolean reuseData;

    @Option(
            names = "--speedup",
            description = "Simulated seconds per wall-clock second (default from the config).")
    Double speedup;

    @Option(
            names = "--secure",
            description = {
                "Run Kafka with TLS (a certificate generated for this run), SASL/SCRAM-SHA-512 and",
                "ACLs: each job, each partner and the simulated sensors connect as their own",
                "principal, with least privilege. Key material goes to DATA_DIR/tls."
            })
    boolean secure;

    @Mixin LocalJobTiming timing;

    @Override
    public Integer call() throws Exception {
        LocalRun run =
                new LocalRun(
                        new LocalRun.Options(
                                config,
                                duration,
                                dataDir,
                                reuseData,
                                summaryJson,
                                speedup,
                                secure,
                                timing),
                        System.out);
        Thread main = Thread.currentThread();
        Thread hook =
                new Thread(
                        () -> {
                            run.requestStop();
                            try {
                                main.join(30_000);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "cordon-ctrl-c");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run.run();
        } finally {
            // A hook left behind would, at System.exit from this thread, wait 30 s for this
            // thread, which is itself waiting for the hooks (and keeps a test JVM from exiting).
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // Ctrl-C: the hook is running and waits for this thread to return
            }
        }
        return 0;
    }
}
