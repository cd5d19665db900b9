package dev.ecsdiag.screen;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/** The lab's real screenshots (and the serial log of the same boot) that the screen tests run over. */
public final class LabScreens {

    static final Path LAB = Path.of("src/test/resources/lab");
    static final Path SCREEN = Path.of("src/test/resources/screen");

    /** lab/init.sh writes its prompt to tty1 alone; kernel messages may continue on the same row. */
    static final Pattern SCREEN_ONLY = Pattern.compile("^root@lab:~# ?");
    /** User space writes to the last console= device only: the shell's banner, its prompt and job messages. */
    static final Pattern SERIAL_ONLY = Pattern.compile(
            "^(?:Segmentation fault|Killed|BusyBox v.*|Enter 'help' for a list of built-in commands\\.)$|^root@lab:~# ?");

    /** The service re-encodes screenshots as JPEG; ImageMagick's and the service's default quality is 75. */
    static final float JPEG_QUALITY = 0.75f;

    private LabScreens() {
    }

    /** Scenario folders holding a screenshot. */
    static List<Path> all() {
        List<Path> dirs = new ArrayList<>();
        for (Path root : List.of(LAB, SCREEN)) {
            try (Stream<Path> s = Files.list(root)) {
                s.filter(d -> Files.exists(d.resolve("screenshot.png"))).sorted().forEach(dirs::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dirs;
    }

    /** Screens whose boot also wrote a serial log that holds what the screen shows (not the glyph charts). */
    static List<Path> withGroundTruth() {
        Map<String, String> unlike = screensUnlikeTheirSerialLog();
        return all().stream().filter(d -> size(d.resolve("console.log")) > 0 && !d.getFileName().toString().startsWith("chart-"))
                .filter(d -> !unlike.containsKey(d.getFileName().toString()))
                .toList();
    }

    /**
     * Lab scenarios whose screen is not a copy of their serial log, with what it shows instead (the
     * manifest's {@code screenShows}): a distribution's initramfs writes to the last {@code console=}
     * device only, the kernel to all of them.
     */
    static Map<String, String> screensUnlikeTheirSerialLog() {
        Map<String, String> unlike = new TreeMap<>();
        try {
            new ObjectMapper().readTree(LAB.resolve("manifest.json").toFile()).get("scenarios").forEach(s -> {
                if (s.hasNonNull("screenShows")) {
                    unlike.put(s.get("name").asText(), s.get("screenShows").asText());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return unlike;
    }

    static long size(Path p) {
        try {
            return Files.exists(p) ? Files.size(p) : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] png(Path dir) throws IOException {
        return Files.readAllBytes(dir.resolve("screenshot.png"));
    }

    public static byte[] jpeg(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(JPEG_QUALITY);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
