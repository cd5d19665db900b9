package dev.ecsdiag.classify.crash;

import java.util.List;

/**
 * What titling a report found.
 *
 * @param title           canonical title
 * @param alts            other canonical titles the same crash goes by (frames as printed, wrapper prefixes off)
 * @param corruptedReason why the report cannot be trusted; null when it can
 * @param guiltyFrame     the function to look at; null when none could be found
 */
record TitledReport(String title, List<String> alts, String corruptedReason, String guiltyFrame) {
}
