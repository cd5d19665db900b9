package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;

public abstract class Launcher {
    public static class LocalLauncher extends Launcher {
        public LocalLauncher(@NonNull TaskListener listener) {
        }

        public LocalLauncher(TaskListener listener, VirtualChannel channel) {
        }
    }
}
