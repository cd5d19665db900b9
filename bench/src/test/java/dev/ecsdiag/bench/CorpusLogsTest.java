package dev.ecsdiag.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecsdiag.testing.SharedMaterial;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorpusLogsTest {

    private static String console(String file) {
        return new String(CorpusLogs.consoleOf(file.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void cutsTheHeaderAtTheFirstEmptyLine() {
        assertThat(console("TITLE: WARNING in foo\nTYPE: WARNING\n\n[ 1.0] WARNING: x\n\n[ 2.0] y\n"))
                .isEqualTo("[ 1.0] WARNING: x\n\n[ 2.0] y\n");
    }

    @Test
    void cutsTheExpectedReportSectionAfterTheLog() {
        assertThat(console("TITLE: t\n\nline 1\nline 2\n\nREPORT:\nexpected text\n")).isEqualTo("line 1\nline 2\n");
    }

    @Test
    void aFileWithAnEmptyHeaderStartsWithTheLog() {
        assertThat(console("\n[ 72.1] BUG UNIX\n")).isEqualTo("[ 72.1] BUG UNIX\n");
    }

    @Test
    void aHeaderWithoutALogGivesNothing() {
        assertThat(console("TITLE: t\nTYPE: x\n")).isEmpty();
    }

    @Test
    void loadsEveryLogOfTheRealCorpusWithoutItsHeader() {
        Path dir = SharedMaterial.requireCorpus(CorpusLogs.CORPUS);
        List<CorpusLogs.Log> logs = CorpusLogs.load(dir);
        assertThat(logs).hasSizeGreaterThan(300);
        assertThat(logs).noneMatch(l -> new String(l.console(), StandardCharsets.ISO_8859_1).startsWith("TITLE:"));
        assertThat(logs).noneMatch(l -> l.name().startsWith("README"));
        assertThat(CorpusLogs.totalBytes(logs)).isGreaterThan(1_000_000);
    }

    @Test
    void aMissingCorpusIsNamedInTheMessage() {
        assertThatThrownBy(() -> CorpusLogs.load(Path.of("/nonexistent/corpus")))
                .hasMessageContaining("/nonexistent/corpus").hasMessageContaining("ECSDIAG_SHARED_DIR");
    }
}
