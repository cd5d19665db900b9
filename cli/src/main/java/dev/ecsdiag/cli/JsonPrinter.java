package dev.ecsdiag.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ecsdiag.classify.Classification;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * JSON Lines: one compact object per file, on one line, written as soon as the file is classified
 * (a consumer can stream them; {@code jq -s} turns them into an array). The records of the
 * classifier are serialised as they are, field for field.
 */
final class JsonPrinter implements ClassificationPrinter {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final PrintWriter out;

    JsonPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    public void print(String file, Classification result) {
        write(object(file, result));
    }

    /** The console fields, then {@code source: "screen"}, the grid, the rule that decided and the rows read. */
    @Override
    public void printScreen(String file, dev.ecsdiag.screen.ScreenReading screen) {
        Map<String, Object> object = object(file, screen.classification().classification());
        object.put("source", "screen");
        object.put("screenFormat", screen.format());
        object.put("screenGrid", screen.text().grid());
        object.put("screenRule", screen.classification().rule());
        object.put("decidingRows", screen.classification().decidingRows());
        object.put("screenText", screen.text().lines());
        write(object);
    }

    private static Map<String, Object> object(String file, Classification result) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("file", file);
        object.put("verdict", result.verdict());
        object.put("crashes", result.crashes());
        object.put("boots", result.boots());
        object.put("findings", result.findings());
        object.put("lines", result.lines());
        object.put("bytes", result.bytes());
        return object;
    }

    private void write(Map<String, Object> object) {
        try {
            out.println(MAPPER.writeValueAsString(object));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
