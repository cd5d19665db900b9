package dev.ecsdiag.collect;

import java.time.Instant;
import java.util.List;

/**
 * The result of one collection.
 *
 * @param region     region collected from
 * @param started    when collection started
 * @param finished   when collection finished
 * @param outputDir  absolute path of the output folder
 * @param instances  one outcome per instance, in a stable order (by instance id)
 * @param notFound   instance ids that were asked for but not found
 * @param warnings   problems that concern the collection as a whole (deadline reached, bad fleet file line)
 */
public record CollectionResult(
        String region,
        Instant started,
        Instant finished,
        String outputDir,
        List<InstanceOutcome> instances,
        List<String> notFound,
        List<String> warnings) implements java.io.Serializable {

    public CollectionResult {
        instances = List.copyOf(instances);
        notFound = List.copyOf(notFound);
        warnings = List.copyOf(warnings);
    }
}
