package dev.ecsdiag.config;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

/**
 * Why a file a person named could not be read, in a few words ({@code no such file},
 * {@code permission denied}, {@code is a directory}): Java's exceptions carry only the path as
 * their message ({@code NoSuchFileException: /nope.txt}), which says nothing the person did not know.
 */
public final class FileProblems {

    private FileProblems() {
    }

    public static String reason(Exception e, Path file) {
        Throwable cause = e instanceof java.io.UncheckedIOException u && u.getCause() != null ? u.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return "no such file";
        }
        if (cause instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (cause instanceof NotDirectoryException) {
            return "a folder on its path is a file";
        }
        if (cause instanceof CharacterCodingException) {
            return "not UTF-8 text";
        }
        if (file != null && Files.isDirectory(file)) {
            return "is a directory";
        }
        String message = cause.getMessage();
        if (message == null || message.isBlank() || file != null && message.equals(file.toString())) {
            return cause.getClass().getSimpleName();
        }
        return message;
    }

    /** As {@link #reason(Exception, Path)} for an {@link IOException}. */
    public static String reason(IOException e, Path file) {
        return reason((Exception) e, file);
    }
}
