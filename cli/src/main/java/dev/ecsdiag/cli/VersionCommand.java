package dev.ecsdiag.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code ecsdiag version}: the same as {@code ecsdiag --version}, for those who type it as a command. */
@Command(name = "version", description = "Print the version of ecsdiag and of the Java it runs on.")
final class VersionCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        for (String line : new VersionProvider().getVersion()) {
            spec.commandLine().getOut().println(line);
        }
        spec.commandLine().getOut().flush();
        return Main.EXIT_OK;
    }
}
