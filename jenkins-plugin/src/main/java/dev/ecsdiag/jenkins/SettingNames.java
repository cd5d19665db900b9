package dev.ecsdiag.jenkins;

import dev.ecsdiag.config.Setting;

/** How the step names the core's settings in hints: the form's label and the Pipeline parameter. */
final class SettingNames {

    private SettingNames() {
    }

    static String of(Setting setting) {
        return switch (setting) {
            case REGION -> "Region (region)";
            case ENDPOINT -> "Endpoint (endpoint)";
            case ACCESS_KEY_ID, ACCESS_KEY_SECRET, SECURITY_TOKEN -> "Credentials (credentialsId)";
            case INSTANCES -> "Instance IDs (instanceIds)";
            case TAGS -> "Tags (tags)";
            case FLEET_FILE -> "Fleet file (fleetFile)";
            case CALL_TIMEOUT -> "Timeout (timeout)";
            case DEADLINE -> "Deadline (deadline)";
            // Not offered by the step: the core's defaults apply.
            case CONCURRENCY, EVENT_WINDOW, SAME_INSTANCE_SPACING, OUTPUT_DIRECTORY -> null;
        };
    }
}
