package dev.ecsdiag.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.Setting;
import dev.ecsdiag.job.JobRequest;
import dev.ecsdiag.job.JobResult;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Publisher;
import hudson.tasks.Recorder;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import jenkins.tasks.SimpleBuildStep;
import jenkins.util.BuildListenerAdapter;
import jenkins.util.VirtualFile;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * "Collect ECS crash forensics": a post-build action for freestyle jobs and the Pipeline step
 * {@code ecsDiagnostics}. Configuration in, the core's job run where the workspace is (or on the
 * controller without one), the output folder archived, an action on the build page, and the build's
 * result changed only when {@code failOn} asks for it.
 */
public class EcsDiagnosticsRecorder extends Recorder implements SimpleBuildStep {

    static final int DEFAULT_TIMEOUT = 10;
    static final int DEFAULT_DEADLINE = 600;
    /** The core counts the last 10 reports; builds that did not collect are skipped, up to this many. */
    static final int HISTORY_REPORTS = 10;
    static final int HISTORY_BUILDS = 30;
    static final long MAX_REPORT_BYTES = 32L << 20;

    private final String region;
    private final String credentialsId;
    private String endpoint;
    private String instanceIds;
    private Map<String, String> tags = new LinkedHashMap<>();
    private String fleetFile;
    private RunCondition when = RunCondition.FAILURE;
    private String failOn;
    private int timeout = DEFAULT_TIMEOUT;
    private int deadline = DEFAULT_DEADLINE;

    /** Both may be empty: the global configuration's defaults apply, then the SDK's default credential chain. */
    @DataBoundConstructor
    public EcsDiagnosticsRecorder(String region, String credentialsId) {
        this.region = StepRequest.blankToNull(region);
        this.credentialsId = StepRequest.blankToNull(credentialsId);
    }

    public String getRegion() {
        return region;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    public String getEndpoint() {
        return endpoint;
    }

    @DataBoundSetter
    public void setEndpoint(String endpoint) {
        this.endpoint = StepRequest.blankToNull(endpoint);
    }

    public String getInstanceIds() {
        return instanceIds;
    }

    @DataBoundSetter
    public void setInstanceIds(String instanceIds) {
        this.instanceIds = StepRequest.blankToNull(instanceIds);
    }

    /** Tag filters, an instance must carry all: {@code tags: [ci-build: env.BUILD_TAG]} in Pipeline. */
    public Map<String, String> getTags() {
        return tags == null ? Map.of() : Collections.unmodifiableMap(tags);
    }

    @DataBoundSetter
    public void setTags(Map<String, ?> tags) {
        Map<String, String> copy = new LinkedHashMap<>();
        if (tags != null) {
            // Pipeline may hand over Groovy strings ("${env.BUILD_TAG}") as values.
            tags.forEach((k, v) -> copy.put(String.valueOf(k), v == null ? "" : v.toString()));
        }
        this.tags = copy;
    }

    /** The same tags as the freestyle form's text: one KEY=VALUE a line. */
    public String getTagLines() {
        StringBuilder sb = new StringBuilder();
        getTags().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    @DataBoundSetter
    public void setTagLines(String lines) {
        setTags(parseTagLines(lines));
    }

    static Map<String, String> parseTagLines(String lines) {
        Map<String, String> parsed = new LinkedHashMap<>();
        for (String line : (lines == null ? "" : lines).split("\\R")) {
            int eq = line.indexOf('=');
            if (!line.isBlank()) {
                parsed.put((eq < 0 ? line : line.substring(0, eq)).strip(), eq < 0 ? "" : line.substring(eq + 1).strip());
            }
        }
        return parsed;
    }

    /** A file in the workspace with one instance id per line. */
    public String getFleetFile() {
        return fleetFile;
    }

    @DataBoundSetter
    public void setFleetFile(String fleetFile) {
        this.fleetFile = StepRequest.blankToNull(fleetFile);
    }

    public RunCondition getWhen() {
        return when == null ? RunCondition.FAILURE : when;
    }

    @DataBoundSetter
    public void setWhen(RunCondition when) {
        this.when = when == null ? RunCondition.FAILURE : when;
    }

    /** Verdicts that fail the build, e.g. {@code crash, boot-failure}; none by default. */
    public String getFailOn() {
        return failOn;
    }

    @DataBoundSetter
    public void setFailOn(String failOn) {
        this.failOn = StepRequest.blankToNull(failOn);
    }

    /** Seconds one call may take. */
    public int getTimeout() {
        return timeout;
    }

    @DataBoundSetter
    public void setTimeout(int timeout) {
        this.timeout = timeout;
    }

    /** Seconds the whole collection may take; what was fetched by then is kept. */
    public int getDeadline() {
        return deadline;
    }

    @DataBoundSetter
    public void setDeadline(int deadline) {
        this.deadline = deadline;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    /** Outside {@code node} the step still runs: on the controller, in a temporary folder. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env, @NonNull Launcher launcher,
                        @NonNull TaskListener listener) throws InterruptedException, IOException {
        JobRequest request = prepare(run, env, listener);
        if (request != null) {
            CollectOnAgent.Collected collected;
            try {
                collected = workspace.act(new CollectOnAgent(request, previousReports(run, listener), listener));
            } catch (IOException e) { // the agent went away: diagnostics do not break the build
                new ListenerProgress(listener.getLogger()).warn("the collection on the agent failed: " + e);
                return;
            }
            publish(run, workspace, launcher, listener, collected);
        }
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        JobRequest request = prepare(run, env, listener);
        if (request == null) {
            return;
        }
        if (request.fleetFile() != null) {
            new ListenerProgress(listener.getLogger()).warn("the fleet file " + request.fleetFile()
                    + " is read from a workspace: call ecsDiagnostics inside node, or give instance IDs or tags");
            return;
        }
        File temp = Files.createTempDirectory("ecsdiag-").toFile();
        FilePath folder = new FilePath(temp);
        try {
            CollectOnAgent.Collected collected = new CollectOnAgent(request, previousReports(run, listener), listener).invoke(temp, null);
            publish(run, folder, new Launcher.LocalLauncher(listener), listener, collected);
        } finally {
            folder.deleteRecursive();
        }
    }

    /** The request, or null (with the reason in the console) when this build does not collect. */
    private JobRequest prepare(Run<?, ?> run, EnvVars env, TaskListener listener) {
        ListenerProgress progress = new ListenerProgress(listener.getLogger());
        Result result = run.getResult();
        if (!getWhen().appliesTo(result == null ? null : result.toString())) {
            progress.info("build result " + (result == null ? "SUCCESS" : result) + ": not collecting ("
                    + getWhen().getDisplayName().toLowerCase(java.util.Locale.ROOT) + ")");
            return null;
        }
        StepRequest.Defaults defaults = EcsDiagnosticsConfiguration.get().defaults();
        try {
            Credentials credentials = credentials(run, StepRequest.credentialsId(this, defaults));
            return StepRequest.of(this, defaults, env::expand, credentials, run.getFullDisplayName());
        } catch (InvalidRequestException e) {
            progress.warn("not collecting: " + e.getMessage() + e.setting().map(s -> SettingNames.of(s) == null ? ""
                    : " (" + SettingNames.of(s) + ")").orElse(""));
            return null;
        }
    }

    /**
     * report.json of the latest earlier builds that archived one (at most {@link #HISTORY_REPORTS},
     * looking back at most {@link #HISTORY_BUILDS} builds), for "new" or "seen in 4 of the last 10
     * builds". Read through the artifact manager, so it works with any artifact storage.
     */
    private static List<byte[]> previousReports(Run<?, ?> run, TaskListener listener) {
        List<byte[]> reports = new ArrayList<>();
        Run<?, ?> earlier = run.getPreviousBuild();
        for (int looked = 0; earlier != null && looked < HISTORY_BUILDS && reports.size() < HISTORY_REPORTS; looked++) {
            try {
                VirtualFile report = earlier.getArtifactManager().root().child(StepRequest.FOLDER + "/report.json");
                if (report.isFile() && report.length() <= MAX_REPORT_BYTES) {
                    try (InputStream in = report.open()) {
                        reports.add(in.readAllBytes());
                    }
                }
            } catch (IOException e) { // history is a nicety: its absence must not stop the collection
                new ListenerProgress(listener.getLogger()).warn("could not read the report of " + earlier.getFullDisplayName() + ": " + e);
            }
            earlier = earlier.getPreviousBuild();
        }
        return reports;
    }

    /** Username/password credentials as AccessKey ID and secret; without an ID, the SDK's default chain where the job runs. */
    private static Credentials credentials(Run<?, ?> run, String id) {
        if (id == null) {
            return Credentials.defaultChain();
        }
        StandardUsernamePasswordCredentials c = CredentialsProvider.findCredentialById(id, StandardUsernamePasswordCredentials.class, run);
        if (c == null) {
            throw new InvalidRequestException(InvalidRequestException.Kind.CONFIGURATION, Setting.ACCESS_KEY_ID,
                    "no username/password credentials with ID '" + id + "' are visible to this build");
        }
        return Credentials.of(c.getUsername(), c.getPassword().getPlainText(), null);
    }

    private static void publish(Run<?, ?> run, FilePath folder, Launcher launcher, TaskListener listener,
                                CollectOnAgent.Collected collected) throws IOException, InterruptedException {
        JobResult result = collected.result();
        boolean archive = !collected.files().isEmpty();
        if (archive) {
            run.pickArtifactManager().archive(folder, launcher, BuildListenerAdapter.wrap(listener), collected.artifacts());
        }
        PrintStream log = listener.getLogger();
        ConsoleLines.of(result, archive).forEach(line -> log.println(ListenerProgress.PREFIX + line));
        run.addOrReplaceAction(new EcsDiagnosticsAction(ReportModel.of(result)));
        if (result.decision().failBuild()) {
            listener.error(result.decision().message());
            run.setResult(Result.FAILURE);
        }
    }

    @Extension
    @Symbol("ecsDiagnostics")
    public static final class DescriptorImpl extends BuildStepDescriptor<Publisher> {

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Collect ECS crash forensics";
        }

        public int getDefaultTimeout() {
            return DEFAULT_TIMEOUT;
        }

        public int getDefaultDeadline() {
            return DEFAULT_DEADLINE;
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return FormChecks.credentialsItems(item, credentialsId);
        }

        @POST
        public FormValidation doCheckRegion(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.forItem(item, () -> FieldChecks.region(value,
                    EcsDiagnosticsConfiguration.get().defaults().region() != null));
        }

        @POST
        public FormValidation doCheckEndpoint(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.forItem(item, () -> FieldChecks.endpoint(value));
        }

        @POST
        public FormValidation doCheckInstanceIds(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.forItem(item, () -> FieldChecks.instanceIds(value));
        }

        @POST
        public FormValidation doCheckTagLines(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.forItem(item, () -> FieldChecks.tagLines(value));
        }

        @POST
        public FormValidation doCheckFailOn(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.forItem(item, () -> FieldChecks.failOn(value));
        }

        @POST
        public FormValidation doCheckTimeout(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.forItem(item, () -> FieldChecks.timeout(value));
        }

        @POST
        public FormValidation doCheckDeadline(@AncestorInPath Item item, @QueryParameter String value) {
            return FormChecks.forItem(item, () -> FieldChecks.deadline(value));
        }

        /** "Test connection": DescribeInstances with the form's credentials and region, from the controller. */
        @POST
        public FormValidation doTestConnection(@AncestorInPath Item item, @QueryParameter String region,
                                               @QueryParameter String credentialsId, @QueryParameter String endpoint,
                                               @QueryParameter String instanceIds, @QueryParameter String tagLines,
                                               @QueryParameter String timeout) {
            if (!FormChecks.mayConfigure(item)) {
                return FormValidation.ok();
            }
            EcsDiagnosticsRecorder step = new EcsDiagnosticsRecorder(region, credentialsId);
            step.setEndpoint(endpoint);
            step.setInstanceIds(instanceIds);
            step.setTagLines(tagLines);
            String timeoutProblem = FieldChecks.timeout(timeout);
            if (timeoutProblem != null) {
                return FormValidation.error(timeoutProblem);
            }
            step.setTimeout(Integer.parseInt(timeout.strip()));
            StepRequest.Defaults defaults = EcsDiagnosticsConfiguration.get().defaults();
            try {
                String id = StepRequest.credentialsId(step, defaults);
                Credentials credentials = id == null ? Credentials.defaultChain() : FormChecks.credentialsFor(item, id);
                return FormChecks.connection(StepRequest.of(step, defaults, s -> s, credentials, null));
            } catch (InvalidRequestException e) {
                return FormValidation.error(e.getMessage());
            }
        }
    }
}
