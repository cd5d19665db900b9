package dev.ecsdiag.jenkins;

import dev.ecsdiag.job.DiagnosticsJob;
import dev.ecsdiag.job.JobRequest;
import dev.ecsdiag.job.JobResult;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the job where the workspace is: the agent usually has the network path to the fleet's
 * region, and the API traffic stays off the controller. It carries the request (credentials only as
 * the values the calls need, never in {@link #toString()}) and the listener, and gives back the
 * result with the files to archive. Paths are resolved here, against the workspace.
 */
final class CollectOnAgent extends MasterToSlaveFileCallable<CollectOnAgent.Collected> {

    private static final long serialVersionUID = 1L;

    private final JobRequest request;
    private final List<byte[]> previousReports;
    private final TaskListener listener;

    /**
     * @param previousReports report.json of earlier builds, read from their artifacts on the
     *                        controller, so that each crash is marked new or recurring
     */
    CollectOnAgent(JobRequest request, List<byte[]> previousReports, TaskListener listener) {
        this.request = request;
        this.previousReports = List.copyOf(previousReports);
        this.listener = listener;
    }

    JobRequest request() {
        return request;
    }

    @Override
    public Collected invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
        Path ws = workspace.toPath();
        Path output = ws.resolve(StepRequest.FOLDER);
        deleteRecursively(output); // an earlier build's files must not be archived with this one's
        JobRequest.Builder here = request.toBuilder().outputDirectory(output);
        if (request.fleetFile() != null) {
            here.fleetFile(ws.resolve(request.fleetFile().toString()));
        }
        // Outside the output folder, so that the earlier builds' reports are not archived again.
        Path history = previousReports.isEmpty() ? null : Files.createTempDirectory("ecsdiag-history-");
        try {
            if (history != null) {
                List<Path> files = new java.util.ArrayList<>();
                for (int i = 0; i < previousReports.size(); i++) {
                    files.add(Files.write(history.resolve("report-" + i + ".json"), previousReports.get(i)));
                }
                here.previousReports(files);
            }
            // A cancelled run still comes back (outcome CANCELLED, interrupt flag set) so that what was
            // fetched is archived.
            JobResult result = new DiagnosticsJob().run(here.build(), new ListenerProgress(listener.getLogger()));
            return new Collected(result, filesUnder(output));
        } finally {
            if (history != null) {
                deleteRecursively(history);
            }
        }
    }

    /** The output folder's files, relative and '/'-separated, as the artifact manager wants them. */
    static List<String> filesUnder(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> folder.relativize(p).toString().replace(File.separatorChar, '/'))
                    .sorted()
                    .toList();
        }
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    @Override
    public String toString() {
        return "CollectOnAgent" + request; // the request's text holds no secret
    }

    /**
     * What comes back from the agent.
     *
     * @param result the job's result
     * @param files  the output folder's files, relative to it
     */
    record Collected(JobResult result, List<String> files) implements Serializable {
        private static final long serialVersionUID = 1L;

        /** For the artifact manager: path in the build's artifacts to path in the workspace, both under {@code ecsdiag/}. */
        Map<String, String> artifacts() {
            Map<String, String> map = new LinkedHashMap<>();
            for (String f : files) {
                map.put(StepRequest.FOLDER + "/" + f, StepRequest.FOLDER + "/" + f);
            }
            return map;
        }
    }
}
