package dev.ecsdiag.maven;

import dev.ecsdiag.config.Credentials;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.job.BuildLabels;
import dev.ecsdiag.job.DiagnosticsJob;
import dev.ecsdiag.job.FailurePolicy;
import dev.ecsdiag.job.JobRequest;
import dev.ecsdiag.job.JobResult;
import dev.ecsdiag.job.TagFilters;
import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.inject.Inject;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;

/**
 * Collects the crash forensics of a CI test fleet on Alibaba Cloud ECS: finds the instances, fetches
 * their serial console output, screenshot and system events, classifies kernel crashes and boot
 * failures and writes the report (index.html, report.json, junit.xml, summary.md) to
 * {@code target/ecsdiag}; the same job and folder as {@code ecsdiag collect}. Runs once per build
 * (in a multi-module build, in the first project that reaches it: the execution root when every
 * module inherits it) and without a project. Bind it before the fleet's teardown: a released
 * instance cannot be collected. Never fails the build unless {@code failOn} or {@code failOnError}
 * asks it to.
 */
@Mojo(name = "collect", threadSafe = true, requiresProject = false)
public class CollectMojo extends AbstractMojo {

    /** Region of the instances, e.g. {@code cn-hangzhou}. Required. */
    @Parameter(property = "ecsdiag.region")
    private String region;

    /** Endpoint override as {@code host:port}, e.g. a local ECS emulator; default: the region's public endpoint. */
    @Parameter(property = "ecsdiag.endpoint")
    private String endpoint;

    /** Instance ids to collect; on the command line comma-separated: {@code -Decsdiag.instances=i-1,i-2}. */
    @Parameter(property = "ecsdiag.instances")
    private List<String> instances;

    /**
     * Tag filters in the POM, e.g. {@code <tags><ci-build>42</ci-build></tags>}; an instance must carry
     * all of them. Ids, tags and the fleet file may be mixed: their union is collected.
     */
    @Parameter
    private Map<String, String> tags;

    /** Tag filters on the command line: {@code -Decsdiag.tags=ci-build=42,team=k} (added to {@code tags}). */
    @Parameter(property = "ecsdiag.tags")
    private String tagList;

    /** File with one instance id per line; {@code #} starts a comment. */
    @Parameter(property = "ecsdiag.fleetFile")
    private File fleetFile;

    /**
     * Id of a {@code <server>} in settings.xml holding the AccessKey: username = AccessKey ID,
     * password = AccessKey secret (encrypted passwords are decrypted as Maven does), and an STS token
     * in its {@code <configuration><securityToken>}. Without it, the Alibaba SDK's default credential
     * chain (environment, profile, ECS RAM role). There is deliberately no secret parameter.
     */
    @Parameter(property = "ecsdiag.serverId")
    private String serverId;

    /** Calls in flight at once. */
    @Parameter(property = "ecsdiag.concurrency", defaultValue = "8")
    private int concurrency;

    /** Seconds one call may take. */
    @Parameter(property = "ecsdiag.callTimeout", defaultValue = "10")
    private double callTimeout;

    /** Seconds the whole collection may take; what was fetched by then is kept and reported. */
    @Parameter(property = "ecsdiag.deadline", defaultValue = "600")
    private double deadline;

    /** Hours of system events to fetch, ending now. */
    @Parameter(property = "ecsdiag.eventWindow", defaultValue = "24")
    private double eventWindow;

    /** Seconds between two console/screenshot calls on one instance (the service throttles below 10). */
    @Parameter(property = "ecsdiag.sameInstanceSpacing", defaultValue = "10")
    private double sameInstanceSpacing;

    /** Where the logs, screenshots and report go; without a project, {@code ./target/ecsdiag}. */
    @Parameter(property = "ecsdiag.outputDirectory", defaultValue = "${project.build.directory}/ecsdiag")
    private File outputDirectory;

    /**
     * This build's label in the report; default: the CI's build number from the environment
     * ({@code BUILD_NUMBER}, {@code CI_PIPELINE_IID}, {@code GITHUB_RUN_NUMBER}, ...).
     */
    @Parameter(property = "ecsdiag.build")
    private String build;

    /** report.json files of earlier builds, for each crash's history ("seen in 4 of the last 10 builds"). */
    @Parameter(property = "ecsdiag.previousReports")
    private List<File> previousReports;

    /** Remediation rules files, tried before the built-in hints (format: docs/report.md, "Remediation rules"). */
    @Parameter(property = "ecsdiag.rulesFiles")
    private List<File> rulesFiles;

    /** Skips the collection, the goal's and the failed-build extension's. */
    @Parameter(property = "ecsdiag.skip", defaultValue = "false")
    private boolean skip;

    /**
     * Verdicts that fail the build, comma-separated, e.g. {@code crash,boot-failure} (of boot-failure,
     * crash, storage-failure, oom, platform-fault, not-collected, empty-console, healthy); none by
     * default. The failure message names each instance and its crash title.
     */
    @Parameter(property = "ecsdiag.failOn")
    private String failOn;

    /** Fail the build when the collection itself cannot run (no credentials, unreachable endpoint); otherwise a warning. */
    @Parameter(property = "ecsdiag.failOnError", defaultValue = "false")
    private boolean failOnError;

    /** Attach the report folder as a zip (classifier {@code ecsdiag}) for install and deploy. */
    @Parameter(property = "ecsdiag.attach", defaultValue = "false")
    private boolean attach;

    @Parameter(defaultValue = "${session}", readonly = true)
    private MavenSession session;

    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${settings}", readonly = true)
    private Settings settings;

    private final SettingsDecrypter decrypter;
    private final MavenProjectHelper projectHelper;

    @Inject
    public CollectMojo(SettingsDecrypter decrypter, MavenProjectHelper projectHelper) {
        this.decrypter = decrypter;
        this.projectHelper = projectHelper;
    }

    @Override
    public void execute() throws MojoFailureException {
        if (skip) {
            getLog().info("ecsdiag: skipped (ecsdiag.skip)");
            return;
        }
        Optional<String> claimed = OncePerBuild.claim(session, project);
        if (claimed.isPresent()) {
            getLog().info("ecsdiag: collected once per build, by " + claimed.get() + "; nothing to do here");
            return;
        }
        MavenJobLog log = new MavenJobLog(getLog());
        JobRequest request;
        try {
            request = request();
        } catch (InvalidRequestException e) {
            log.refused(e, failOnError);
            return;
        }
        JobResult result = new DiagnosticsJob().run(request, log);
        log.result(result);
        if (attach && result.outcome().ran()) {
            ReportArchive.attach(projectHelper, project, request.outputDirectory(), log);
        }
        if (result.decision().failBuild()) {
            throw new MojoFailureException(result.decision().message());
        }
    }

    private JobRequest request() {
        Map<String, String> allTags = new LinkedHashMap<>(tags == null ? Map.of() : tags);
        allTags.putAll(TagFilters.parse(tagList));
        return JobRequest.builder()
                .region(region)
                .endpoint(endpoint)
                .instanceIds(ids())
                .tags(allTags)
                .fleetFile(path(fleetFile))
                .credentials(serverId == null || serverId.isBlank()
                        ? Credentials.defaultChain()
                        : new SettingsCredentials(decrypter).of(settings, serverId.strip()))
                .concurrency(concurrency)
                .callTimeout(seconds(callTimeout))
                .deadline(seconds(deadline))
                .eventWindow(Duration.ofMinutes(Math.round(eventWindow * 60)))
                .sameInstanceSpacing(seconds(sameInstanceSpacing))
                .outputDirectory(outputDirectory())
                .buildLabel(build != null ? build : BuildLabels.fromEnvironment(System.getenv()).orElse(null))
                .previousReports(paths(previousReports))
                .rulesFiles(paths(rulesFiles))
                .policy(FailurePolicy.of(FailurePolicy.parseVerdicts(failOn), failOnError))
                .build();
    }

    /** Also splits elements at commas: {@code <instances>i-1,i-2</instances>} reads the same on every Maven. */
    private List<String> ids() {
        return instances == null ? List.of()
                : instances.stream().flatMap(s -> Arrays.stream(s.split(","))).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** Without a project, Maven 3 leaves {@code ${project.basedir}} unresolved in the stub project's build folder. */
    private Path outputDirectory() {
        return outputDirectory.getPath().contains("${")
                ? Path.of(session.getExecutionRootDirectory(), "target", "ecsdiag")
                : outputDirectory.toPath();
    }

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    private static Path path(File f) {
        return f == null ? null : f.toPath();
    }

    private static List<Path> paths(List<File> files) {
        return files == null ? List.of() : files.stream().map(File::toPath).toList();
    }
}
