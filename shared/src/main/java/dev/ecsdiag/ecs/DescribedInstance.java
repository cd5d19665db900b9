package dev.ecsdiag.ecs;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An instance as DescribeInstances describes it, in the core's terms.
 *
 * @param id     instance id, as returned (not yet checked to be safe as a folder name)
 * @param name   instance name; may be null
 * @param status e.g. {@code Running}; may be null
 * @param tags   its tags, in the answer's order
 */
public record DescribedInstance(String id, String name, String status, Map<String, String> tags) {

    public DescribedInstance {
        tags = tags == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(tags));
    }

    /**
     * One page of a DescribeInstances answer.
     *
     * @param nextToken the token of the next page; null or empty on the last page
     */
    public record Page(java.util.List<DescribedInstance> instances, String nextToken) {
        public Page {
            instances = java.util.List.copyOf(instances);
        }
    }
}
