package dev.ecsdiag.ecs;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class ImageHeaderTest {

    private static byte[] encode(String format, int w, int h) throws Exception {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(ImageIO.write(image, format, out)).isTrue();
        return out.toByteArray();
    }

    @Test
    void readsPngFormatAndSizeFromTheHeader() throws Exception {
        ImageHeader h = ImageHeader.read(new ByteArrayInputStream(encode("png", 1024, 768)));
        assertThat(h).isEqualTo(new ImageHeader("png", "png", 1024, 768));
    }

    @Test
    void readsJpegFormatAndSizeFromTheFrameHeader() throws Exception {
        ImageHeader h = ImageHeader.read(new ByteArrayInputStream(encode("jpg", 720, 400)));
        assertThat(h).isEqualTo(new ImageHeader("jpeg", "jpg", 720, 400));
    }

    @Test
    void truncatedImagesKeepTheirFormatWithoutASize() throws Exception {
        byte[] jpeg = encode("jpg", 64, 32);
        assertThat(ImageHeader.read(new ByteArrayInputStream(Arrays.copyOf(jpeg, 6))))
                .isEqualTo(new ImageHeader("jpeg", "jpg", 0, 0));
        byte[] png = encode("png", 64, 32);
        assertThat(ImageHeader.read(new ByteArrayInputStream(Arrays.copyOf(png, 12))))
                .isEqualTo(new ImageHeader("png", "png", 0, 0));
    }

    @Test
    void anythingElseIsUnknownAndSavedAsBin() throws Exception {
        assertThat(ImageHeader.read(new ByteArrayInputStream("GIF89a....".getBytes()))).isEqualTo(ImageHeader.UNKNOWN);
        assertThat(ImageHeader.read(new ByteArrayInputStream(new byte[0]))).isEqualTo(ImageHeader.UNKNOWN);
        assertThat(ImageHeader.UNKNOWN.extension()).isEqualTo("bin");
    }
}
