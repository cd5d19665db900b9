package jenkins.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

public abstract class VirtualFile implements Comparable<VirtualFile>, Serializable {
    public abstract boolean isFile() throws IOException;

    public abstract boolean exists() throws IOException;

    public abstract @NonNull VirtualFile child(@NonNull String name);

    public abstract long length() throws IOException;

    public abstract InputStream open() throws IOException;
}
