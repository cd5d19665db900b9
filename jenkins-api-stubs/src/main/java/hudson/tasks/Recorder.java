package hudson.tasks;

import hudson.ExtensionPoint;

public abstract class Recorder extends Publisher implements ExtensionPoint {
    @SuppressWarnings("deprecation")
    protected Recorder() {
    }

    @Override
    public BuildStepDescriptor getDescriptor() {
        throw new UnsupportedOperationException("stub");
    }
}
