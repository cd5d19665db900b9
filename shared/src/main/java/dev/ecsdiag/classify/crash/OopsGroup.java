package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The rows that share a header keyword. A line starts a report of this group when it contains
 * {@code header} and none of the {@code suppressions} (look-alikes that are not oopses).
 *
 * @param header       literal keyword, found anywhere in the line
 * @param formats      rows, most specific first
 * @param suppressions look-alike lines that do not start a report
 */
public record OopsGroup(String header, List<OopsFormat> formats, List<Pattern> suppressions) {
}
