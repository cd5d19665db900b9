package dev.ecsdiag.maven;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportArchiveTest {

    @Test
    void zipsEveryFileUnderTheFolderNameWithItsContent(@TempDir Path tmp) throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("ecsdiag"));
        Files.writeString(folder.resolve("index.html"), "<html>");
        Files.createDirectories(folder.resolve("instances/i-1"));
        Files.write(folder.resolve("instances/i-1/console.raw"), new byte[] {0, (byte) 0xff, 27});
        Path zip = tmp.resolve("ecsdiag.zip");

        ReportArchive.write(folder, zip);

        try (ZipFile z = new ZipFile(zip.toFile())) {
            assertThat(Collections.list(z.entries())).extracting(ZipEntry::getName)
                    .containsExactly("ecsdiag/index.html", "ecsdiag/instances/i-1/console.raw");
            assertThat(z.getInputStream(z.getEntry("ecsdiag/instances/i-1/console.raw")).readAllBytes())
                    .containsExactly(0, 0xff, 27);
        }
        assertThat(tmp.resolve("ecsdiag.zip.part")).doesNotExist();
    }
}
