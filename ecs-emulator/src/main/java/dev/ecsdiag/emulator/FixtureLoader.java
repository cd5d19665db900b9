package dev.ecsdiag.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a fixture fleet: one folder per instance id holding {@code instance.json}, an optional
 * {@code console.log} (raw bytes) and an optional {@code screenshot.png} or {@code screenshot.jpg}.
 * The format is described in {@code docs/emulator.md}. From a directory, console and screenshot
 * files are read again on every call, so a fixture can be live; from the class path (the default
 * fleet, listed in {@code index.txt}) they are read once.
 */
public final class FixtureLoader {

    public static final String INSTANCE_FILE = "instance.json";
    public static final String CONSOLE_FILE = "console.log";
    static final List<String> SCREENSHOT_FILES = List.of("screenshot.png", "screenshot.jpg", "screenshot.jpeg");

    private static final Set<String> KNOWN_FIELDS = Set.of("id", "name", "status", "region", "zone", "instanceType",
            "creationTime", "tags", "lastUpdateTime", "events");
    private static final Set<String> KNOWN_EVENT_FIELDS = Set.of("eventId", "type", "cycleStatus", "publishTime",
            "notBefore", "finishTime", "reason", "impactLevel");
    private static final ObjectMapper JSON = new ObjectMapper();

    private FixtureLoader() {
    }

    /** Every instance folder under {@code dir}; folders without {@code instance.json} are an error. */
    public static List<EmulatedInstance> fromDirectory(Path dir, String defaultRegion) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException("fixtures folder " + dir + " does not exist or is not a folder");
        }
        List<Path> folders = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, Files::isDirectory)) {
            entries.forEach(folders::add);
        }
        folders.sort(null);
        List<EmulatedInstance> out = new ArrayList<>();
        for (Path folder : folders) {
            Path json = folder.resolve(INSTANCE_FILE);
            if (!Files.isRegularFile(json)) {
                throw new IOException("fixture " + folder + " has no " + INSTANCE_FILE);
            }
            EmulatedInstance.Builder b = parse(folder.getFileName().toString(), Files.readAllBytes(json), json.toString(), defaultRegion);
            b.console(ByteSource.liveFile(folder.resolve(CONSOLE_FILE)));
            for (String name : SCREENSHOT_FILES) {
                if (Files.isRegularFile(folder.resolve(name))) {
                    b.screenshot(ByteSource.liveFile(folder.resolve(name)));
                    break;
                }
            }
            out.add(b.build());
        }
        if (out.isEmpty()) {
            throw new IOException("fixtures folder " + dir + " holds no instance folder (expected " + dir
                    + "/<instance-id>/" + INSTANCE_FILE + ")");
        }
        return out;
    }

    /** A fleet shipped as resources: {@code prefix/index.txt} lists the instance folders, one a line. */
    public static List<EmulatedInstance> fromClasspath(String prefix, String defaultRegion) {
        ClassLoader loader = FixtureLoader.class.getClassLoader();
        byte[] index = resource(loader, prefix + "/index.txt");
        if (index == null) {
            throw new IllegalStateException("no fixture index " + prefix + "/index.txt on the class path");
        }
        List<EmulatedInstance> out = new ArrayList<>();
        for (String line : new String(index, StandardCharsets.UTF_8).split("\n")) {
            String id = line.strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            String base = prefix + "/" + id + "/";
            byte[] json = resource(loader, base + INSTANCE_FILE);
            if (json == null) {
                throw new IllegalStateException("fixture " + base + INSTANCE_FILE + " is missing from the class path");
            }
            EmulatedInstance.Builder b = parse(id, json, base + INSTANCE_FILE, defaultRegion);
            byte[] console = resource(loader, base + CONSOLE_FILE);
            b.console(console == null ? new byte[0] : console);
            for (String name : SCREENSHOT_FILES) {
                byte[] image = resource(loader, base + name);
                if (image != null) {
                    b.screenshot(image);
                    break;
                }
            }
            out.add(b.build());
        }
        return out;
    }

    private static byte[] resource(ClassLoader loader, String name) {
        try (InputStream in = loader.getResourceAsStream(name)) {
            return in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    static EmulatedInstance.Builder parse(String folderName, byte[] json, String where, String defaultRegion) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException(where + ": not valid JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException(where + ": expected a JSON object");
        }
        checkFields(root, KNOWN_FIELDS, where);
        String id = text(root, "id", folderName);
        if (!id.equals(folderName)) {
            throw new IllegalArgumentException(where + ": id \"" + id + "\" differs from its folder name \"" + folderName + "\"");
        }
        if (!EmulatedInstance.ID_PATTERN.matcher(id).matches()) {
            throw new IllegalArgumentException(where + ": not an instance id: \"" + id + "\" (expected like i-bp67acfmxazb4ph00001)");
        }
        EmulatedInstance.Builder b = EmulatedInstance.builder(id);
        b.name(text(root, "name", id))
                .status(text(root, "status", "Running"))
                .region(text(root, "region", defaultRegion));
        if (root.hasNonNull("zone")) {
            b.zone(root.get("zone").asText());
        }
        if (root.hasNonNull("instanceType")) {
            b.instanceType(root.get("instanceType").asText());
        }
        if (root.hasNonNull("creationTime")) {
            b.creationTime(root.get("creationTime").asText());
        }
        if (root.hasNonNull("lastUpdateTime")) {
            b.lastUpdateTime(root.get("lastUpdateTime").asText());
        }
        JsonNode tags = root.get("tags");
        if (tags != null && !tags.isNull()) {
            if (!tags.isObject()) {
                throw new IllegalArgumentException(where + ": \"tags\" must be an object of key to value");
            }
            Map<String, String> map = new LinkedHashMap<>();
            tags.properties().forEach(e -> map.put(e.getKey(), e.getValue().asText()));
            b.tags(map);
        }
        JsonNode events = root.get("events");
        if (events != null && !events.isNull()) {
            if (!events.isArray()) {
                throw new IllegalArgumentException(where + ": \"events\" must be an array");
            }
            int n = 0;
            for (JsonNode e : events) {
                String at = where + ": events[" + n++ + "]";
                checkFields(e, KNOWN_EVENT_FIELDS, at);
                try {
                    b.event(new SystemEventFixture(text(e, "eventId", null), text(e, "type", null),
                            text(e, "cycleStatus", null), text(e, "publishTime", null), text(e, "notBefore", null),
                            text(e, "finishTime", null), text(e, "reason", null), text(e, "impactLevel", null)));
                } catch (IllegalArgumentException ex) {
                    throw new IllegalArgumentException(at + ": " + ex.getMessage(), ex);
                }
            }
        }
        return b;
    }

    /** Unknown fields are typos until proven otherwise; fields starting with "_" are comments. */
    private static void checkFields(JsonNode node, Set<String> known, String where) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!known.contains(f) && !f.startsWith("_")) {
                throw new IllegalArgumentException(where + ": unknown field \"" + f + "\" (known: " + new java.util.TreeSet<>(known)
                        + "; prefix a comment field with _)");
            }
        }
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? fallback : v.asText();
    }
}
