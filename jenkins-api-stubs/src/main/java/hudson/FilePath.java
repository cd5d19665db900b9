package hudson;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.jenkinsci.remoting.SerializableOnlyOverRemoting;
import org.jenkinsci.remoting.RoleSensitive;

public final class FilePath implements SerializableOnlyOverRemoting {
    public FilePath(@CheckForNull VirtualChannel channel, @NonNull String remote) {
    }

    public FilePath(@NonNull File localPath) {
    }

    public FilePath(@NonNull FilePath base, @NonNull String rel) {
    }

    public String getRemote() {
        throw new UnsupportedOperationException("stub");
    }

    public String getName() {
        throw new UnsupportedOperationException("stub");
    }

    public @NonNull FilePath child(String relOrAbsolute) {
        throw new UnsupportedOperationException("stub");
    }

    public interface FileCallable<T> extends Serializable, RoleSensitive {
        T invoke(File f, VirtualChannel channel) throws IOException, InterruptedException;
    }

    public <T> T act(final FileCallable<T> callable) throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void mkdirs() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public void deleteRecursive() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public boolean exists() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public List<FilePath> list() throws IOException, InterruptedException {
        throw new UnsupportedOperationException("stub");
    }

    public boolean isRemote() {
        throw new UnsupportedOperationException("stub");
    }
}
