package dev.ecsdiag.collect;

import java.nio.file.Path;

/**
 * Where a collection's files go, relative to the output folder (documented in docs/collect.md):
 * <pre>
 * collection.json                      the whole CollectionResult
 * instances/&lt;id&gt;/console.raw         console bytes as fetched (Base64-decoded)
 * instances/&lt;id&gt;/console.txt         the same as text (UTF-8, \n line ends, no escape sequences)
 * instances/&lt;id&gt;/screenshot.png|jpg  the screenshot under its real extension
 * instances/&lt;id&gt;/classification.json what the classifier found in console.txt
 * </pre>
 */
public record OutputLayout(Path root) {

    public static final String COLLECTION_JSON = "collection.json";
    public static final String INSTANCES = "instances";
    public static final String CONSOLE_RAW = "console.raw";
    public static final String CONSOLE_TEXT = "console.txt";
    public static final String CLASSIFICATION_JSON = "classification.json";
    public static final String SCREENSHOT = "screenshot";

    public Path collectionJson() {
        return root.resolve(COLLECTION_JSON);
    }

    /** The instance's folder; the id must have passed {@link InstanceIds#require}. */
    public Path instanceDir(String instanceId) {
        return root.resolve(INSTANCES).resolve(InstanceIds.require(instanceId));
    }

    public Path consoleRaw(String id) {
        return instanceDir(id).resolve(CONSOLE_RAW);
    }

    public Path consoleText(String id) {
        return instanceDir(id).resolve(CONSOLE_TEXT);
    }

    public Path classification(String id) {
        return instanceDir(id).resolve(CLASSIFICATION_JSON);
    }

    public Path screenshot(String id, String extension) {
        return instanceDir(id).resolve(SCREENSHOT + "." + extension);
    }

    /** Where an answer's payload is kept as received when it cannot be decoded. */
    public Path undecodable(String id, String what) {
        return instanceDir(id).resolve(what + ".undecodable.b64");
    }

    /** A path relative to the output folder, with forward slashes, as stored in the result. */
    public String relative(Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
