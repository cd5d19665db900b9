package dev.ecsdiag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThumbnailsTest {

    @Test
    void scalesPngAndJpegKeepingTheAspectRatio(@TempDir Path dir) throws Exception {
        ReportFixtures fx = new ReportFixtures(dir);
        var png = fx.screenshot("i-a", "png", List.of("login: _"));
        var jpg = fx.screenshot("i-b", "jpeg", List.of("Kernel panic - not syncing"));
        Thumbnails t = new Thumbnails(180);
        for (String file : List.of(png.file(), jpg.file())) {
            Path shot = dir.resolve(file);
            Path thumb = Thumbnails.thumbnailPathFor(shot);
            assertThat(t.upToDate(shot, thumb)).isFalse();
            t.write(shot, thumb);
            BufferedImage img = ImageIO.read(thumb.toFile());
            assertThat(img.getWidth()).isEqualTo(180);
            assertThat(img.getHeight()).isEqualTo(100); // 720x400 scaled
            assertThat(t.upToDate(shot, thumb)).isTrue();
            assertThat(new Thumbnails(200).upToDate(shot, thumb)).as("another width needs a new thumbnail").isFalse();
            Files.setLastModifiedTime(shot, FileTime.from(Instant.now().plusSeconds(60)));
            assertThat(t.upToDate(shot, thumb)).as("a newer screenshot needs a new thumbnail").isFalse();
        }
        assertThat(Thumbnails.thumbnailPathFor(dir.resolve("x/screenshot.jpg")).getFileName().toString())
                .isEqualTo("screenshot.thumb.png");
    }

    @Test
    void notAnImageIsAClearError(@TempDir Path dir) throws Exception {
        Path bogus = dir.resolve("screenshot.png");
        Files.writeString(bogus, "<html>not a picture</html>");
        assertThatThrownBy(() -> new Thumbnails(100).write(bogus, dir.resolve("t.png")))
                .isInstanceOf(IOException.class).hasMessageContaining("neither PNG nor JPEG");
    }
}
