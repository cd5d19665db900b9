package dev.ecsdiag.report;

/**
 * A remediation hint: what probably caused something and what to do next.
 *
 * @param rule   id of the rule that matched
 * @param cause  likely cause
 * @param hint   next step
 * @param link   where to read more; null when none
 * @param source {@code built-in} or the path of the user rules file
 */
public record Hint(String rule, String cause, String hint, String link, String source) {
}
