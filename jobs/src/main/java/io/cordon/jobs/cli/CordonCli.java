package io.cordon.jobs.cli;

import io.cordon.pipeline.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ./cordon} launcher. */
@Command(
        name = "cordon",
        mixinStandardHelpOptions = true,
        version = "cordon 0.1.0",
        description = "Sensor fusion and analytics for a shared border.",
        subcommands = {LocalCommand.class, CommandLine.HelpCommand.class})
public final class CordonCli {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        CommandLine cli = new CommandLine(new CordonCli());
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println("configuration error: " + e.getMessage());
                return 2;
            }
            throw e;
        });
        return cli.execute(args);
    }
}
