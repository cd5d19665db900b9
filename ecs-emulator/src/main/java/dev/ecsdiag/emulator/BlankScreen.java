package dev.ecsdiag.emulator;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** A black 720x400 PNG (the VGA text-mode size): what a running instance with no picture shows. */
final class BlankScreen {

    private static volatile byte[] png;

    private BlankScreen() {
    }

    static byte[] png() {
        byte[] p = png;
        if (p == null) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                ImageIO.write(new BufferedImage(720, 400, BufferedImage.TYPE_BYTE_GRAY), "png", out);
                p = out.toByteArray();
                png = p;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return p.clone();
    }
}
