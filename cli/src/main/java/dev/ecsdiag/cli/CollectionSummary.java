package dev.ecsdiag.cli;

import dev.ecsdiag.collect.CallFailure;
import dev.ecsdiag.collect.CollectionResult;
import dev.ecsdiag.collect.InstanceOutcome;
import dev.ecsdiag.collect.OutputLayout;
import dev.ecsdiag.collect.SystemEvent;
import dev.ecsdiag.ecs.ErrorHints;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The short end-of-run summary: one line per instance with its verdict, then where the files are. */
final class CollectionSummary {

    private CollectionSummary() {
    }

    static void print(PrintWriter out, CollectionResult result, Optional<Path> report) {
        out.println();
        out.println(result.instances().size() + " instance" + (result.instances().size() == 1 ? "" : "s") + " in " + result.region() + ":");
        int width = result.instances().stream().mapToInt(o -> o.instanceId().length()).max().orElse(10);
        for (InstanceOutcome o : result.instances()) {
            out.println("  " + pad(o.instanceId(), width) + "  " + pad(verdict(o), 15) + "  " + details(o));
        }
        for (String id : result.notFound()) {
            out.println("  " + pad(id, width) + "  " + pad("not found", 15));
        }
        out.println();
        Path root = Path.of(result.outputDir());
        out.println("output:  " + root);
        out.println("summary: " + root.resolve(OutputLayout.COLLECTION_JSON));
        report.ifPresent(page -> out.println("report:  " + page));
        out.flush();
    }

    /** The classifier's verdict, or why there is none. */
    static String verdict(InstanceOutcome o) {
        if (o.console() != null && o.console().bytes() == 0) {
            return "empty console"; // nothing to classify: "healthy" would claim too much
        }
        if (o.classification() != null) {
            return o.classification().verdict().id();
        }
        return o.console() == null ? "no console" : "unclassified";
    }

    private static String details(InstanceOutcome o) {
        StringBuilder sb = new StringBuilder();
        if (o.name() != null) {
            sb.append(o.name());
        }
        long platform = o.events().stream().filter(SystemEvent::platformFault).count();
        if (platform > 0) {
            String type = o.events().stream().filter(SystemEvent::platformFault).map(SystemEvent::type).findFirst().orElse("");
            sb.append(sb.length() > 0 ? "; " : "").append("platform event ").append(type);
        }
        for (CallFailure f : o.failures()) {
            sb.append(sb.length() > 0 ? "; " : "").append(f.call()).append(": ").append(f.code());
        }
        return sb.toString();
    }

    /** A message when every instance failed on its credentials: the command then exits 4. */
    static Optional<String> credentialProblem(CollectionResult result) {
        List<InstanceOutcome> all = result.instances();
        if (all.isEmpty()) {
            return result.warnings().stream().filter(w -> w.startsWith("DescribeInstances failed")
                    && ErrorHints.isCredentialProblem(codeIn(w))).findFirst();
        }
        for (InstanceOutcome o : all) {
            if (o.failures().stream().noneMatch(f -> ErrorHints.isCredentialProblem(f.code()))) {
                return Optional.empty();
            }
        }
        CallFailure f = all.get(0).failures().stream().filter(x -> ErrorHints.isCredentialProblem(x.code())).findFirst().orElseThrow();
        return Optional.of(f.code() + ": " + f.hint());
    }

    private static String codeIn(String warning) {
        String rest = warning.replaceFirst("^DescribeInstances failed:? \\(?", "");
        int end = rest.indexOf(':');
        return end < 0 ? rest : rest.substring(0, end).trim();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
