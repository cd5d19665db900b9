package dev.ecsdiag.screen;

import java.awt.image.BufferedImage;

/** Turns a decoded image into an {@link InkMap}: background colour first, then distance from it. */
final class InkMaps {

    private InkMaps() {
    }

    static InkMap of(BufferedImage image) {
        int width = image.getWidth();
        int height = image.getHeight();
        int background = background(image);
        int br = background >> 16 & 0xff;
        int bg = background >> 8 & 0xff;
        int bb = background & 0xff;
        byte[] contrast = new byte[width * height];
        int[] row = new int[width];
        for (int y = 0; y < height; y++) {
            image.getRGB(0, y, width, 1, row, 0, width);
            int base = y * width;
            for (int x = 0; x < width; x++) {
                int p = row[x];
                int d = Math.max(Math.abs((p >> 16 & 0xff) - br),
                        Math.max(Math.abs((p >> 8 & 0xff) - bg), Math.abs((p & 0xff) - bb)));
                contrast[base + x] = (byte) d;
            }
        }
        return new InkMap(width, height, contrast, background);
    }

    /**
     * The most common colour (to 4 bits a channel, so that JPEG's noise around a black background
     * still counts as black), as the mean of the pixels in that bin. Every 3rd row and column is
     * enough: a console screen is mostly background.
     */
    static int background(BufferedImage image) {
        int[] counts = new int[4096];
        long[] sums = new long[4096 * 3];
        int width = image.getWidth();
        int[] row = new int[width];
        for (int y = 0; y < image.getHeight(); y += 3) {
            image.getRGB(0, y, width, 1, row, 0, width);
            for (int x = 0; x < width; x += 3) {
                int p = row[x];
                int bin = (p >> 12 & 0xf00) | (p >> 8 & 0xf0) | (p >> 4 & 0xf);
                counts[bin]++;
                sums[bin * 3] += p >> 16 & 0xff;
                sums[bin * 3 + 1] += p >> 8 & 0xff;
                sums[bin * 3 + 2] += p & 0xff;
            }
        }
        int best = 0;
        for (int i = 1; i < counts.length; i++) {
            if (counts[i] > counts[best]) {
                best = i;
            }
        }
        int n = Math.max(1, counts[best]);
        return (int) (sums[best * 3] / n) << 16 | (int) (sums[best * 3 + 1] / n) << 8 | (int) (sums[best * 3 + 2] / n);
    }
}
