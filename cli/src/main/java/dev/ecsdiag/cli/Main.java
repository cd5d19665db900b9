package dev.ecsdiag.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code ecsdiag} command line. Each subcommand is a small class that turns its options into a
 * call of the shared core; no logic of its own.
 *
 * <p>Exit status: 0 when the command ran (whatever it found), 1 when {@code collect --fail-on}
 * matched a verdict, 2 for a usage error, 3 for an unreadable input file, 4 for a credential or
 * configuration error (including an unknown region), 5 when the ECS endpoint could not be reached.
 */
@Command(name = "ecsdiag",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Crash forensics for CI test fleets on Alibaba Cloud ECS.",
        subcommands = {
                CommandLine.HelpCommand.class,
                ClassifyCommand.class,
                CollectCommand.class,
                DemoCommand.class,
                EmulatorCommand.class,
                VersionCommand.class,
        })
public final class Main implements Runnable {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILED_VERDICT = 1;
    public static final int EXIT_USAGE = 2;
    public static final int EXIT_UNREADABLE = 3;
    public static final int EXIT_CONFIGURATION = 4;
    public static final int EXIT_UNREACHABLE = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line without exiting, for tests and embedding. */
    public static int run(String... args) {
        return newCommandLine().execute(args);
    }

    static CommandLine newCommandLine() {
        CommandLine cl = new CommandLine(new Main());
        cl.setExitCodeExceptionMapper(e -> EXIT_USAGE);
        return cl;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing command");
    }
}
