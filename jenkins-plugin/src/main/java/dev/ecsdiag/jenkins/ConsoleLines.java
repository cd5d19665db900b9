package dev.ecsdiag.jenkins;

import dev.ecsdiag.config.Hint;
import dev.ecsdiag.job.JobResult;
import dev.ecsdiag.job.SummaryLines;
import java.util.ArrayList;
import java.util.List;

/** What the step prints once the job is done: the core's summary lines, in the step's words where it adds any. */
final class ConsoleLines {

    private ConsoleLines() {
    }

    static List<String> of(JobResult r, boolean archived) {
        List<String> lines = new ArrayList<>();
        if (!r.outcome().ran()) {
            lines.add("WARNING: could not collect: " + r.message());
        } else if (!r.message().isEmpty()) {
            lines.add("WARNING: " + r.message());
        }
        for (Hint h : r.hints()) {
            lines.add("  hint: " + h.render(SettingNames::of));
        }
        if (r.outcome().ran()) {
            lines.addAll(r.summaryLines());
            SummaryLines.crashGroups(r).forEach(g -> lines.add("  crash: " + g));
        }
        if (r.reportProblem() != null) {
            lines.add("WARNING: " + r.reportProblem());
        }
        if (archived) {
            lines.add("report archived under " + StepRequest.FOLDER + "/"
                    + (r.reportIndex() == null ? "" : " (" + StepRequest.FOLDER + "/index.html, "
                    + StepRequest.FOLDER + "/junit.xml for the junit step)"));
        }
        if (!r.decision().failBuild() && !r.decision().message().isEmpty()) {
            lines.add(r.decision().message());
        }
        return lines;
    }
}
