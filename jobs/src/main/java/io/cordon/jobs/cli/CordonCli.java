package io.cordon.jobs.cli;

import io.cordon.pipeline.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code ./cordon} launcher. */
@Command(
        name = "cordon",
        mixinStandardHelpOptions = true,
        version = "cordon 0.1.0",
        description = "Sensor fusion and analytics for a shared border.",
        subcommands = {
            LocalCommand.class,
            ConnectCommand.class,
            DecodeCommand.class,
            TrackCommand.class,
            DetectCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class CordonCli {
    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs the command line with the given output streams; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new CordonCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    if (e instanceof ConfigException) {
                        commandLine.getErr().println("configuration error: " + e.getMessage());
                        return 2;
                    }
                    commandLine.getErr().println("error: " + e);
                    if (System.getenv("CORDON_DEBUG") != null) {
                        e.printStackTrace(commandLine.getErr());
                    } else {
                        commandLine.getErr().println("(set CORDON_DEBUG=1 for the stack trace)");
                    }
                    return 1;
                });
        return cli.execute(args);
    }
}
