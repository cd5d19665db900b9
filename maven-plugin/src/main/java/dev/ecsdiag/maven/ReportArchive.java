package dev.ecsdiag.maven;

import dev.ecsdiag.config.ProgressSink;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/** The report folder as a zip beside it, attached to the project with classifier {@code ecsdiag} for install and deploy. */
final class ReportArchive {

    static final String CLASSIFIER = "ecsdiag";

    private ReportArchive() {
    }

    static void attach(MavenProjectHelper helper, MavenProject project, Path folder, ProgressSink log) {
        Path zip = folder.resolveSibling(folder.getFileName() + ".zip");
        try {
            write(folder, zip);
        } catch (IOException e) {
            // the report itself is on disk; only the attachment is lost, and that must not fail the build
            log.warn("could not zip " + folder + " for attaching: " + e.getMessage());
            return;
        }
        helper.attachArtifact(project, "zip", CLASSIFIER, zip.toFile());
        log.info("attached " + zip + " (classifier " + CLASSIFIER + ")");
    }

    static void write(Path folder, Path zip) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(folder)) {
            files = walk.filter(Files::isRegularFile).sorted().toList();
        }
        Path partial = zip.resolveSibling(zip.getFileName() + ".part");
        try (OutputStream out = Files.newOutputStream(partial); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path f : files) {
                z.putNextEntry(new ZipEntry(folder.getFileName() + "/" + folder.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, z);
                z.closeEntry();
            }
        }
        Files.move(partial, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
