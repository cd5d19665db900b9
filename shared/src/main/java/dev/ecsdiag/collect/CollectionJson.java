package dev.ecsdiag.collect;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/** Reads and writes {@code collection.json} and the per-instance JSON files. */
public final class CollectionJson {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new SimpleModule("ecsdiag-time")
                    .addSerializer(Instant.class, ToStringSerializer.instance)
                    .addDeserializer(Instant.class, new com.fasterxml.jackson.databind.JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(com.fasterxml.jackson.core.JsonParser p,
                                                   com.fasterxml.jackson.databind.DeserializationContext ctxt) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    }))
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CollectionJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Writes {@code value} as JSON, replacing {@code file} whole (never a half-written file). */
    public static void write(Object value, Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        try {
            MAPPER.writeValue(tmp.toFile(), value);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    public static CollectionResult readResult(Path file) throws IOException {
        return MAPPER.readValue(file.toFile(), CollectionResult.class);
    }
}
