package hudson.model;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.ExtensionPoint;
import hudson.security.AccessControlled;
import java.io.File;
import java.io.IOException;
import jenkins.model.ArtifactManager;

public abstract class Run<JobT extends Job<JobT, RunT>, RunT extends Run<JobT, RunT>>
        extends Actionable implements ExtensionPoint, Comparable<RunT>, AccessControlled {
    public @CheckForNull Result getResult() {
        throw new UnsupportedOperationException("stub");
    }

    public void setResult(@NonNull Result r) {
        throw new UnsupportedOperationException("stub");
    }

    public @NonNull JobT getParent() {
        throw new UnsupportedOperationException("stub");
    }

    public @CheckForNull RunT getPreviousBuild() {
        throw new UnsupportedOperationException("stub");
    }

    public String getFullDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    public int getNumber() {
        throw new UnsupportedOperationException("stub");
    }

    public @NonNull String getUrl() {
        throw new UnsupportedOperationException("stub");
    }

    public @NonNull File getRootDir() {
        throw new UnsupportedOperationException("stub");
    }

    public final @NonNull ArtifactManager getArtifactManager() {
        throw new UnsupportedOperationException("stub");
    }

    public final synchronized @NonNull ArtifactManager pickArtifactManager() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    public @NonNull EnvVars getEnvironment(@NonNull TaskListener listener) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public @NonNull String getExternalizableId() {
        throw new UnsupportedOperationException("stub");
    }
}
