package dev.ecsdiag.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The console logs of the syzkaller corpus, as the classifier would receive them: each file's
 * header (up to and including the first empty line) and any trailing {@code REPORT:} section
 * (the expected extracted text, not console output) are cut off.
 */
public final class CorpusLogs {

    /** The corpus this benchmark measures, relative to {@code ../shared/corpus}. */
    public static final String CORPUS = "syzkaller-linux-report";

    private static final byte[] REPORT_SECTION = "\n\nREPORT:\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private CorpusLogs() {
    }

    /** One console log of the corpus. */
    public record Log(String name, byte[] console) {
    }

    /**
     * The default corpus folder: {@code $ECSDIAG_SHARED_DIR/corpus/...}, or {@code ../shared/corpus/...}
     * beside the checkout holding the working directory.
     */
    public static Path defaultDir() {
        String env = System.getenv("ECSDIAG_SHARED_DIR");
        if (env != null && !env.isBlank()) {
            return Paths.get(env, "corpus", CORPUS);
        }
        Path dir = Paths.get("").toAbsolutePath();
        for (Path d = dir; d != null; d = d.getParent()) {
            if (Files.isRegularFile(d.resolve("mvnw")) && Files.isDirectory(d.resolve("shared"))) {
                return d.resolveSibling("shared").resolve("corpus").resolve(CORPUS);
            }
        }
        return dir.resolveSibling("shared").resolve("corpus").resolve(CORPUS);
    }

    /** Every log of the folder, sorted by name; fails with a clear message when the folder is missing. */
    public static List<Log> load(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("corpus folder " + dir + " is not there (expected ../shared/corpus/"
                    + CORPUS + " beside the checkout; set ECSDIAG_SHARED_DIR or pass --corpus DIR)");
        }
        List<Log> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted(Comparator.comparing(Path::toString)).toList()) {
                String name = f.getFileName().toString();
                if (!Files.isRegularFile(f) || name.startsWith("README") || name.equals("LICENSE") || name.equals("AUTHORS")) {
                    continue;
                }
                logs.add(new Log(name, consoleOf(Files.readAllBytes(f))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read corpus folder " + dir, e);
        }
        if (logs.isEmpty()) {
            throw new IllegalArgumentException("corpus folder " + dir + " holds no logs");
        }
        return logs;
    }

    /** The console part of a corpus file: after the first empty line, before a {@code REPORT:} section. */
    static byte[] consoleOf(byte[] file) {
        int start = 0;
        int lineStart = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                int len = i - lineStart;
                if (len == 0 || (len == 1 && file[lineStart] == '\r')) {
                    start = i + 1;
                    break;
                }
                lineStart = i + 1;
            }
            if (i == file.length - 1) {
                start = file.length; // header only: no console log
            }
        }
        int end = indexOf(file, REPORT_SECTION, start);
        return Arrays.copyOfRange(file, start, end < 0 ? file.length : end + 1);
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = Math.max(0, from - 1); i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    public static long totalBytes(List<Log> logs) {
        return logs.stream().mapToLong(l -> l.console().length).sum();
    }
}
