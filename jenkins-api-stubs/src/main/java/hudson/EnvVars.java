package hudson;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.Map;
import java.util.TreeMap;

public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
    }

    public EnvVars(@NonNull Map<String, String> m) {
    }

    public EnvVars(String... keyValuePairs) {
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stub");
    }
}
