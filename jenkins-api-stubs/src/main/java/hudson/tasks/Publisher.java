package hudson.tasks;

import hudson.model.Describable;
import hudson.model.Descriptor;

public abstract class Publisher extends BuildStepCompatibilityLayer implements Describable<Publisher> {
    @Deprecated
    protected Publisher() {
    }

    public boolean needsToRunAfterFinalized() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public Descriptor<Publisher> getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
