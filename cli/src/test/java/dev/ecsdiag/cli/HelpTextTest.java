package dev.ecsdiag.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** What a person reads first: help texts that wrap where the terminal does, and a version number. */
class HelpTextTest {

    @RegisterExtension
    final StandardStreams streams = new StandardStreams();

    /**
     * Prose (description and footer) is wrapped by picocli at the terminal's width, never by a line
     * break in the middle of a sentence: within a paragraph, every line but the last is long.
     */
    @Test
    void helpClassifyWrapsProseAtTheWidthNotMidSentence() {
        assertThat(Main.run("help", "classify")).isZero();
        String help = streams.stdout();
        assertThat(help).contains("Exit status: 0 when every file was classified");
        for (List<String> paragraph : proseParagraphs(help)) {
            for (int i = 0; i + 1 < paragraph.size(); i++) {
                assertThat(paragraph.get(i).length()).as("line cut short before: " + paragraph.get(i + 1)).isGreaterThan(60);
            }
        }
    }

    @Test
    void helpEmulatorListsHelpAndVersionLast() {
        assertThat(Main.run("help", "emulator")).isZero();
        List<String> options = streams.stdout().lines().filter(l -> l.matches("\\s+(-\\w, )?--[a-z-]+.*")).toList();
        assertThat(options).hasSizeGreaterThan(5);
        assertThat(options.get(options.size() - 2)).contains("-h, --help");
        assertThat(options.get(options.size() - 1)).contains("-V, --version");
    }

    @Test
    void versionIsANumberFromTheBuildAsOptionAndAsCommand() {
        assertThat(Main.run("--version")).isZero();
        String option = streams.stdout();
        assertThat(option.lines().findFirst().orElseThrow()).matches("ecsdiag \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?");
        streams.clearStdout();
        assertThat(Main.run("version")).isZero();
        assertThat(streams.stdout()).isEqualTo(option);
        assertThat(streams.stderr()).doesNotContain("Did you mean");
        streams.clearStdout();
        assertThat(Main.run("classify", "--version")).isZero();
        assertThat(streams.stdout()).isEqualTo(option);
    }

    /** Paragraphs of lines that start at column 0 (prose), split by blank lines and option tables. */
    private static List<List<String>> proseParagraphs(String help) {
        List<List<String>> out = new ArrayList<>();
        List<String> current = new ArrayList<>();
        for (String line : help.lines().toList()) {
            if (line.isBlank() || line.startsWith(" ") || line.startsWith("Usage:")) {
                if (!current.isEmpty()) {
                    out.add(current);
                }
                current = new ArrayList<>();
            } else {
                current.add(line);
            }
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }
}
