package dev.ecsdiag.screen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Hostile and odd images: each is refused or read within bounds, with a reason, never an exception. */
class ScreenDecoderTest {

    private final ScreenReader reader = new ScreenReader();

    @Test
    void hugeDimensionsInAPngHeaderAreRefusedBeforeAnyPixelIsAllocated() {
        byte[] png = pngHeaderOnly(65535, 65535);
        ScreenReading reading = reader.read(png);
        assertFalse(reading.read());
        assertEquals("png", reading.format());
        assertEquals(65535, reading.width());
        assertTrue(reading.problem().startsWith("not read: 65535 x 65535 pixels is larger than a screen"), reading.problem());
    }

    @Test
    void aLongThinImageOverTheAreaLimitIsRefused() {
        ScreenReading reading = reader.read(pngHeaderOnly(8000, 8000));
        assertTrue(reading.problem().contains("larger than a screen"), reading.problem());
    }

    @Test
    void hugeDimensionsInAJpegHeaderAreRefused() throws IOException {
        byte[] jpeg = LabScreens.jpeg(LabScreens.png(LabScreens.SCREEN.resolve("chart-vga-text")));
        // SOF0 marker: FF C0, length, precision, height (2 bytes), width (2 bytes)
        for (int i = 0; i + 8 < jpeg.length; i++) {
            if ((jpeg[i] & 0xff) == 0xFF && (jpeg[i + 1] & 0xff) == 0xC0) {
                jpeg[i + 5] = (byte) 0x7F;
                jpeg[i + 6] = (byte) 0x00;
                jpeg[i + 7] = (byte) 0x7F;
                jpeg[i + 8] = (byte) 0x00;
                break;
            }
        }
        ScreenReading reading = reader.read(jpeg);
        assertFalse(reading.read());
        assertTrue(reading.problem().startsWith("not read: 32512 x 32512 pixels is larger than a screen"), reading.problem());
    }

    @Test
    void aTruncatedPngIsNotRead() throws IOException {
        byte[] png = LabScreens.png(LabScreens.LAB.resolve("lkdtm-panic"));
        ScreenReading reading = reader.read(Arrays.copyOf(png, png.length / 2));
        assertFalse(reading.read());
        assertTrue(reading.problem().startsWith("not read: damaged or truncated png"), reading.problem());
    }

    @Test
    void aTruncatedJpegIsReadAsFarAsItGoesOrRefusedWithAReason() throws IOException {
        byte[] jpeg = LabScreens.jpeg(LabScreens.png(LabScreens.LAB.resolve("lkdtm-panic")));
        ScreenReading reading = reader.read(Arrays.copyOf(jpeg, jpeg.length / 2));
        assertTrue(reading.problem() != null && !reading.problem().isBlank(), "the damage is named");
    }

    @Test
    void textIsNotAnImage() {
        ScreenReading reading = reader.read("Kernel panic - not syncing: not an image".getBytes(StandardCharsets.US_ASCII));
        assertFalse(reading.read());
        assertEquals("not read: not a PNG or JPEG image (40 bytes, starting 4b65726e656c2070)", reading.problem());
        assertEquals("not read: not a PNG or JPEG image (0 bytes)", reader.read(new byte[0]).problem());
    }

    @Test
    void aBlackScreenIsBlank() throws IOException {
        ScreenReading reading = reader.read(png(new BufferedImage(720, 400, BufferedImage.TYPE_INT_RGB)));
        assertFalse(reading.read());
        assertEquals("not read: the screen is blank", reading.problem());
    }

    @Test
    void aPictureThatIsNotAConsoleIsNotGuessedAt() throws IOException {
        BufferedImage noise = new BufferedImage(800, 600, BufferedImage.TYPE_INT_RGB);
        java.util.Random random = new java.util.Random(14);
        for (int y = 0; y < 600; y++) {
            for (int x = 0; x < 800; x++) {
                noise.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ScreenReading reading = reader.read(png(noise));
        assertFalse(reading.read());
        assertTrue(reading.problem().startsWith("not read: no Linux console font on this screen"), reading.problem());
        assertNull(reading.classification());
    }

    @Test
    void a4kScreenshotIsReadWithinBounds() throws IOException {
        // A 1024x768 console in the corner of a 3840x2160 frame: 8.3 Mpixel, 33 MB as ints, well under the limit.
        BufferedImage console = ImageIO.read(new ByteArrayInputStream(LabScreens.png(LabScreens.LAB.resolve("sysrq-c"))));
        BufferedImage big = new BufferedImage(3840, 2160, BufferedImage.TYPE_3BYTE_BGR);
        big.getRaster().setRect(0, 0, console.getRaster());
        ScreenReading reading = reader.read(png(big));
        assertTrue(reading.read(), reading.problem());
        assertEquals(3840, reading.width());
        assertTrue(reading.text().text().contains("Kernel panic - not syncing: sysrq triggered crash"));
        assertEquals("crash", reading.classification().classification().verdict().id());
    }

    static byte[] png(BufferedImage image) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    /** A PNG signature and a valid IHDR chunk claiming the given size, then nothing. */
    static byte[] pngHeaderOnly(int width, int height) {
        ByteBuffer b = ByteBuffer.allocate(8 + 25);
        b.put(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        b.putInt(13);
        int crcFrom = b.position();
        b.put("IHDR".getBytes(StandardCharsets.US_ASCII)).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        CRC32 crc = new CRC32();
        crc.update(b.array(), crcFrom, 17);
        b.putInt((int) crc.getValue());
        return b.array();
    }
}
