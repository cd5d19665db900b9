package dev.ecsdiag.classify.robustness;

import dev.ecsdiag.testing.SharedMaterial;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/** The console parts of the syzkaller corpus logs (header cut at the first empty line). */
final class CorpusConsoles {

    record Log(String name, byte[] console) {
    }

    private CorpusConsoles() {
    }

    /** Every log, sorted by name; skips the calling test when the corpus is absent. */
    static List<Log> load() throws IOException {
        Path dir = SharedMaterial.requireCorpus("syzkaller-linux-report");
        List<Log> logs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.sorted().toList()) {
                String name = f.getFileName().toString();
                if (Files.isRegularFile(f) && !name.startsWith("README") && !name.equals("LICENSE") && !name.equals("AUTHORS")) {
                    logs.add(new Log(name, consoleOf(Files.readAllBytes(f))));
                }
            }
        }
        return logs;
    }

    static byte[] consoleOf(byte[] file) {
        int lineStart = 0;
        for (int i = 0; i < file.length; i++) {
            if (file[i] == '\n') {
                if (i == lineStart || (i == lineStart + 1 && file[lineStart] == '\r')) {
                    return Arrays.copyOfRange(file, i + 1, file.length);
                }
                lineStart = i + 1;
            }
        }
        return new byte[0];
    }
}
