package dev.ecsdiag.jenkins;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import dev.ecsdiag.emulator.CredentialStore;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import java.net.URL;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.FailureBuilder;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * The plugin inside a real Jenkins 2.479.3 (JenkinsRule), collecting from the crashed fleet the ECS
 * emulator serves over HTTP. Runs only with -Pjenkins, where repo.jenkins-ci.org is reachable; it
 * was written against the versions in the profile and has not been run on machines without it.
 */
@WithJenkins
class EcsDiagnosticsJenkinsTest {

    private CrashedFleet fleet;
    private JenkinsRule r;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        r = rule;
        fleet = new CrashedFleet();
        SystemCredentialsProvider.getInstance().getCredentials().add(new UsernamePasswordCredentialsImpl(CredentialsScope.GLOBAL,
                "ecs-ci", "ECS AccessKey", CredentialStore.TEST_ACCESS_KEY_ID, CredentialStore.TEST_ACCESS_KEY_SECRET));
        SystemCredentialsProvider.getInstance().save();
    }

    @AfterEach
    void tearDown() {
        fleet.close();
    }

    private EcsDiagnosticsRecorder step() {
        EcsDiagnosticsRecorder step = new EcsDiagnosticsRecorder(fleet.ecs.region(), "ecs-ci");
        step.setEndpoint(fleet.ecs.endpoint());
        step.setTags(Map.of("ci-build", CrashedFleet.BUILD_TAG));
        step.setTimeout(5);
        step.setDeadline(120);
        return step;
    }

    private String pipelineStep(String extra) {
        return "ecsDiagnostics region: '" + fleet.ecs.region() + "', endpoint: '" + fleet.ecs.endpoint()
                + "', credentialsId: 'ecs-ci', tags: ['ci-build': '" + CrashedFleet.BUILD_TAG + "'], timeout: 5" + extra;
    }

    @Test
    void freestyleFailedBuildCollectsArchivesAndShowsTheVerdicts() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject("freestyle");
        p.getBuildersList().add(new FailureBuilder());
        p.getPublishersList().add(step());

        FreeStyleBuild b = r.buildAndAssertStatus(Result.FAILURE, p);

        for (String id : new String[] {CrashedFleet.CRASHED_1, CrashedFleet.CRASHED_2, CrashedFleet.HOSTILE, CrashedFleet.HEALTHY}) {
            r.assertLogContains(id, b);
        }
        r.assertLogNotContains(CredentialStore.TEST_ACCESS_KEY_SECRET, b);
        EcsDiagnosticsAction action = b.getAction(EcsDiagnosticsAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getModel().getInstances()).hasSize(4);
        assertThat(b.getArtifactManager().root().child("ecsdiag/index.html").isFile()).isTrue();
        assertThat(b.getArtifactManager().root().child("ecsdiag/junit.xml").isFile()).isTrue();

        JenkinsRule.WebClient wc = r.createWebClient();
        String page = wc.getPage(b, "ecsdiag/").getWebResponse().getContentAsString();
        assertThat(page).contains(CrashedFleet.CRASHED_1).doesNotContain("<script>alert('x')</script>");
        assertThat(wc.getPage(b).getWebResponse().getContentAsString()).contains("ECS crash forensics");
    }

    @Test
    void aPassingFreestyleBuildDoesNotCollectByDefault() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject("green");
        p.getPublishersList().add(step());

        FreeStyleBuild b = r.buildAndAssertSuccess(p);

        r.assertLogContains("not collecting", b);
        assertThat(b.getAction(EcsDiagnosticsAction.class)).isNull();
    }

    @Test
    void pipelineInsideNodeRunsOnTheAgentsWorkspace() throws Exception {
        r.createSlave("agent", null, null);
        WorkflowJob j = r.createProject(WorkflowJob.class, "pipeline");
        j.setDefinition(new CpsFlowDefinition("node('agent') {\n"
                + "  catchError(buildResult: 'FAILURE', stageResult: 'FAILURE') { error 'integration tests failed' }\n"
                + "  " + pipelineStep("") + "\n"
                + "  junit allowEmptyResults: true, testResults: 'ecsdiag/junit.xml'\n"
                + "}", true));

        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, j);

        r.assertLogContains(CrashedFleet.CRASHED_1, b);
        r.assertLogNotContains(CredentialStore.TEST_ACCESS_KEY_SECRET, b);
        assertThat(b.getAction(EcsDiagnosticsAction.class)).isNotNull();
        assertThat(b.getArtifactManager().root().child("ecsdiag/report.json").isFile()).isTrue();
    }

    @Test
    void pipelineOutsideNodeRunsOnTheControllerAndFailOnFailsTheBuild() throws Exception {
        WorkflowJob j = r.createProject(WorkflowJob.class, "controller");
        j.setDefinition(new CpsFlowDefinition(pipelineStep(", when: 'ALWAYS', failOn: 'crash'"), true));

        WorkflowRun b = r.buildAndAssertStatus(Result.FAILURE, j);

        r.assertLogContains(CrashedFleet.CRASHED_2, b);
        assertThat(b.getAction(EcsDiagnosticsAction.class).getModel().isFailBuild()).isTrue();
        assertThat(b.getArtifactManager().root().child("ecsdiag/index.html").isFile()).isTrue();
    }

    @Test
    void anUnreachableEndpointIsAWarningNotAFailure() throws Exception {
        WorkflowJob j = r.createProject(WorkflowJob.class, "unreachable");
        j.setDefinition(new CpsFlowDefinition("ecsDiagnostics region: 'cn-hangzhou', endpoint: '127.0.0.1:1', "
                + "credentialsId: 'ecs-ci', instanceIds: 'i-bp1jenkins00001', timeout: 2, when: 'ALWAYS'", true));

        WorkflowRun b = r.buildAndAssertSuccess(j);

        r.assertLogContains("could not collect", b);
    }

    @Test
    void theFormRoundTripsEveryField() throws Exception {
        FreeStyleProject p = r.createFreeStyleProject("roundtrip");
        EcsDiagnosticsRecorder step = step();
        step.setInstanceIds("i-bp1jenkins00001 i-bp1jenkins00002");
        step.setFleetFile("fleet.txt");
        step.setWhen(RunCondition.FAILURE_OR_UNSTABLE);
        step.setFailOn("crash, boot-failure");
        p.getPublishersList().add(step);

        r.configRoundtrip(p);

        r.assertEqualDataBoundBeans(step, p.getPublishersList().get(EcsDiagnosticsRecorder.class));
    }

    @Test
    void formChecksArePostOnlyAndTestConnectionCounts() throws Exception {
        JenkinsRule.WebClient wc = r.createWebClient();
        wc.setThrowExceptionOnFailingStatusCode(false);
        String descriptor = "descriptorByName/" + EcsDiagnosticsRecorder.class.getName() + "/";

        Page get = wc.goTo(descriptor + "checkRegion?value=cn-hangzhou", null);
        assertThat(get.getWebResponse().getStatusCode()).isEqualTo(405);

        String query = "testConnection?region=" + fleet.ecs.region() + "&credentialsId=ecs-ci&endpoint="
                + URLEncoder.encode(fleet.ecs.endpoint(), StandardCharsets.UTF_8) + "&instanceIds=&timeout=5&tagLines="
                + URLEncoder.encode("ci-build=" + CrashedFleet.BUILD_TAG, StandardCharsets.UTF_8);
        WebRequest post = new WebRequest(new URL(r.getURL(), descriptor + query), HttpMethod.POST);
        wc.addCrumb(post);
        assertThat(wc.getPage(post).getWebResponse().getContentAsString()).contains("4 instances match");
    }
}
