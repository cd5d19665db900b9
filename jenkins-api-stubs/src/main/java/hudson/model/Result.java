package hudson.model;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.Serializable;

public final class Result implements Serializable {
    public static final @NonNull Result SUCCESS = null;
    public static final @NonNull Result UNSTABLE = null;
    public static final @NonNull Result FAILURE = null;
    public static final @NonNull Result NOT_BUILT = null;
    public static final @NonNull Result ABORTED = null;

    public final int ordinal;

    public final boolean completeBuild;

    private Result() {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isWorseThan(@NonNull Result that) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isWorseOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isBetterThan(@NonNull Result that) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isBetterOrEqualTo(@NonNull Result that) {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isCompleteBuild() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public @NonNull String toString() {
        throw new UnsupportedOperationException("stub");
    }

    public static @NonNull Result fromString(@NonNull String s) {
        throw new UnsupportedOperationException("stub");
    }
}
