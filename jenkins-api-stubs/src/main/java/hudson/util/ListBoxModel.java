package hudson.util;

import edu.umd.cs.findbugs.annotations.NonNull;
import java.util.ArrayList;

public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public static final class Option {
        public String name;

        public String value;

        public boolean selected;

        public Option(@NonNull String name, @NonNull String value) {
        }

        public Option(@NonNull String name) {
        }

        public Option(@NonNull String name, @NonNull String value, boolean selected) {
        }
    }

    public ListBoxModel(int initialCapacity) {
    }

    public ListBoxModel() {
    }

    public ListBoxModel add(@NonNull String nameAndValue) {
        throw new UnsupportedOperationException("stub");
    }

    public void add(@NonNull String displayName, @NonNull String value) {
        throw new UnsupportedOperationException("stub");
    }
}
