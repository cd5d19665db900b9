package dev.ecsdiag.classify.crash;

import java.util.List;
import java.util.regex.Pattern;

/**
 * One row of the oops table: how to recognise one kind of kernel report and how to title it.
 *
 * @param title        matched (find) on the report's first line; its groups are {@code {1}}, {@code {2}}...
 * @param before       matched (find) on the line the kernel printed just before the header in the same
 *                     printk context, for reports whose header is not their first line (the first was
 *                     lost); null when the row asks nothing of it. When it does not match, the row does
 *                     not apply. Its groups are numbered after the title's
 * @param details      patterns looked for one after the other in the following lines of the report
 *                     (each on a later line than the previous); their groups continue the numbering.
 *                     When one is missing the row does not apply and the next row is tried
 * @param template     title template: {@code {n}} is group n, {@code {f}} the guilty frame,
 *                     {@code {f2}} the frame picked from the second stack of the report
 * @param alts         templates of alternative titles
 * @param stack        where the guilty frame comes from; null when the title needs no frame
 * @param noStackTrace the report normally has no call trace, so a missing one is no corruption
 * @param corrupted    this row only matches reports already known to be damaged
 */
public record OopsFormat(
        Pattern title,
        Pattern before,
        List<Pattern> details,
        String template,
        List<String> alts,
        StackSpec stack,
        boolean noStackTrace,
        boolean corrupted) {
}
