package dev.ecsdiag.cli;

import dev.ecsdiag.classify.Classification;
import dev.ecsdiag.classify.ConsoleInput;
import dev.ecsdiag.config.FileProblems;
import dev.ecsdiag.classify.ConsoleClassifier;
import dev.ecsdiag.screen.ScreenDecoder;
import dev.ecsdiag.screen.ScreenReader;
import dev.ecsdiag.screen.ScreenReading;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ecsdiag classify [--format text|json] FILE...}: classifies console logs and prints, per file,
 * the verdict, the crashes, the boots and the findings. Files are read one after another; an
 * unreadable file is reported on standard error and the others are still classified (exit status 3
 * at the end). JSON output is JSON Lines: one object per file, one line each.
 */
@Command(name = "classify",
        versionProvider = VersionProvider.class,
        mixinStandardHelpOptions = true,
        description = {
                "Classify kernel console logs: crashes, boots, OOM kills, storage failures, and one verdict per file."
                + " Verdicts, first that applies: boot-failure, crash, storage-failure, oom, healthy."},
        footer = {"", "Input: plain text or gzip (found by its magic bytes, whatever the name); a file that is not text"
                + " (a program, a picture, another archive) is named on standard error and not classified.",
                "", "Exit status: 0 when every file was classified (whatever was found), 2 for a usage error, 3 when a"
                + " file could not be read, was not text or could not be classified (the other files are still classified)."})
final class ClassifyCommand implements Callable<Integer> {

    enum Format { text, json }

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text (for people) or json (one JSON object per file and line: JSON Lines). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = {"Console log files; - reads standard input.",
            "A PNG or JPEG screenshot (told by its first bytes) is read as text and classified the same way."})
    List<String> files;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ConsoleClassifier classifier = new ConsoleClassifier();
        ClassificationPrinter printer = format == Format.json ? new JsonPrinter(out) : new TextPrinter(out);
        boolean unreadable = false;
        boolean stdinUsed = false;
        for (String file : files) {
            Classification result;
            try {
                if (!file.equals("-") && isImage(Path.of(file))) {
                    ScreenReading screen = new ScreenReader().read(readBounded(Path.of(file)));
                    if (!screen.read()) {
                        err.println("ecsdiag classify: screenshot " + file + " " + screen.problem());
                        err.flush();
                        unreadable = true;
                        continue;
                    }
                    printer.printScreen(file, screen);
                    out.flush();
                    continue;
                }
                if (file.equals("-")) {
                    if (stdinUsed) {
                        err.println("ecsdiag classify: standard input (-) can be read only once; skipped the second -");
                        unreadable = true;
                        continue;
                    }
                    stdinUsed = true;
                    result = classifier.classify(ConsoleInput.open(nonClosing(System.in)));
                } else {
                    try (InputStream in = ConsoleInput.open(Files.newInputStream(Paths.get(file)))) {
                        result = classifier.classify(in);
                    }
                }
            } catch (ConsoleInput.NotTextException e) {
                err.println("ecsdiag classify: " + file + " is " + e.getMessage() + "; give a console log");
                err.flush();
                unreadable = true;
                continue;
            } catch (java.util.zip.ZipException | java.io.EOFException e) {
                err.println("ecsdiag classify: cannot read " + file + ": broken gzip data (" + e.getMessage() + ")");
                err.flush();
                unreadable = true;
                continue;
            } catch (IOException e) {
                err.println("ecsdiag classify: cannot read " + file + ": "
                        + FileProblems.reason(e, file.equals("-") ? null : Path.of(file)));
                err.flush();
                unreadable = true;
                continue;
            } catch (RuntimeException e) { // a fault of ours, not of the file: say so, go on with the others
                err.println("ecsdiag classify: could not classify " + file + ": " + e);
                err.flush();
                unreadable = true;
                continue;
            }
            printer.print(file, result);
            out.flush();
        }
        printer.finish();
        out.flush();
        err.flush();
        return unreadable ? Main.EXIT_UNREADABLE : Main.EXIT_OK;
    }

    /** PNG or JPEG by its magic bytes, whatever its name. */
    private static boolean isImage(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file)) {
            return !ScreenDecoder.formatOf(in.readNBytes(8)).equals("unknown");
        }
    }

    /** A screenshot is at most a few MB; a file claiming to be one and larger than this is not read whole. */
    static final long MAX_IMAGE_BYTES = 64L << 20;

    private static byte[] readBounded(Path file) throws IOException {
        long size = Files.size(file);
        if (size > MAX_IMAGE_BYTES) {
            throw new IOException("a " + size + "-byte image is larger than any screenshot (" + (MAX_IMAGE_BYTES >> 20) + " MB at most)");
        }
        return Files.readAllBytes(file);
    }

    /** Standard input stays open for whoever reads it after us (tests, embedding). */
    private static InputStream nonClosing(InputStream in) {
        return new java.io.FilterInputStream(in) {
            @Override
            public void close() {
            }
        };
    }
}
