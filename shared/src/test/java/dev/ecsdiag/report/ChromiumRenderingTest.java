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
 * the rendered DOM must show the verdicts, crash titles and loaded thumbnails, and the screenshot
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
        List<String> cmd = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + userData, "--window-size=1280,800"));
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
