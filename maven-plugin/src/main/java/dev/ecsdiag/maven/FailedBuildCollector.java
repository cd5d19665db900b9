package dev.ecsdiag.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.internal.LifecycleExecutionPlanCalculator;
import org.apache.maven.model.Plugin;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.descriptor.MojoDescriptor;
import org.apache.maven.project.MavenProject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The extension: when the plugin is declared with {@code <extensions>true</extensions>} or listed in
 * {@code .mvn/extensions.xml}, runs {@code ecsdiag:collect} once at the end of a build that failed,
 * whatever failed, configured as {@code mvn ecsdiag:collect} would be on the execution root (the
 * root POM's plugin configuration, {@code -Decsdiag.*}). A passing build: nothing, not even a
 * lookup. Whatever the collection does, the build's result and exit code stay as they were.
 */
@Named("ecsdiag-failed-build")
@Singleton
public final class FailedBuildCollector extends AbstractMavenLifecycleParticipant {

    static final String GROUP_ID = "dev.ecsdiag";
    static final String ARTIFACT_ID = "ecsdiag-maven-plugin";

    private final Logger log = LoggerFactory.getLogger(FailedBuildCollector.class);
    private final BuildPluginManager plugins;
    private final LifecycleExecutionPlanCalculator planner;

    @Inject
    public FailedBuildCollector(BuildPluginManager plugins, LifecycleExecutionPlanCalculator planner) {
        this.plugins = plugins;
        this.planner = planner;
    }

    @Override
    public void afterSessionEnd(MavenSession session) {
        if (!session.getResult().hasExceptions() || session.getTopLevelProject() == null) {
            return;
        }
        MavenProject root = session.getTopLevelProject();
        MavenProject current = session.getCurrentProject();
        log.info("ecsdiag: the build failed; collecting the test fleet's crash forensics");
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            // Sisu shows a lookup the components visible from the context class loader; a core
            // extension's own realm does not see Maven's mojo execution configurators, so the
            // planner would find none. Maven's core realm sees them all.
            Thread.currentThread().setContextClassLoader(MavenSession.class.getClassLoader());
            MojoDescriptor goal = plugins.getMojoDescriptor(ownPlugin(), "collect",
                    root.getRemotePluginRepositories(), session.getRepositorySession());
            MojoExecution execution = new MojoExecution(goal, "default-cli", MojoExecution.Source.CLI);
            planner.setupMojoExecution(session, root, execution);
            session.setCurrentProject(root);
            plugins.executeMojo(session, execution);
        } catch (Exception | LinkageError e) {
            // The build has already failed for its own reason; ours must not replace it.
            log.warn("ecsdiag: {}", e.getMessage() == null ? e.toString() : e.getMessage());
        } finally {
            session.setCurrentProject(current);
            Thread.currentThread().setContextClassLoader(context);
        }
    }

    /** This artifact's own coordinates, whatever version the POM or extensions.xml asked for. */
    private static Plugin ownPlugin() throws IOException {
        Properties pom = new Properties();
        String path = "META-INF/maven/" + GROUP_ID + "/" + ARTIFACT_ID + "/pom.properties";
        try (InputStream in = FailedBuildCollector.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("the plugin's " + path + " is missing");
            }
            pom.load(in);
        }
        Plugin plugin = new Plugin();
        plugin.setGroupId(GROUP_ID);
        plugin.setArtifactId(ARTIFACT_ID);
        plugin.setVersion(pom.getProperty("version"));
        return plugin;
    }
}
