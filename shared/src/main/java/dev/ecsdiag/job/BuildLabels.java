package dev.ecsdiag.job;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * This build's label when a CI system says it in the environment, so that every front end labels
 * reports the same way without being told: Jenkins' {@code BUILD_NUMBER}, GitLab's
 * {@code CI_PIPELINE_IID}, GitHub Actions' {@code GITHUB_RUN_NUMBER}, then Buildkite, CircleCI,
 * Travis, Azure Pipelines and TeamCity.
 */
public final class BuildLabels {

    /** Tried in this order; the first that is set wins. */
    public static final List<String> VARIABLES = List.of("BUILD_NUMBER", "CI_PIPELINE_IID", "GITHUB_RUN_NUMBER",
            "BUILDKITE_BUILD_NUMBER", "CIRCLE_BUILD_NUM", "TRAVIS_BUILD_NUMBER", "BUILD_BUILDNUMBER");

    private BuildLabels() {
    }

    public static Optional<String> fromEnvironment(Map<String, String> environment) {
        for (String name : VARIABLES) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return Optional.of(value.strip());
            }
        }
        return Optional.empty();
    }
}
