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
    void fastPngWriterWritesExactlyThePixels(@TempDir Path dir) throws Exception {
        java.util.Random random = new java.util.Random(20261125L);
        for (int[] size : new int[][] {{1, 1}, {320, 240}, {17, 3}}) {
            BufferedImage image = new BufferedImage(size[0], size[1], BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    // runs of one colour as on a text console, and noise
                    image.setRGB(x, y, random.nextInt(4) == 0 ? random.nextInt(1 << 24) : 0xAAAAAA * (x / 8 % 2));
                }
            }
            Path file = dir.resolve("t" + size[0] + ".png");
            FastPngWriter.write(image, file);
            BufferedImage back = ImageIO.read(file.toFile());
            assertThat(back.getWidth()).isEqualTo(size[0]);
            assertThat(back.getHeight()).isEqualTo(size[1]);
            for (int y = 0; y < size[1]; y++) {
                for (int x = 0; x < size[0]; x++) {
                    assertThat(back.getRGB(x, y) & 0xFFFFFF).as("pixel %d,%d", x, y).isEqualTo(image.getRGB(x, y) & 0xFFFFFF);
                }
            }
        }
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
        if (dir.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(Files.getPosixFilePermissions(dir.resolve("t320.png")))
                    .as("readable like any file the report writes").isEqualTo(Files.getPosixFilePermissions(
                            Files.writeString(dir.resolve("plain.txt"), "x")));
        }
    }

    @Test
    void aRealConsoleScreenshotKeepsItsDarkBackgroundAndLightText(@TempDir Path dir) throws Exception {
        Path shot = dir.resolve("screenshot.png");
        try (var in = getClass().getResourceAsStream("/lab/sysrq-c/screenshot.png")) {
            Files.copy(in, shot);
        }
        Path thumb = Thumbnails.thumbnailPathFor(shot);
        assertThat(new Thumbnails(320).write(shot, thumb)).isEqualTo(new java.awt.Dimension(320, 240));
        BufferedImage img = ImageIO.read(thumb.toFile());
        int dark = 0, light = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int p = img.getRGB(x, y);
                int luma = ((p >> 16 & 0xff) + (p >> 8 & 0xff) + (p & 0xff)) / 3;
                if (luma < 40) {
                    dark++;
                } else if (luma > 100) {
                    light++;
                }
            }
        }
        assertThat(dark).as("VGA console background").isGreaterThan(320 * 240 / 2);
        assertThat(light).as("console text survives subsampling").isGreaterThan(200);
    }

    @Test
    void notAnImageIsAClearError(@TempDir Path dir) throws Exception {
        Path bogus = dir.resolve("screenshot.png");
        Files.writeString(bogus, "<html>not a picture</html>");
        assertThatThrownBy(() -> new Thumbnails(100).write(bogus, dir.resolve("t.png")))
                .isInstanceOf(IOException.class).hasMessageContaining("neither PNG nor JPEG");
    }

    /** A PNG header claiming 100000x100000 pixels must not make the report allocate for it. */
    @Test
    void aScreenshotClaimingAHugeSizeIsRefusedBeforeDecoding(@TempDir Path dir) throws Exception {
        java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
        png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        java.nio.ByteBuffer ihdr = java.nio.ByteBuffer.allocate(13).putInt(100_000).putInt(100_000)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        chunk(png, "IHDR", ihdr.array());
        chunk(png, "IEND", new byte[0]);
        Path huge = dir.resolve("screenshot.png");
        Files.write(huge, png.toByteArray());
        assertThatThrownBy(() -> new Thumbnails(320).write(huge, dir.resolve("t.png")))
                .isInstanceOf(IOException.class).hasMessageContaining("100000x100000");
    }

    private static void chunk(java.io.ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        crc.update(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(type.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        out.write(data);
        out.write(java.nio.ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }
}
