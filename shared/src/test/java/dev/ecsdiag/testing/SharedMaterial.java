package dev.ecsdiag.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Finds the read-only {@code ../shared/} folder that sits beside a checkout (corpus, notes).
 * Tests that need it call {@link #requireCorpus(String)} and are skipped, with a message saying
 * what is missing, when it is not there.
 */
public final class SharedMaterial {

    private SharedMaterial() {
    }

    /** The reactor root: the folder holding {@code mvnw}. */
    public static Path repositoryRoot() {
        String fromBuild = System.getProperty("ecsdiag.root");
        if (fromBuild != null && Files.isRegularFile(Paths.get(fromBuild, "mvnw"))) {
            return Paths.get(fromBuild).toAbsolutePath().normalize();
        }
        Path dir = Paths.get("").toAbsolutePath();
        while (dir != null) {
            if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("shared"))) {
                return dir;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("cannot find the repository root (no mvnw above " + Paths.get("").toAbsolutePath() + ")");
    }

    /** {@code ../shared} beside the checkout, or {@code $ECSDIAG_SHARED_DIR}; may not exist. */
    public static Path sharedDir() {
        String env = System.getenv("ECSDIAG_SHARED_DIR");
        if (env != null && !env.isBlank()) {
            return Paths.get(env).toAbsolutePath().normalize();
        }
        return repositoryRoot().resolveSibling("shared").normalize();
    }

    /**
     * A corpus folder under {@code ../shared/corpus/}; skips the calling test when it is absent.
     */
    public static Path requireCorpus(String name) {
        Path dir = sharedDir().resolve("corpus").resolve(name);
        assumeTrue(Files.isDirectory(dir),
                "skipped: corpus " + dir + " is not there (it lives in ../shared/corpus beside the checkout;"
                        + " set ECSDIAG_SHARED_DIR to point elsewhere)");
        return dir;
    }
}
