package dev.ecsdiag.ecs;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What an image is, from its first bytes rather than from what the documentation promises
 * (GetInstanceScreenshot is documented as JPEG; its own sample is a PNG).
 *
 * @param format    {@code png}, {@code jpeg} or {@code unknown}
 * @param extension file extension to save it under: {@code png}, {@code jpg} or {@code bin}
 * @param width     pixels, 0 when not readable
 * @param height    pixels, 0 when not readable
 */
public record ImageHeader(String format, String extension, int width, int height) {

    public static final ImageHeader UNKNOWN = new ImageHeader("unknown", "bin", 0, 0);

    public static ImageHeader read(Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 8192)) {
            return read(in);
        }
    }

    public static ImageHeader read(InputStream input) throws IOException {
        DataInputStream in = new DataInputStream(input);
        byte[] magic = new byte[8];
        int n = in.readNBytes(magic, 0, 8);
        if (n >= 4 && (magic[0] & 0xff) == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G') {
            return png(in, n);
        }
        if (n >= 3 && (magic[0] & 0xff) == 0xFF && (magic[1] & 0xff) == 0xD8 && (magic[2] & 0xff) == 0xFF) {
            return jpeg(in, magic, n);
        }
        return UNKNOWN;
    }

    private static ImageHeader png(DataInputStream in, int alreadyRead) {
        try {
            if (alreadyRead < 8) {
                return new ImageHeader("png", "png", 0, 0);
            }
            in.readInt(); // IHDR chunk length
            int type = in.readInt();
            if (type != 0x49484452) { // "IHDR"
                return new ImageHeader("png", "png", 0, 0);
            }
            int w = in.readInt();
            int h = in.readInt();
            return new ImageHeader("png", "png", Math.max(0, w), Math.max(0, h));
        } catch (IOException e) {
            return new ImageHeader("png", "png", 0, 0);
        }
    }

    /** Walks the JPEG segments to the first start-of-frame marker, which holds the size. */
    private static ImageHeader jpeg(DataInputStream in, byte[] head, int headLength) {
        try {
            InputStream rest = new java.io.SequenceInputStream(new java.io.ByteArrayInputStream(head, 2, headLength - 2), in);
            DataInputStream s = new DataInputStream(rest);
            while (true) {
                int b = s.readUnsignedByte();
                if (b != 0xFF) {
                    continue; // not at a marker: scan for one
                }
                int marker;
                do {
                    marker = s.readUnsignedByte();
                } while (marker == 0xFF); // fill bytes
                if (marker == 0x00 || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD8)) {
                    continue; // no length field
                }
                if (marker == 0xD9 || marker == 0xDA) {
                    break; // end of image or start of scan before any frame header
                }
                int length = s.readUnsignedShort();
                if (length < 2) {
                    break;
                }
                boolean startOfFrame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
                if (startOfFrame) {
                    s.readUnsignedByte(); // sample precision
                    int h = s.readUnsignedShort();
                    int w = s.readUnsignedShort();
                    return new ImageHeader("jpeg", "jpg", w, h);
                }
                s.skipNBytes(length - 2);
            }
        } catch (EOFException e) {
            // truncated: the format is known, the size is not
        } catch (IOException e) {
            // same
        }
        return new ImageHeader("jpeg", "jpg", 0, 0);
    }
}
