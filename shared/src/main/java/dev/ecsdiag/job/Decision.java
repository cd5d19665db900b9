package dev.ecsdiag.job;

import java.io.Serializable;

/**
 * What the job tells the build, under the request's {@link FailurePolicy}. Each front end maps it
 * to its own terms: an exit status, a {@code MojoFailureException}, a Jenkins result.
 *
 * @param failBuild true when the policy says the build must fail
 * @param message   one paragraph for the build log: why it fails, naming each instance and its crash
 *                  title or failure; when it does not fail, what would have been worth a look (may be empty)
 */
public record Decision(boolean failBuild, String message) implements Serializable {

    static Decision pass(String message) {
        return new Decision(false, message);
    }

    static Decision fail(String message) {
        return new Decision(true, message);
    }
}
