package dev.ecsdiag.collect;

import dev.ecsdiag.classify.Verdict;
import java.io.Serializable;

/**
 * The verdict of one instance and the one line that says why.
 *
 * @param verdict the instance's verdict
 * @param reason  why, for people: the title of the worst crash, the boot's failure, the finding, or
 *                why nothing could be judged
 * @param title   the title of the crash or failure that decided, as printed; null when none did
 *                (healthy, not collected, empty console)
 * @param platformEvent type of the platform failure event on the instance (e.g. {@code SystemFailure.Stop}),
 *                whatever the verdict; null when there was none
 * @param source  which evidence gave the verdict: {@code console}, {@code screen}, {@code events} (a platform
 *                fault) or {@code none} (nothing could be judged)
 */
public record InstanceVerdict(Verdict verdict, String reason, String title, String platformEvent, String source)
        implements Serializable {

    public static final String CONSOLE = "console";
    public static final String SCREEN = "screen";
}
