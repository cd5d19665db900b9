package dev.ecsdiag.job;

import dev.ecsdiag.classify.Verdict;
import java.io.Serializable;
import java.util.List;

/**
 * One instance as a front end shows it: the verdict and the one line that says why.
 *
 * @param instanceId    ECS instance id
 * @param name          instance name; null when it was not described
 * @param verdict       the instance's verdict
 * @param reason        why, for people (the worst crash's title, the boot's failure, why nothing was collected)
 * @param title         the crash or failure title that decided, as printed; null for healthy, empty or not collected
 * @param platformEvent a platform failure event on the instance ({@code SystemFailure.Stop}); null when none
 * @param screenshot    the screenshot's path relative to the output folder; null when none was fetched
 * @param thumbnail     its thumbnail's path relative to the output folder; null when none was made
 * @param failedCalls   calls that failed for this instance, as {@code CALL: CODE}
 * @param verdictSource which evidence gave the verdict: {@code console}, {@code screen} (the screenshot read as
 *                      text), {@code events} (a platform fault) or {@code none}
 */
public record InstanceSummary(String instanceId, String name, Verdict verdict, String reason, String title,
                              String platformEvent, String screenshot, String thumbnail, List<String> failedCalls,
                              String verdictSource)
        implements Serializable {

    public InstanceSummary {
        failedCalls = List.copyOf(failedCalls);
    }
}
