package dev.ecsdiag.collect;

/**
 * Console output fetched for an instance and written to disk.
 *
 * @param rawFile        path of the raw bytes as fetched (Base64-decoded), relative to the output folder
 * @param textFile       path of the text decoded for people and the classifier, relative to the output folder
 * @param bytes          size of the raw output in bytes
 * @param lastUpdateTime the service's {@code LastUpdateTime}, kept as returned (its format varies)
 * @param requestId      the service's request id
 */
public record ConsoleCapture(String rawFile, String textFile, long bytes, String lastUpdateTime, String requestId) implements java.io.Serializable {
}
