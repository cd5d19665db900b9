package dev.ecsdiag.config;

import java.io.Serializable;
import java.util.List;
import java.util.function.Function;

/**
 * One sentence a person can act on, in the core's words, and the settings it asks to change. A
 * front end prints {@link #render(Function)} with its own names for the settings.
 *
 * @param text     e.g. "no answer in time from 127.0.0.1:1: raise the per-call timeout, or check the network"
 * @param settings the settings the sentence names, in the order it names them; may be empty
 */
public record Hint(String text, List<Setting> settings) implements Serializable {

    public Hint {
        settings = List.copyOf(settings);
    }

    public static Hint of(String text, Setting... settings) {
        return new Hint(text, List.of(settings));
    }

    /**
     * The sentence followed by the front end's names of its settings, e.g.
     * {@code "...: raise the per-call timeout, or check the network (--timeout)"}. A setting the
     * front end has no name for (null) is left out.
     */
    public String render(Function<Setting, String> names) {
        StringBuilder own = new StringBuilder();
        for (Setting s : settings) {
            String name = names.apply(s);
            if (name != null && !name.isBlank()) {
                own.append(own.length() == 0 ? "" : ", ").append(name);
            }
        }
        return own.length() == 0 ? text : text + " (" + own + ")";
    }

    @Override
    public String toString() {
        return text;
    }
}
