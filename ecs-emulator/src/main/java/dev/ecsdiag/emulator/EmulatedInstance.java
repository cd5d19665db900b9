package dev.ecsdiag.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One instance the emulator serves: what DescribeInstances says about it, where its console
 * output and screenshot come from, and its platform events. Immutable; replace it in the
 * {@link Fleet} to change it.
 *
 * @param id             instance id, e.g. {@code i-bp67acfmxazb4ph****}
 * @param name           instance name
 * @param status         {@code Running}, {@code Stopped}, {@code Starting}, {@code Stopping} or {@code Pending}
 * @param regionId       e.g. {@code cn-hangzhou}
 * @param zoneId         e.g. {@code cn-hangzhou-h}
 * @param instanceType   e.g. {@code ecs.g7.large}
 * @param creationTime   ISO 8601 UTC
 * @param tags           tag key to value, in order
 * @param console        serial console output, read on every call
 * @param screenshot     screen image (PNG or JPEG), read on every call; null for a blank screen
 * @param lastUpdateTime raw {@code LastUpdateTime} to answer; null to derive it from the console source
 * @param events         platform events
 */
public record EmulatedInstance(
        String id,
        String name,
        String status,
        String regionId,
        String zoneId,
        String instanceType,
        String creationTime,
        Map<String, String> tags,
        ByteSource console,
        ByteSource screenshot,
        String lastUpdateTime,
        List<SystemEventFixture> events) {

    /** What an ECS instance id may look like here: safe as a file name, as the collector requires. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z][a-z0-9]{0,7}-[A-Za-z0-9]{1,64}");

    public EmulatedInstance {
        Objects.requireNonNull(id, "id");
        if (!ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException("not an instance id: \"" + id + "\" (expected like i-bp67acfmxazb4ph00001)");
        }
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(regionId, "regionId");
        tags = Collections.unmodifiableMap(new LinkedHashMap<>(tags == null ? Map.of() : tags));
        console = console == null ? ByteSource.of(new byte[0]) : console;
        events = List.copyOf(events == null ? List.of() : events);
    }

    public static Builder builder(String id) {
        return new Builder(id);
    }

    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.name = name;
        b.status = status;
        b.regionId = regionId;
        b.zoneId = zoneId;
        b.instanceType = instanceType;
        b.creationTime = creationTime;
        b.tags.putAll(tags);
        b.console = console;
        b.screenshot = screenshot;
        b.lastUpdateTime = lastUpdateTime;
        b.events.addAll(events);
        return b;
    }

    public EmulatedInstance withStatus(String newStatus) {
        return toBuilder().status(newStatus).build();
    }

    public boolean running() {
        return "Running".equals(status);
    }

    /** Fluent construction for tests and the fixture loader. */
    public static final class Builder {
        private final String id;
        private String name;
        private String status = "Running";
        private String regionId = EcsEmulator.DEFAULT_REGION;
        private String zoneId;
        private String instanceType = "ecs.g7.large";
        private String creationTime = "2026-11-25T08:00:00Z";
        private final Map<String, String> tags = new LinkedHashMap<>();
        private ByteSource console;
        private ByteSource screenshot;
        private String lastUpdateTime;
        private final List<SystemEventFixture> events = new ArrayList<>();

        private Builder(String id) {
            this.id = id;
            this.name = id;
        }

        public Builder name(String v) { name = v; return this; }
        public Builder status(String v) { status = v; return this; }
        public Builder region(String v) { regionId = v; return this; }
        public Builder zone(String v) { zoneId = v; return this; }
        public Builder instanceType(String v) { instanceType = v; return this; }
        public Builder creationTime(String v) { creationTime = v; return this; }
        public Builder tag(String key, String value) { tags.put(key, value); return this; }
        public Builder tags(Map<String, String> v) { tags.putAll(v); return this; }
        public Builder console(byte[] v) { console = ByteSource.of(v); return this; }
        public Builder console(String text) { return console(text.getBytes(StandardCharsets.UTF_8)); }
        /** A live console: e.g. {@code ByteSource.liveFile(serialLog)} for a running VM. */
        public Builder console(ByteSource v) { console = v; return this; }
        public Builder screenshot(byte[] v) { screenshot = ByteSource.of(v); return this; }
        public Builder screenshot(ByteSource v) { screenshot = v; return this; }
        public Builder lastUpdateTime(String v) { lastUpdateTime = v; return this; }
        public Builder event(SystemEventFixture v) { events.add(v); return this; }
        public Builder events(List<SystemEventFixture> v) { events.addAll(v); return this; }

        public EmulatedInstance build() {
            String zone = zoneId != null ? zoneId : regionId + "-h";
            return new EmulatedInstance(id, name, status, regionId, zone, instanceType, creationTime, tags,
                    console, screenshot, lastUpdateTime, events);
        }
    }
}
