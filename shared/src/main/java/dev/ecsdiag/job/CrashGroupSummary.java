package dev.ecsdiag.job;

import java.io.Serializable;
import java.util.List;

/**
 * The same crash on several instances.
 *
 * @param signature stable key that groups the crash across instances and builds
 * @param title     title of the crash, as printed
 * @param type      category (syzkaller's TYPE names)
 * @param instances ids of the instances that crashed this way
 * @param history   "new" or e.g. "seen in 4 of the last 10 builds, first in build 312"; null without history
 */
public record CrashGroupSummary(String signature, String title, String type, List<String> instances, String history)
        implements Serializable {

    public CrashGroupSummary {
        instances = List.copyOf(instances);
    }
}
