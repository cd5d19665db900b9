package dev.ecsdiag.maven;

import java.util.Optional;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.SessionData;

/**
 * One collection per Maven build: the first project to reach the goal claims the build (in a
 * multi-module build where every module inherits the goal, the execution root, which Maven builds
 * first); later ones, and the failed-build extension after the goal already ran, leave it. The
 * claim lives in the build's repository session, shared by every module and thread of one build.
 */
final class OncePerBuild {

    private static final String KEY = OncePerBuild.class.getName() + ".claimedBy";

    private OncePerBuild() {
    }

    /** Empty when {@code project} now holds the build's collection; else the id of the project that already does. */
    static Optional<String> claim(MavenSession session, MavenProject project) {
        SessionData data = session.getRepositorySession().getData();
        String id = project.getId();
        if (data.set(KEY, null, id)) {
            return Optional.empty();
        }
        return Optional.of(String.valueOf(data.get(KEY)));
    }
}
