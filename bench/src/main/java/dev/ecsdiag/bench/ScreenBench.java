package dev.ecsdiag.bench;

import dev.ecsdiag.screen.DecodedScreen;
import dev.ecsdiag.screen.GlyphRecognizer;
import dev.ecsdiag.screen.ScreenAccuracy;
import dev.ecsdiag.screen.ScreenClassifier;
import dev.ecsdiag.screen.ScreenDecoder;
import dev.ecsdiag.screen.ScreenReader;
import dev.ecsdiag.screen.ScreenText;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Screen recognition: start-up cost (the first screen read in a fresh JVM: ImageIO's readers, the
 * glyph tables, the classifier), then per screen and per format the milliseconds to decode, to
 * recognise and to classify (median of the passes), and the character error rate against the
 * serial log of the same boot.
 *
 * <pre>
 *   java -jar bench/target/benchmarks.jar screens [--dir shared/src/test/resources] [--passes 5]
 * </pre>
 */
public final class ScreenBench {

    private static final Pattern SCREEN_ONLY = Pattern.compile("^root@lab:~# ?");
    private static final Pattern SERIAL_ONLY = Pattern.compile(
            "^(?:Segmentation fault|Killed|BusyBox v.*|Enter 'help' for a list of built-in commands\\.)$|^root@lab:~# ?");

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    private ScreenBench() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of("shared/src/test/resources");
        int passes = 5;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--dir" -> root = Path.of(args[++i]);
                case "--passes" -> passes = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        List<Path> screens = new ArrayList<>();
        for (String set : List.of("lab", "screen")) {
            try (Stream<Path> s = Files.list(root.resolve(set))) {
                s.filter(d -> Files.exists(d.resolve("screenshot.png"))).sorted().forEach(screens::add);
            }
        }
        if (screens.isEmpty()) {
            throw new IOException("no screenshots under " + root);
        }
        long t0 = System.nanoTime();
        new ScreenReader().read(Files.readAllBytes(screens.get(0).resolve("screenshot.png")));
        double startupMs = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "start-up: first screen read in a fresh JVM %.1f ms (class loading, ImageIO, glyph tables)%n",
                startupMs);
        System.out.printf(Locale.ROOT, "%-34s %-4s %9s %9s %9s %9s %7s %8s%n", "screen", "fmt", "decode", "recognise",
                "classify", "total ms", "cpu ms", "CER %");
        GlyphRecognizer recognizer = new GlyphRecognizer();
        ScreenClassifier classifier = new ScreenClassifier();
        ScreenDecoder decoder = new ScreenDecoder();
        List<Double> totals = new ArrayList<>();
        List<Double> cpuTotals = new ArrayList<>();
        double worstCer = 0;
        for (Path dir : screens) {
            byte[] png = Files.readAllBytes(dir.resolve("screenshot.png"));
            for (String format : List.of("png", "jpeg")) {
                byte[] image = format.equals("png") ? png : jpeg(png);
                double[] decode = new double[passes];
                double[] recognise = new double[passes];
                double[] classify = new double[passes];
                double[] cpu = new double[passes];
                ScreenText text = null;
                for (int p = 0; p < passes; p++) {
                    long cpu0 = THREADS.getCurrentThreadCpuTime();
                    long a = System.nanoTime();
                    DecodedScreen decoded = decoder.decode(image);
                    long b = System.nanoTime();
                    text = recognizer.recognize(decoded.ink());
                    long c = System.nanoTime();
                    classifier.classify(text);
                    long d = System.nanoTime();
                    cpu[p] = (THREADS.getCurrentThreadCpuTime() - cpu0) / 1e6;
                    decode[p] = (b - a) / 1e6;
                    recognise[p] = (c - b) / 1e6;
                    classify[p] = (d - c) / 1e6;
                }
                double total = median(decode) + median(recognise) + median(classify);
                totals.add(total);
                cpuTotals.add(median(cpu));
                String cer = "-";
                byte[] log = Files.exists(dir.resolve("console.log")) ? Files.readAllBytes(dir.resolve("console.log")) : new byte[0];
                if (log.length > 0 && !dir.getFileName().toString().startsWith("chart-")) {
                    double rate = ScreenAccuracy.measure(text, log, SCREEN_ONLY, SERIAL_ONLY).characterErrorRate();
                    worstCer = Math.max(worstCer, rate);
                    cer = String.format(Locale.ROOT, "%.3f", 100 * rate);
                }
                System.out.printf(Locale.ROOT, "%-34s %-4s %9.1f %9.1f %9.1f %9.1f %7.1f %8s%n", dir.getFileName(), format,
                        median(decode), median(recognise), median(classify), total, median(cpu), cer);
            }
        }
        double[] all = totals.stream().mapToDouble(Double::doubleValue).toArray();
        double[] allCpu = cpuTotals.stream().mapToDouble(Double::doubleValue).toArray();
        System.out.printf(Locale.ROOT, "%d screen images: median %.1f ms (CPU %.1f ms), max %.1f ms (CPU %.1f ms) per screen;"
                + " worst CER %.3f %%%n", all.length, median(all), median(allCpu), Arrays.stream(all).max().orElse(0),
                Arrays.stream(allCpu).max().orElse(0), 100 * worstCer);
        bounds(Files.readAllBytes(screens.get(0).resolve("screenshot.png")));
    }

    /** Memory allocated by one read of a 4K screen and of a PNG whose header claims 65535 x 65535. */
    private static void bounds(byte[] png) throws IOException {
        BufferedImage console = ImageIO.read(new ByteArrayInputStream(png));
        BufferedImage big = new BufferedImage(3840, 2160, BufferedImage.TYPE_3BYTE_BGR);
        for (int y = 0; y + console.getHeight() <= 2160; y += console.getHeight()) {
            for (int x = 0; x + console.getWidth() <= 3840; x += console.getWidth()) {
                big.getRaster().setRect(x, y, console.getRaster());
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(big, "png", out);
        byte[] huge = Arrays.copyOf(png, 33);
        huge[16] = 0; huge[17] = 0; huge[18] = (byte) 0xff; huge[19] = (byte) 0xff; // IHDR width 65535
        huge[20] = 0; huge[21] = 0; huge[22] = (byte) 0xff; huge[23] = (byte) 0xff; // height 65535
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(huge, 12, 17);
        java.nio.ByteBuffer.wrap(huge, 29, 4).putInt((int) crc.getValue());
        ScreenReader reader = new ScreenReader();
        for (String name : List.of("4K (3840x2160, 6 consoles tiled)", "PNG header claiming 65535x65535")) {
            byte[] image = name.startsWith("4K") ? out.toByteArray() : huge;
            long allocated = allocated();
            long cpu0 = THREADS.getCurrentThreadCpuTime();
            var reading = reader.read(image);
            long cpu = THREADS.getCurrentThreadCpuTime() - cpu0;
            System.out.printf(Locale.ROOT, "%s: %.1f MB allocated, %.1f ms CPU, %s%n", name, (allocated() - allocated) / 1e6,
                    cpu / 1e6, reading.read() ? reading.text().lines().size() + " rows read" : reading.problem());
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) THREADS).getThreadAllocatedBytes(Thread.currentThread().getId());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static byte[] jpeg(byte[] png) throws IOException {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.75f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return out.toByteArray();
    }
}
