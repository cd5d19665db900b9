package dev.ecsdiag.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Looks at the page as a person would: headless Chromium renders {@code index.html} at 1280x800,
 * the rendered DOM must show the verdicts and crash titles, every image source must be a file of the
 * report, the screenshot's SCREEN column must show the thumbnail files' pictures, and the screenshot
 * is kept as {@code shared/target/report-screenshot.png} for review. Skipped when Chromium is absent
 * (Debian package {@code chromium}).
 */
class ChromiumRenderingTest {

    /** The sample report stays in shared/target/report-sample for people to open. */
    static Path out;
    @TempDir
    static Path scratch;
    static Path chromium;

    @BeforeAll
    static void writeReport() throws Exception {
        chromium = findChromium();
        assumeTrue(chromium != null, "skipped: no chromium on PATH (apt-get install chromium) to render index.html");
        out = SharedTarget.dir().resolve("report-sample");
        if (Files.exists(out)) {
            try (var walk = Files.walk(out)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        new ReportWriter().write(new ReportFixtures(out).fleet(), out, ReportOptions.defaults().withBuild("313"));
    }

    static Path findChromium() {
        for (String name : List.of("chromium", "chromium-browser", "google-chrome")) {
            for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
                Path p = Path.of(dir, name);
                if (Files.isExecutable(p)) {
                    return p;
                }
            }
        }
        return null;
    }

    /** Runs headless Chromium with a fresh profile and no background traffic; returns its standard output. */
    static String run(Path userData, String... args) throws Exception {
        return runSized("1280,800", userData, args);
    }

    static String runSized(String windowSize, Path userData, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + userData, "--window-size=" + windowSize));
        cmd.addAll(List.of(args));
        Path stdout = Files.createTempFile(scratch, "chromium", ".out");
        Process p = new ProcessBuilder(cmd).redirectOutput(stdout.toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try {
            assertThat(p.waitFor(90, TimeUnit.SECONDS)).as("chromium finished within 90 s").isTrue();
        } finally {
            p.destroyForcibly();
        }
        return Files.readString(stdout, StandardCharsets.UTF_8);
    }

    @Test
    void renderedDomShowsVerdictsTitlesAndLoadedThumbnails() throws Exception {
        String url = out.resolve("index.html").toUri().toString();
        String dom = run(Files.createTempDirectory(scratch, "profile"), "--dump-dom", url);
        assertThat(dom).contains("<table class=\"verdicts\">");
        assertThat(dom).contains(">boot failed<").contains(">crashed<").contains(">OOM<").contains(">storage failure<")
                .contains(">not collected<").contains(">healthy<");
        assertThat(dom).contains("3 of 12 instances:").contains("BUG: soft lockup in smp_call_function_many_cond")
                .contains("BUG: kernel NULL pointer dereference in lkdtm_do_action");
        assertThat(dom).contains("screenshot.thumb.png");
        // every image the browser was asked to show is a file of the report, and a real picture
        java.util.regex.Matcher img = java.util.regex.Pattern.compile("<img[^>]*\\ssrc=\"([^\"]+)\"").matcher(dom);
        Set<String> sources = new java.util.TreeSet<>();
        while (img.find()) {
            sources.add(img.group(1).replace("&amp;", "&"));
        }
        assertThat(sources).as("thumbnails in the page").hasSize(4);
        for (String src : sources) {
            Path file = out.resolve(src).normalize();
            assertThat(file).as("img src " + src).startsWith(out).isRegularFile();
            assertThat(ImageIO.read(file.toFile())).as("img src " + src + " decodes").isNotNull();
        }
        // hostile console text stayed text in the browser's DOM, too
        assertThat(dom).doesNotContain("<script>alert").doesNotContain("<img src=\"x\"").doesNotContain("<iframe");
        assertThat(dom).contains("&lt;script&gt;alert(1)&lt;/script&gt;");
    }

    @Test
    void screenshotIs1280x800AndShowsThePage() throws Exception {
        Path shot = scratch.resolve("page.png");
        run(Files.createTempDirectory(scratch, "profile"), "--screenshot=" + shot, out.resolve("index.html").toUri().toString());
        assertThat(shot).isRegularFile();
        BufferedImage img = ImageIO.read(shot.toFile());
        assertThat(img.getWidth()).isEqualTo(1280);
        assertThat(img.getHeight()).isEqualTo(800);
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 4) {
            for (int x = 0; x < img.getWidth(); x += 4) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours in the screenshot (a blank page has one)").isGreaterThan(50);
        // the verdict badges' colours are on the first screen: the crashed red and the boot-failed dark red
        assertThat(colours).as("crashed badge colour visible").contains(0xFFC62828);
        assertThat(colours).as("header bar visible").contains(0xFF1F2933);
        Path target = SharedTarget.dir().resolve("report-screenshot.png");
        Files.copy(shot, target, StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * A link to one instance ({@code index.html#i-...}, what a CI message or a colleague sends) opens
     * the page at that instance: drawn (not blank), scrolled away from the header, the instance's
     * section marked as the target. The instance is one of the last on the page, so the page must
     * really scroll to show it.
     */
    @Test
    void opensAtAnInstanceAnchor() throws Exception {
        String id = "i-bp1healthy0002";
        assertThat(Files.readString(out.resolve("index.html"))).contains("id=\"" + id + "\"");
        Path shot = scratch.resolve("anchor.png");
        run(Files.createTempDirectory(scratch, "profile"), "--screenshot=" + shot,
                out.resolve("index.html").toUri() + "#" + id);
        BufferedImage img = ImageIO.read(shot.toFile());
        Set<Integer> colours = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 2) {
            for (int x = 0; x < img.getWidth(); x += 2) {
                colours.add(img.getRGB(x, y));
            }
        }
        assertThat(colours.size()).as("distinct colours at the anchor (a blank page has one)").isGreaterThan(50);
        assertThat(colours).as("the header bar is scrolled away").doesNotContain(0xFF1F2933);
        assertThat(colours).as("the target instance's outline is drawn").contains(0xFF0B5CAD);
        BufferedImage top = shoot("index.html");
        assertThat(differingPixels(top, img)).as("pixels that differ from the page's top").isGreaterThan(100_000);
    }

    /**
     * The boot stage bar's labels ({@code bootloader}, {@code root-mounted}, ...) are never cut,
     * at the common window widths: a copy of the page with a measuring script (the page itself has
     * none) writes every clipped label into the DOM that Chromium dumps.
     */
    @Test
    void stageLabelsAreNotClippedAt1280And1920() throws Exception {
        String measure = "<script>addEventListener('load', () => { const cut = [];"
                + " for (const p of document.querySelectorAll('.stage-pill')) {"
                + "  const bar = p.parentElement.getBoundingClientRect(), r = p.getBoundingClientRect();"
                + "  if (p.scrollWidth > p.clientWidth || r.right > bar.right + 0.5 || bar.right > p.closest('.side').getBoundingClientRect().right + 0.5)"
                + "   cut.push(p.textContent + ':' + p.scrollWidth + '>' + p.clientWidth); }"
                + " const o = document.createElement('pre'); o.id = 'measured';"
                + " o.textContent = 'pills=' + document.querySelectorAll('.stage-pill').length + ' cut=[' + cut.join(',') + ']';"
                + " document.body.appendChild(o); });</script>";
        String html = Files.readString(out.resolve("index.html")).replace("</body>", measure + "</body>");
        Files.writeString(out.resolve("measure.html"), html);
        try {
            for (String size : List.of("1280,800", "1920,1080")) {
                String dom = runSized(size, Files.createTempDirectory(scratch, "profile"), "--dump-dom",
                        out.resolve("measure.html").toUri().toString());
                java.util.regex.Matcher m = java.util.regex.Pattern.compile("pills=(\\d+) cut=\\[([^\\]]*)]").matcher(dom);
                assertThat(m.find()).as("measurement at " + size).isTrue();
                assertThat(Integer.parseInt(m.group(1))).as("stage pills at " + size).isGreaterThan(6);
                assertThat(m.group(2)).as("clipped stage labels at " + size).isEmpty();
            }
        } finally {
            Files.delete(out.resolve("measure.html"));
        }
    }

    /**
     * Jenkins serves artifacts with {@code default-src 'none'; img-src 'self'; style-src 'self'}. The
     * same policy as a meta tag: the page must look exactly the same (style from report.css, images
     * from files); and without report.css it must not (so the policy was really in force and the
     * inline style was blocked).
     */
    @Test
    void looksTheSameUnderJenkinsContentSecurityPolicy() throws Exception {
        String html = Files.readString(out.resolve("index.html"));
        String policy = "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self'; "
                + "style-src 'self';\" />";
        String withPolicy = html.replace("<meta charset=\"utf-8\" />", "<meta charset=\"utf-8\" />" + policy);
        assertThat(withPolicy).contains(policy);
        Files.writeString(out.resolve("csp.html"), withPolicy);
        Files.writeString(out.resolve("csp-no-css-file.html"),
                withPolicy.replace("<link rel=\"stylesheet\" href=\"report.css\" />", ""));
        BufferedImage plain = shoot("index.html");
        BufferedImage underPolicy = shoot("csp.html");
        BufferedImage inlineOnly = shoot("csp-no-css-file.html");
        assertThat(differingPixels(plain, underPolicy)).as("pixels that differ under the policy").isZero();
        assertThat(differingPixels(plain, inlineOnly)).as("inline style alone is blocked by the policy")
                .isGreaterThan(10_000);
        Files.delete(out.resolve("csp.html"));
        Files.delete(out.resolve("csp-no-css-file.html"));
    }

    /**
     * The thumbnails are really drawn. In the SCREEN column (the verdict table's last, at the right
     * edge of the 1280-pixel window) each thumbnail on the first screen is a box of VGA-console black,
     * thousands of pixels, and what the browser drew there matches the thumbnail file: the luminance of
     * the drawn box correlates with the file scaled to the box. Black alone would not do: a thumbnail
     * that fails to load shows its CSS background, black too, which the same page with its thumbnail
     * files missing (the control) shows; there, nothing correlates.
     */
    @Test
    void thumbnailsAreVisibleInTheScreenColumn() throws Exception {
        String html = Files.readString(out.resolve("index.html"));
        List<String> tableThumbs = new ArrayList<>();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("<img class=\"thumb\" src=\"([^\"]+)\"")
                .matcher(html.substring(html.indexOf("<table class=\"verdicts\">"), html.indexOf("</table>")));
        while (m.find()) {
            tableThumbs.add(m.group(1));
        }
        BufferedImage page = shoot("index.html");
        Files.writeString(out.resolve("no-thumbs.html"), html.replace("src=\"instances/", "src=\"missing/"));
        BufferedImage broken;
        try {
            broken = shoot("no-thumbs.html");
        } finally {
            Files.delete(out.resolve("no-thumbs.html"));
        }
        List<java.awt.Rectangle> boxes = ScreenColumn.darkBoxes(page);
        System.out.println("SCREEN column: dark boxes " + boxes + " for " + tableThumbs);
        assertThat(boxes).as("thumbnails on the first screen").hasSizeGreaterThanOrEqualTo(3);
        for (int k = 0; k < boxes.size(); k++) {
            java.awt.Rectangle box = boxes.get(k);
            BufferedImage file = ImageIO.read(out.resolve(tableThumbs.get(k)).toFile());
            double shown = ScreenColumn.correlation(page, box, file);
            double control = ScreenColumn.correlation(broken, box, file);
            System.out.printf("  %s at %s: correlation %.2f drawn, %.2f with the file missing%n", tableThumbs.get(k), box,
                    shown, control);
            assertThat(box.width * box.height).as("dark box of " + tableThumbs.get(k)).isGreaterThan(100 * 50);
            assertThat(shown).as("drawn box matches " + tableThumbs.get(k)).isGreaterThan(0.5);
            assertThat(control).as("control: file missing").isLessThan(0.3);
        }
    }

    /** Finds the thumbnails' black boxes at the right edge of the page and compares them with files. */
    static final class ScreenColumn {

        static final int LEFT = 1080;
        static final int TOP = 110; // below the page's own dark header bar

        /** Near-black: the console's background (the page's header bar, #1F2933, is lighter). */
        static boolean nearBlack(int p) {
            return (p >> 16 & 0xff) < 24 && (p >> 8 & 0xff) < 24 && (p & 0xff) < 24;
        }

        /**
         * Boxes of rows holding at least 40 near-black pixels right of LEFT, top to bottom; a gap of a
         * few rows (a line of console text across the thumbnail) does not end a box.
         */
        static List<java.awt.Rectangle> darkBoxes(BufferedImage page) {
            List<java.awt.Rectangle> boxes = new ArrayList<>();
            int top = -1, left = Integer.MAX_VALUE, right = -1, lastDark = -1;
            for (int y = TOP; y <= page.getHeight(); y++) {
                int n = 0, first = -1, last = -1;
                if (y < page.getHeight()) {
                    for (int x = LEFT; x < page.getWidth(); x++) {
                        if (nearBlack(page.getRGB(x, y))) {
                            n++;
                            first = first < 0 ? x : first;
                            last = x;
                        }
                    }
                }
                if (n >= 40) {
                    top = top < 0 ? y : top;
                    left = Math.min(left, first);
                    right = Math.max(right, last);
                    lastDark = y;
                } else if (top >= 0 && (y - lastDark > 4 || y == page.getHeight())) {
                    if (lastDark - top >= 20 && y < page.getHeight()) { // a box cut by the window's bottom is left out
                        boxes.add(new java.awt.Rectangle(left, top, right - left + 1, lastDark - top + 1));
                    }
                    top = -1;
                    left = Integer.MAX_VALUE;
                    right = -1;
                }
            }
            return boxes;
        }

        /**
         * Pearson correlation of luminance between the page and the file scaled to the box's width (its
         * height from the file's aspect ratio), best over placements a pixel or two around the box.
         */
        static double correlation(BufferedImage page, java.awt.Rectangle box, BufferedImage file) {
            double best = -1;
            // the box's edge columns may be lighter than near-black, so the image may be a little wider
            for (int w = box.width; w <= box.width + 2; w++) {
              int h = (int) Math.round(w * file.getHeight() / (double) file.getWidth());
              for (int dy = -2; dy <= 2; dy++) {
                for (int dx = -2; dx <= 2; dx++) {
                    java.awt.Rectangle at = new java.awt.Rectangle(box.x + dx, box.y + dy, w, h);
                    if (at.x >= 0 && at.y >= 0 && at.x + at.width <= page.getWidth() && at.y + at.height <= page.getHeight()) {
                        best = Math.max(best, correlationAt(page, at, file));
                    }
                }
              }
            }
            return best;
        }

        private static double correlationAt(BufferedImage page, java.awt.Rectangle box, BufferedImage file) {
            BufferedImage scaled = new BufferedImage(box.width, box.height, BufferedImage.TYPE_INT_RGB);
            java.awt.Graphics2D g = scaled.createGraphics();
            g.setRenderingHint(java.awt.RenderingHints.KEY_INTERPOLATION, java.awt.RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.drawImage(file, 0, 0, box.width, box.height, null);
            g.dispose();
            double sa = 0, sb = 0, saa = 0, sbb = 0, sab = 0;
            int n = box.width * box.height;
            for (int y = 0; y < box.height; y++) {
                for (int x = 0; x < box.width; x++) {
                    double a = luma(page.getRGB(box.x + x, box.y + y));
                    double b = luma(scaled.getRGB(x, y));
                    sa += a;
                    sb += b;
                    saa += a * a;
                    sbb += b * b;
                    sab += a * b;
                }
            }
            double cov = sab / n - (sa / n) * (sb / n);
            double va = saa / n - (sa / n) * (sa / n);
            double vb = sbb / n - (sb / n) * (sb / n);
            return va <= 0 || vb <= 0 ? 0 : cov / Math.sqrt(va * vb);
        }

        static double luma(int p) {
            return 0.299 * (p >> 16 & 0xff) + 0.587 * (p >> 8 & 0xff) + 0.114 * (p & 0xff);
        }
    }

    private static BufferedImage shoot(String page) throws Exception {
        Path shot = scratch.resolve(page + ".png");
        run(Files.createTempDirectory(scratch, "profile"), "--screenshot=" + shot, out.resolve(page).toUri().toString());
        return ImageIO.read(shot.toFile());
    }

    private static long differingPixels(BufferedImage a, BufferedImage b) {
        long n = 0;
        for (int y = 0; y < Math.min(a.getHeight(), b.getHeight()); y++) {
            for (int x = 0; x < Math.min(a.getWidth(), b.getWidth()); x++) {
                if (a.getRGB(x, y) != b.getRGB(x, y)) {
                    n++;
                }
            }
        }
        return n;
    }
}
