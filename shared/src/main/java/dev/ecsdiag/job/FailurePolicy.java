package dev.ecsdiag.job;

import dev.ecsdiag.classify.Verdict;
import dev.ecsdiag.config.InvalidRequestException;
import dev.ecsdiag.config.Setting;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What fails the build: the verdicts that fail it (none by default) and whether a collection that
 * could not run fails it (no by default). Diagnostics never fail a build unless asked to.
 *
 * @param failOn      verdicts that fail the build when any instance has one of them
 * @param failOnError fail the build when the collection could not run (refused credentials,
 *                    unreachable endpoint, unknown region, unreadable fleet file, bad configuration)
 */
public record FailurePolicy(Set<Verdict> failOn, boolean failOnError) implements Serializable {

    private static final FailurePolicy NEVER = new FailurePolicy(Set.of(), false);

    public FailurePolicy {
        failOn = failOn == null || failOn.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(failOn));
    }

    /** Never fail the build: the default. */
    public static FailurePolicy never() {
        return NEVER;
    }

    public static FailurePolicy of(Collection<Verdict> failOn, boolean failOnError) {
        return new FailurePolicy(failOn == null || failOn.isEmpty() ? Set.of() : EnumSet.copyOf(failOn), failOnError);
    }

    /**
     * Verdicts from a front end's text, e.g. {@code "crash, boot-failure"} (comma or space separated;
     * the verdicts' ids, case-insensitive; blank means none).
     *
     * @throws InvalidRequestException (USAGE) naming the unknown word and the accepted ones
     */
    public static Set<Verdict> parseVerdicts(String text) {
        List<Verdict> verdicts = new ArrayList<>();
        if (text != null) {
            for (String word : text.split("[,\\s]+")) {
                if (!word.isBlank()) {
                    verdicts.add(parseVerdict(word));
                }
            }
        }
        return verdicts.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(verdicts));
    }

    /** @throws InvalidRequestException (USAGE) naming the unknown word and the accepted ones */
    public static Verdict parseVerdict(String word) {
        try {
            return Verdict.fromId(word);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(InvalidRequestException.Kind.USAGE, (Setting) null,
                    "'" + word + "' is not a verdict; fail-on takes " + Verdict.ids());
        }
    }
}
