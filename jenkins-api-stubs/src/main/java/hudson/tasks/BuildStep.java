package hudson.tasks;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Launcher;
import hudson.model.AbstractBuild;
import hudson.model.AbstractProject;
import hudson.model.Action;
import hudson.model.BuildListener;
import java.io.IOException;
import java.util.Collection;

public interface BuildStep {
    boolean prebuild(AbstractBuild<?, ?> build, BuildListener listener);

    boolean perform(AbstractBuild<?, ?> build, Launcher launcher, BuildListener listener) throws InterruptedException, IOException;

    @Deprecated
    Action getProjectAction(AbstractProject<?, ?> project);

    @NonNull
    Collection<? extends Action> getProjectActions(AbstractProject<?, ?> project);

    default BuildStepMonitor getRequiredMonitorService() {
        throw new UnsupportedOperationException("stub");
    }
}
