package dev.ecsdiag.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code shared/target}, where tests leave outputs for people to review. */
final class SharedTarget {

    private SharedTarget() {
    }

    static Path dir() {
        try {
            Path target = Path.of("target").toAbsolutePath();
            if (!Files.isDirectory(target.getParent().resolve("src"))) {
                target = dev.ecsdiag.testing.SharedMaterial.repositoryRoot().resolve("shared/target");
            }
            return Files.createDirectories(target);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
