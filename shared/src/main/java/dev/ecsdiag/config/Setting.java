package dev.ecsdiag.config;

/**
 * The settings of a collection that a hint may ask a person to change. The core names them in
 * words ({@link #words()}); each front end names its own option when it prints a hint ("--timeout"
 * on the command line, {@code ecsdiag.callTimeout} in Maven, the "Timeout" field in Jenkins), so no
 * front end's vocabulary reaches the core's files.
 */
public enum Setting {
    REGION("the region"),
    ENDPOINT("the endpoint"),
    ACCESS_KEY_ID("the AccessKey ID"),
    ACCESS_KEY_SECRET("the AccessKey secret"),
    SECURITY_TOKEN("the STS security token"),
    INSTANCES("the instance ids"),
    TAGS("the tag filters"),
    FLEET_FILE("the fleet file"),
    CONCURRENCY("the concurrency"),
    CALL_TIMEOUT("the per-call timeout"),
    DEADLINE("the deadline"),
    EVENT_WINDOW("the event window"),
    SAME_INSTANCE_SPACING("the same-instance spacing"),
    OUTPUT_DIRECTORY("the output folder");

    private final String words;

    Setting(String words) {
        this.words = words;
    }

    /** How the core's own messages name this setting, e.g. "the per-call timeout". */
    public String words() {
        return words;
    }
}
