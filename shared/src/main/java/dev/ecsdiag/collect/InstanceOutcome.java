package dev.ecsdiag.collect;

import dev.ecsdiag.ecs.SystemEvent;
import dev.ecsdiag.classify.Classification;
import java.util.List;
import java.util.Map;

/**
 * Everything collected for one instance. Parts that failed are null and explained in
 * {@link #failures()}; parts that succeeded are kept whatever else failed.
 *
 * @param instanceId     validated ECS instance id
 * @param name           instance name from DescribeInstances; null when not described
 * @param status         instance status (e.g. {@code Running}); null when not described
 * @param tags           instance tags
 * @param console        console output; null when not fetched
 * @param screenshot     screenshot; null when not fetched
 * @param events         platform events around the build
 * @param failures       calls that failed
 * @param classification classification of the console text; null when there was no console output
 */
public record InstanceOutcome(
        String instanceId,
        String name,
        String status,
        Map<String, String> tags,
        ConsoleCapture console,
        ScreenshotCapture screenshot,
        List<SystemEvent> events,
        List<CallFailure> failures,
        Classification classification) implements java.io.Serializable {

    public InstanceOutcome {
        tags = tags == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tags));
        events = List.copyOf(events);
        failures = List.copyOf(failures);
    }
}
