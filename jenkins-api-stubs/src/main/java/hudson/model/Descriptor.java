package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import jenkins.model.Loadable;

public abstract class Descriptor<T extends Describable<T>> implements Loadable, Saveable {
    protected Descriptor(Class<? extends T> clazz) {
    }

    protected Descriptor() {
    }

    @NonNull
    public String getDisplayName() {
        throw new UnsupportedOperationException("stub");
    }

    public String getId() {
        throw new UnsupportedOperationException("stub");
    }

    public Class<T> getT() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public synchronized void save() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public synchronized void load() {
        throw new UnsupportedOperationException("stub");
    }
}
