package dev.ecsdiag.jenkins;

/**
 * When the step collects, judged on the build's result so far. Collection costs API calls and
 * minutes, and a green build rarely needs crash forensics, so only failed builds collect by default.
 */
public enum RunCondition {
    FAILURE("Failed builds only"),
    FAILURE_OR_UNSTABLE("Failed or unstable builds"),
    ALWAYS("Every build");

    private final String displayName;

    RunCondition(String displayName) {
        this.displayName = displayName;
    }

    public String getDisplayName() {
        return displayName;
    }

    /**
     * @param result the name of the build's result so far ({@code SUCCESS}, {@code UNSTABLE},
     *               {@code FAILURE}, {@code NOT_BUILT}, {@code ABORTED}); null while nothing has set
     *               one, which Jenkins treats as a success
     */
    public boolean appliesTo(String result) {
        String r = result == null ? "SUCCESS" : result;
        return switch (this) {
            case ALWAYS -> true;
            case FAILURE -> r.equals("FAILURE");
            case FAILURE_OR_UNSTABLE -> r.equals("FAILURE") || r.equals("UNSTABLE");
        };
    }

    /** The condition a form or Pipeline names, or the default for blank. */
    public static RunCondition of(String name) {
        return name == null || name.isBlank() ? FAILURE : valueOf(name.strip());
    }
}
