package dev.ecsdiag.emulator;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Where an instance's console output or screenshot comes from, read again on every call so that a
 * source can be live (a running VM's serial log, a fresh screen dump).
 */
@FunctionalInterface
public interface ByteSource {

    /** The bytes as of now; an empty array when there is nothing yet. */
    byte[] read() throws IOException;

    /**
     * The bytes as a stream, so that a large console log is sent without being held in memory;
     * by default over {@link #read()}.
     */
    default InputStream open() throws IOException {
        return new ByteArrayInputStream(read());
    }

    /** When the content last changed, for {@code LastUpdateTime}; null when unknown. */
    default Instant lastModified() {
        return null;
    }

    /** Fixed content, copied. */
    static ByteSource of(byte[] bytes) {
        byte[] copy = bytes.clone();
        return () -> copy;
    }

    /**
     * A file read on every call: a missing file reads as empty (the VM has written nothing yet).
     * Its modification time is the {@code LastUpdateTime}.
     */
    static ByteSource liveFile(Path file) {
        return new ByteSource() {
            @Override
            public byte[] read() throws IOException {
                try {
                    return Files.readAllBytes(file);
                } catch (NoSuchFileException e) {
                    return new byte[0];
                }
            }

            @Override
            public InputStream open() throws IOException {
                try {
                    return Files.newInputStream(file);
                } catch (NoSuchFileException e) {
                    return InputStream.nullInputStream();
                }
            }

            @Override
            public Instant lastModified() {
                try {
                    return Files.getLastModifiedTime(file).toInstant();
                } catch (IOException e) {
                    return null;
                }
            }

            @Override
            public String toString() {
                return "live file " + file;
            }
        };
    }
}
