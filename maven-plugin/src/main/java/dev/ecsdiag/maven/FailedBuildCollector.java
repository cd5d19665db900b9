package dev.ecsdiag.maven;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import javax.inject.Inject;
import javax.inject.Named;
import javax.inject.Singleton;
import org.apache.maven.AbstractMavenLifecycleParticipant;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.lifecycle.LifecycleExecutor;
import org.apache.maven.plugin.BuildPluginManager;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.project.MavenProject;
import org.codehaus.plexus.PlexusContainer;
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
    private final LifecycleExecutor lifecycle;
    private final PlexusContainer container;

    @Inject
    public FailedBuildCollector(BuildPluginManager plugins, LifecycleExecutor lifecycle, PlexusContainer container) {
        this.plugins = plugins;
        this.lifecycle = lifecycle;
        this.container = container;
    }

    @Override
    public void afterSessionEnd(MavenSession session) {
        if (!session.getResult().hasExceptions() || session.getTopLevelProject() == null) {
            return;
        }
        String skip = session.getUserProperties().getProperty("ecsdiag.skip");
        if (skip != null && !skip.equalsIgnoreCase("false")) {
            return; // -Decsdiag.skip: not even a lookup (a POM's <skip> is the goal's to read)
        }
        MavenProject root = session.getTopLevelProject();
        MavenProject current = session.getCurrentProject();
        log.info("ecsdiag: the build failed; collecting the test fleet's crash forensics");
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        try {
            // Sisu shows a lookup only the components visible from the context class loader, which
            // Maven sets to this extension's realm; from a core extension's realm the planner finds
            // no mojo execution configurator. The container's realm is what the build itself runs with.
            Thread.currentThread().setContextClassLoader(container.getContainerRealm());
            // Planned as Maven plans "mvn G:A:V:collect" on the root: its POM configuration, the
            // default-cli execution's, -Decsdiag.* and the parameters' defaults, all as the goal has them.
            session.setCurrentProject(root);
            MojoExecution execution = lifecycle.calculateExecutionPlan(session, ownGoal()).getMojoExecutions().get(0);
            plugins.executeMojo(session, execution);
        } catch (Exception | LinkageError e) {
            // The build has already failed for its own reason; ours must not replace it.
            log.warn("ecsdiag: {}", e.getMessage() == null ? e.toString() : e.getMessage());
            log.debug("ecsdiag: the collection after the failed build", e);
        } finally {
            session.setCurrentProject(current);
            Thread.currentThread().setContextClassLoader(context);
        }
    }

    /** This artifact's own goal, whatever version the POM or extensions.xml asked for. */
    private static String ownGoal() throws IOException {
        Properties pom = new Properties();
        String path = "META-INF/maven/" + GROUP_ID + "/" + ARTIFACT_ID + "/pom.properties";
        try (InputStream in = FailedBuildCollector.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IOException("the plugin's " + path + " is missing");
            }
            pom.load(in);
        }
        return GROUP_ID + ":" + ARTIFACT_ID + ":" + pom.getProperty("version") + ":collect";
    }
}
