package dev.ecsdiag.report;

import java.util.List;

/**
 * Crashes of the same signature across instances.
 *
 * @param signature      the classifier's signature
 * @param title          title of the first crash of the group, as its console printed it (the
 *                       signature, not the title, decides the group)
 * @param type           category of that crash
 * @param instances      ids of the instances that crashed this way, in report order
 * @param count          number of those instances
 * @param totalInstances number of instances in the report
 * @param history        whether the signature was seen in earlier builds
 * @param hints          remediation hints whose rules matched the first crash
 */
public record CrashGroup(String signature, String title, String type, List<String> instances, int count,
                         int totalInstances, SignatureHistory history, List<Hint> hints) {

    public CrashGroup {
        instances = List.copyOf(instances);
        hints = List.copyOf(hints);
    }
}
