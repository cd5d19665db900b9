package dev.ecsdiag.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Crash signatures of earlier builds, read from their {@code report.json}. Only what history needs
 * is kept (build label, time, signatures and the first build each signature was seen in), so many
 * previous reports cost little memory.
 */
public final class ReportHistory {

    private record PastBuild(String label, String generatedAt, Set<String> signatures,
                             java.util.Map<String, String> firstBuilds) {
    }

    private final List<PastBuild> all;
    private final List<PastBuild> window;

    private ReportHistory(List<PastBuild> all, int windowSize) {
        this.all = all;
        this.window = all.subList(Math.max(0, all.size() - windowSize), all.size());
    }

    /**
     * Reads previous reports; one that cannot be read is reported to {@code warnings} and left out.
     *
     * @param windowSize how many of the most recent reports count for "seen in N of the last M builds"
     */
    public static ReportHistory load(List<Path> reports, int windowSize, Consumer<String> warnings) {
        ObjectMapper json = new ObjectMapper();
        List<PastBuild> builds = new ArrayList<>();
        for (Path file : reports) {
            try {
                JsonNode root = json.readTree(file.toFile());
                if (root == null || !root.has("schemaVersion") || !root.path("crashGroups").isArray()) {
                    warnings.accept("previous report " + file + " was not used: it is not an ecsdiag report.json");
                    continue;
                }
                String generatedAt = root.path("generatedAt").asText("");
                String label = root.path("build").isTextual() ? root.path("build").asText() : "of " + generatedAt;
                Set<String> signatures = new HashSet<>();
                java.util.Map<String, String> firstBuilds = new java.util.HashMap<>();
                for (JsonNode group : root.path("crashGroups")) {
                    String signature = group.path("signature").asText(null);
                    if (signature == null) {
                        continue;
                    }
                    signatures.add(signature);
                    JsonNode first = group.path("history").path("firstBuild");
                    if (first.isTextual()) {
                        firstBuilds.put(signature, first.asText());
                    }
                }
                builds.add(new PastBuild(label, generatedAt, signatures, firstBuilds));
            } catch (IOException e) {
                warnings.accept("previous report " + file + " was not used: " + e.getMessage());
            }
        }
        builds.sort(Comparator.comparing(PastBuild::generatedAt));
        return new ReportHistory(builds, windowSize);
    }

    public static ReportHistory none() {
        return new ReportHistory(List.of(), 1);
    }

    /** How many previous builds were read. */
    public int builds() {
        return all.size();
    }

    public SignatureHistory of(String signature) {
        if (all.isEmpty()) {
            return SignatureHistory.unknown();
        }
        List<String> seenIn = new ArrayList<>();
        for (PastBuild b : window) {
            if (b.signatures().contains(signature)) {
                seenIn.add(b.label());
            }
        }
        String first = null;
        for (PastBuild b : all) {
            if (b.signatures().contains(signature)) {
                first = b.firstBuilds().getOrDefault(signature, b.label());
                break;
            }
        }
        return new SignatureHistory(first == null ? "new" : "recurring", seenIn.size(), window.size(), first, seenIn);
    }
}
