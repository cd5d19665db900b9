package dev.ecsdiag.classify;

import dev.ecsdiag.classify.crash.Crash;
import java.util.List;

/**
 * Everything the classifier found in one console log.
 *
 * @param verdict  one word for the whole log
 * @param crashes  every crash report, in log order
 * @param boots    every boot, in log order
 * @param findings OOM kills, storage failures, boot failures, in log order
 * @param lines    number of lines read
 * @param bytes    number of bytes read
 */
public record Classification(
        Verdict verdict,
        List<Crash> crashes,
        List<Boot> boots,
        List<Finding> findings,
        long lines,
        long bytes) implements java.io.Serializable {

    public Classification {
        crashes = List.copyOf(crashes);
        boots = List.copyOf(boots);
        findings = List.copyOf(findings);
    }
}
