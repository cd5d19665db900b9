package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ecsdiag.emulator.CredentialStore;
import dev.ecsdiag.job.JobRequest;
import dev.ecsdiag.job.RunOutcome;
import hudson.model.TaskListener;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The callable that carries the job to the agent: Java serialisation (as remoting does), secrets, paths, files. */
class CollectOnAgentTest {

    private static CrashedFleet fleet;

    @BeforeAll
    static void start() {
        fleet = new CrashedFleet();
    }

    @AfterAll
    static void stop() {
        fleet.close();
    }

    /** A listener as remoting would send one: the console stays on "the controller" (a static buffer here). */
    static final class Console implements TaskListener {
        private static final long serialVersionUID = 1L;
        static final ByteArrayOutputStream TEXT = new ByteArrayOutputStream();

        @Override
        public PrintStream getLogger() {
            return new PrintStream(TEXT, true, StandardCharsets.UTF_8);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream o = new ObjectOutputStream(bytes)) {
            o.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    @Test
    void survivesSerialisationWithItsCredentialsAndShowsNoSecret() throws Exception {
        CollectOnAgent callable = new CollectOnAgent(fleet.request(fleet.step()), List.of("{}".getBytes(StandardCharsets.UTF_8)), new Console());

        CollectOnAgent back = roundTrip(callable);

        assertThat(back.request()).isEqualTo(callable.request());
        assertThat(back.request().credentials()).isEqualTo(CrashedFleet.credentials()); // the secret travelled
        assertThat(callable.toString()).contains(CredentialStore.TEST_ACCESS_KEY_ID)
                .doesNotContain(CredentialStore.TEST_ACCESS_KEY_SECRET);
        assertThat(back.toString()).doesNotContain(CredentialStore.TEST_ACCESS_KEY_SECRET);
    }

    @Test
    void collectsIntoTheWorkspaceWithTheFleetFileReadThereAndListsTheFiles(@TempDir Path workspace) throws Exception {
        Files.writeString(workspace.resolve("fleet.txt"), "# written by the fleet script\n" + CrashedFleet.CRASHED_1 + "\n");
        Path stale = Files.createDirectories(workspace.resolve("ecsdiag/instances/i-bp1stale0000001")).resolve("console.txt");
        Files.writeString(stale, "an earlier build's file");
        EcsDiagnosticsRecorder step = fleet.step();
        step.setTags(Map.of());
        step.setFleetFile("fleet.txt");
        CollectOnAgent callable = roundTrip(new CollectOnAgent(fleet.request(step), List.of(), new Console()));

        CollectOnAgent.Collected collected = roundTrip(callable.invoke(workspace.toFile(), null));

        assertThat(collected.result().outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(collected.result().instances()).extracting(i -> i.instanceId()).containsExactly(CrashedFleet.CRASHED_1);
        assertThat(stale).doesNotExist();
        assertThat(collected.files()).contains("index.html", "report.json", "junit.xml", "summary.md")
                .allSatisfy(f -> assertThat(workspace.resolve("ecsdiag").resolve(f)).isRegularFile())
                .noneSatisfy(f -> assertThat(f).contains("\\"));
        assertThat(collected.artifacts()).containsEntry("ecsdiag/index.html", "ecsdiag/index.html").hasSameSizeAs(collected.files());
        String console = Console.TEXT.toString(StandardCharsets.UTF_8);
        assertThat(console).contains(ListenerProgress.PREFIX + "collecting from").doesNotContain(CredentialStore.TEST_ACCESS_KEY_SECRET);
        for (String f : collected.files()) {
            if (f.endsWith(".html") || f.endsWith(".json") || f.endsWith(".xml") || f.endsWith(".md") || f.endsWith(".txt")) {
                assertThat(Files.readString(workspace.resolve("ecsdiag").resolve(f), StandardCharsets.ISO_8859_1))
                        .as(f).doesNotContain(CredentialStore.TEST_ACCESS_KEY_SECRET);
            }
        }
    }

    @Test
    void earlierBuildsReportsMarkEachCrashNewOrRecurringAndAreNotArchived(@TempDir Path first, @TempDir Path second) throws Exception {
        CollectOnAgent.Collected earlier = new CollectOnAgent(fleet.request(fleet.step()), List.of(), new Console())
                .invoke(first.toFile(), null);
        assertThat(earlier.result().crashGroups()).isNotEmpty()
                .allSatisfy(g -> assertThat(g.history()).as("no earlier report: no history").isNull());
        byte[] report = Files.readAllBytes(first.resolve("ecsdiag/report.json"));

        CollectOnAgent.Collected now = roundTrip(new CollectOnAgent(fleet.request(fleet.step()), List.of(report), new Console()))
                .invoke(second.toFile(), null);

        assertThat(now.result().crashGroups()).isNotEmpty()
                .allSatisfy(g -> assertThat(g.history()).as(g.title()).isNotNull().isNotEqualTo("new"));
        assertThat(now.files()).noneSatisfy(f -> assertThat(f).contains("history"));
        assertThat(ReportHtml.page(ReportModel.of(now.result()), "a/")).contains(now.result().crashGroups().get(0).history());
    }

    @Test
    void aRelativeFleetFileStaysRelativeUntilTheAgent() {
        EcsDiagnosticsRecorder step = fleet.step();
        step.setFleetFile("build/fleet.txt");
        JobRequest r = fleet.request(step);
        assertThat(r.fleetFile()).isEqualTo(Path.of("build/fleet.txt"));
    }
}
