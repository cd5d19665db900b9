package dev.ecsdiag.collect;

import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.Secret;
import dev.ecsdiag.config.Credentials;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RequestValidationTest {

    private static CollectionRequest.Builder minimal() {
        return CollectionRequest.builder().region("cn-hangzhou").outputDir(Path.of("out")).instanceId("i-bp1abc");
    }

    @Test
    void instanceIdsThatCouldEscapeTheOutputFolderAreRefused() {
        for (String bad : new String[] {"../etc", "i-../../x", "i-ABC", "i-", "i-a/b", "i-a\\b", "i-a\u0000", "x-abc", "",
                "i-" + "a".repeat(63)}) {
            assertThat(InstanceIds.isValid(bad)).as(bad).isFalse();
            assertThatThrownBy(() -> CollectionRequest.builder().instanceId(bad))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("not an ECS instance id");
        }
        assertThat(InstanceIds.isValid("i-bp67acfmxazb4ph8xxxx")).isTrue();
        assertThatThrownBy(() -> CollectionRequest.builder().instanceId("i-a\u0000b"))
                .hasMessageContaining("\\x00");
    }

    @Test
    void defaultsAreThoseDocumented() {
        CollectionRequest r = minimal().build();
        assertThat(r.concurrency()).isEqualTo(8);
        assertThat(r.callTimeout()).isEqualTo(Duration.ofSeconds(10));
        assertThat(r.credentials()).isEqualTo(Credentials.defaultChain());
        assertThat(r.retry().sameInstanceSpacing()).isEqualTo(Duration.ofSeconds(10));
        assertThat(r.outputDir()).isAbsolute();
    }

    @Test
    void everyMissingOrWrongFieldIsNamed() {
        assertThatThrownBy(() -> minimal().region(null).build()).hasMessageContaining("region is required");
        assertThatThrownBy(() -> minimal().region("cn hangzhou").build()).hasMessageContaining("region");
        assertThatThrownBy(() -> CollectionRequest.builder().region("cn-hangzhou").outputDir(Path.of("o")).build())
                .hasMessageContaining("say which instances");
        assertThatThrownBy(() -> minimal().concurrency(0).build()).hasMessageContaining("concurrency");
        assertThatThrownBy(() -> minimal().deadline(Duration.ZERO).build()).hasMessageContaining("deadline");
        assertThatThrownBy(() -> minimal().outputDir(null).build()).hasMessageContaining("output folder");
        assertThatThrownBy(() -> minimal().endpoint("127.0.0.1:80/../x").build()).hasMessageContaining("not an endpoint");
        assertThat(minimal().endpoint("127.0.0.1:8080").build().endpoint()).isEqualTo("127.0.0.1:8080");
    }

    @Test
    void secretsNeverPrint() {
        Secret s = Secret.of("very-secret-value");
        assertThat(s.toString()).doesNotContain("very");
        CollectionRequest r = minimal().credentials(Credentials.sts("LTAIid", s, Secret.of("token-value-1234"))).build();
        assertThat(r.toString()).doesNotContain("very-secret-value").doesNotContain("token-value").contains("LTAIid");
        assertThat(r.credentials().toString()).doesNotContain("very-secret-value").doesNotContain("token-value");
        assertThat(s.reveal()).isEqualTo("very-secret-value");
    }

    @Test
    void fleetFileSkipsCommentsBlanksAndBadLinesWithAWarningEach() throws Exception {
        String text = "\uFEFF# fleet of build 42\n\ni-aaa1\n  i-bbb2   # runner 2\ni-aaa1\nnot an id\n../../etc/passwd\n";
        FleetFile f = FleetFile.parse(new BufferedReader(new StringReader(text)), "fleet.txt");
        assertThat(f.ids()).containsExactly("i-aaa1", "i-bbb2");
        assertThat(f.warnings()).hasSize(2);
        assertThat(f.warnings().get(0)).contains("fleet.txt line 6").contains("not an id");
        assertThat(f.warnings().get(1)).contains("line 7");
    }

    /** The reason, not the path again ("cannot read the fleet file /nope.txt: /nope.txt" said nothing). */
    @Test
    void aFleetFileThatIsAFolderSaysSo(@org.junit.jupiter.api.io.TempDir Path dir) {
        assertThatThrownBy(() -> FleetFile.read(dir))
                .hasMessage("cannot read the fleet file " + dir + ": is a directory");
    }

    @Test
    void unreadableFleetFileIsAClearError() {
        assertThatThrownBy(() -> FleetFile.read(Path.of("/nonexistent/fleet.txt")))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("cannot read the fleet file /nonexistent/fleet.txt: no such file")
                .extracting(e -> ((InvalidRequestException) e).kind()).isEqualTo(InvalidRequestException.Kind.UNREADABLE_INPUT);
    }
}
