package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.classify.SyzkallerCorpusAccuracyTest.Expected;
import dev.ecsdiag.classify.crash.Crash;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * ARM and arm64 page-fault oopses of syzkaller's corpus with their first line cut off (issue 11):
 * {@code Unable to handle kernel NULL pointer dereference at virtual address ...} (or {@code
 * paging request}) is gone, what remains starts with the page-table dump ({@code [addr] *pgd=},
 * arm64's {@code Mem abort info:} block) or with {@code Internal error: Oops: ...}.
 *
 * <p>A file takes part when its first crash, the one its TITLE names, is such an oops: TITLE says
 * {@code BUG: unable to handle kernel ...} and an {@code Internal error: Oops:} line follows the
 * log's first {@code Unable to handle kernel} line. (File 655 holds one too, but its first crash is
 * the lockdep WARNING printed before it.)
 *
 * <ul>
 *   <li>Cut after the {@code Unable to handle kernel} line, or at any later line up to the
 *       page-table line, that line still names the faulting address: the title must be the file's
 *       TITLE (or one of its ALTs).</li>
 *   <li>Cut at the {@code Internal error:} line, nothing names the address any more: a translation
 *       fault at 0x8 and one at 0xdead000000000108 print the same {@code Internal error: Oops:}
 *       line, registers and trace, so NULL pointer dereference and paging request cannot be told
 *       apart. The documented weaker title is the kernel's own {@code Internal error in F}, with
 *       the same guilty function F as the file's TITLE, marked corrupted (its first line is missing).</li>
 * </ul>
 */
class HeaderlessArmOopsCorpusTest {

    private static final Pattern UNABLE = Pattern.compile("(?<!BUG: )Unable to handle kernel ");
    private static final String INTERNAL_ERROR = "Internal error: Oops:";
    /** The kernel prints the page-table dump between the two lines: a few to a dozen lines. */
    private static final int MAX_LINES_BETWEEN = 20;

    /** A corpus file whose first crash is an arm/arm64 page-fault oops, split into its lines. */
    record ArmOops(Expected file, List<String> lines, int unableLine, int internalErrorLine) {

        String fromLine(int index) {
            return String.join("\n", lines.subList(index, lines.size())) + "\n";
        }

        /** The function the expected title names. */
        String function() {
            return file.title().substring(file.title().lastIndexOf(" in ") + 4);
        }
    }

    static List<ArmOops> qualifying() throws IOException {
        List<ArmOops> found = new ArrayList<>();
        for (Expected e : SyzkallerCorpusAccuracyTest.corpus()) {
            if (e.title() == null || !e.title().startsWith("BUG: unable to handle kernel ")) {
                continue;
            }
            List<String> lines = List.of(new String(e.log(), StandardCharsets.ISO_8859_1).split("\n", -1));
            int unable = -1;
            for (int i = 0; i < lines.size() && unable < 0; i++) {
                if (UNABLE.matcher(lines.get(i)).find()) {
                    unable = i;
                }
            }
            if (unable < 0) {
                continue;
            }
            for (int i = unable + 1; i < lines.size() && i <= unable + MAX_LINES_BETWEEN; i++) {
                if (lines.get(i).contains(INTERNAL_ERROR)) {
                    found.add(new ArmOops(e, lines, unable, i));
                    break;
                }
            }
        }
        return found;
    }

    private static Crash first(String log) {
        Classification c = new ConsoleClassifier().classify(log.getBytes(StandardCharsets.ISO_8859_1));
        return c.crashes().isEmpty() ? null : c.crashes().get(0);
    }

    @Test
    void cutAfterTheUnableToHandleLineTheTitleIsTheFullReportsTitle() throws IOException {
        List<ArmOops> files = qualifying();
        List<String> misses = new ArrayList<>();
        for (ArmOops f : files) {
            Crash crash = first(f.fromLine(f.unableLine() + 1));
            String got = crash == null ? null : crash.title();
            boolean ok = got != null && (got.equals(f.file().title()) || f.file().alts().contains(got));
            if (!ok) {
                misses.add(f.file().name() + ": expected '" + f.file().title() + "', got '" + got + "'");
            } else if (f.file().type() != null && !f.file().type().equals(crash.type())) {
                misses.add(f.file().name() + ": type: expected " + f.file().type() + ", got " + crash.type());
            }
        }
        report("after the 'Unable to handle kernel' line", files, misses);
        assertThat(files).as("arm/arm64 page-fault oopses in the corpus").hasSizeGreaterThanOrEqualTo(5);
        assertThat(misses).isEmpty();
    }

    /**
     * A console tail may begin anywhere in the page-table dump ({@code pgd = ...}, {@code Mem abort
     * info:}, {@code ESR = ...}, {@code Data abort info:}...): as long as the page-table line right
     * before {@code Internal error:} remains, the title is the full report's.
     */
    @Test
    void cutAnywhereBeforeThePageTableLineTheTitleIsTheFullReportsTitle() throws IOException {
        List<ArmOops> files = qualifying();
        List<String> misses = new ArrayList<>();
        int cuts = 0;
        for (ArmOops f : files) {
            for (int start = f.unableLine() + 1; start < f.internalErrorLine(); start++) {
                cuts++;
                Crash crash = first(f.fromLine(start));
                String got = crash == null ? null : crash.title();
                if (got == null || !got.equals(f.file().title()) && !f.file().alts().contains(got)) {
                    misses.add(f.file().name() + " from line " + (start + 1) + " '" + f.lines().get(start) + "': got '"
                            + got + "'");
                }
            }
        }
        misses.forEach(m -> System.out.println("  miss " + m));
        System.out.printf("header-less arm oopses, cut at each line before the page-table line: %d/%d cuts of %d"
                + " files keep their title%n", cuts - misses.size(), cuts, files.size());
        assertThat(cuts).isGreaterThanOrEqualTo(files.size());
        assertThat(misses).isEmpty();
    }

    @Test
    void cutAtTheInternalErrorLineTheTitleIsTheKernelsOwnAndMarkedCorrupted() throws IOException {
        List<ArmOops> files = qualifying();
        List<String> misses = new ArrayList<>();
        for (ArmOops f : files) {
            Crash crash = first(f.fromLine(f.internalErrorLine()));
            String weaker = "Internal error in " + f.function();
            if (crash == null || !crash.title().equals(weaker) || !crash.corrupted()) {
                misses.add(f.file().name() + ": expected '" + weaker + "' (corrupted), got "
                        + (crash == null ? "no crash" : "'" + crash.title() + "' corrupted=" + crash.corrupted()));
            }
        }
        report("from the 'Internal error:' line", files, misses);
        assertThat(files).hasSizeGreaterThanOrEqualTo(5);
        assertThat(misses).isEmpty();
    }

    private static void report(String cut, List<ArmOops> files, List<String> misses) {
        misses.forEach(m -> System.out.println("  miss " + m));
        System.out.printf("header-less arm oopses, cut %s: %d/%d files keep their title (%s)%n", cut,
                files.size() - misses.size(), files.size(),
                String.join(" ", files.stream().map(f -> f.file().name()).toList()));
    }
}
