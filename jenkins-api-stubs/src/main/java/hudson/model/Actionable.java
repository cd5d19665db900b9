package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;

public abstract class Actionable extends AbstractModelObject {
    public void addAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean addOrReplaceAction(@NonNull Action a) {
        throw new UnsupportedOperationException("stub");
    }

    public <T extends Action> T getAction(Class<T> type) {
        throw new UnsupportedOperationException("stub");
    }
}
