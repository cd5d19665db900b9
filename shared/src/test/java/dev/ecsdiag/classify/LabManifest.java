package dev.ecsdiag.classify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdiag.classify.crash.Crash;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.assertj.core.api.SoftAssertions;

/**
 * A lab corpus on the test class path ({@code /lab/}, the runner twins' {@code /lab-runner/}): its
 * files, its manifest's scenarios, and the crash expectations every lab test checks the same way.
 */
final class LabManifest {

    static final LabManifest LAB = new LabManifest("/lab/");
    static final LabManifest RUNNER_TWINS = new LabManifest("/lab-runner/");

    private final String root;

    private LabManifest(String root) {
        this.root = root;
    }

    byte[] resource(String name) {
        try (InputStream in = LabManifest.class.getResourceAsStream(root + name)) {
            assertThat(in).as("lab resource %s%s", root, name).isNotNull();
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<JsonNode> scenarios() {
        try {
            List<JsonNode> list = new ArrayList<>();
            new ObjectMapper().readTree(resource("manifest.json")).get("scenarios").forEach(list::add);
            return list;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The manifest's crash expectations: a crash or none and, for a crash, syzkaller's convention
     * that the first report names it: its title, category, guilty frame, an uncorrupted report, and
     * whether the log panicked.
     */
    static void expectCrashes(SoftAssertions soft, String name, JsonNode expected, Classification result) {
        soft.assertThat(!result.crashes().isEmpty()).as("%s: crash or not", name).isEqualTo(expected.get("crash").asBoolean());
        if (expected.get("crash").asBoolean() && !result.crashes().isEmpty()) {
            Crash first = result.crashes().get(0);
            soft.assertThat(first.title()).as("%s: title", name).isEqualTo(expected.get("title").asText());
            soft.assertThat(first.type()).as("%s: type", name).isEqualTo(textOrNull(expected.get("type")));
            soft.assertThat(first.guiltyFrame()).as("%s: guilty frame", name).isEqualTo(textOrNull(expected.get("guiltyFrame")));
            soft.assertThat(first.corrupted()).as("%s: corrupted", name).isFalse();
            soft.assertThat(result.crashes().stream().anyMatch(Crash::panicked)).as("%s: panicked", name)
                    .isEqualTo(expected.get("panicked").asBoolean());
        }
    }

    static String textOrNull(JsonNode node) {
        return node == null || node.isNull() ? null : node.asText();
    }
}
