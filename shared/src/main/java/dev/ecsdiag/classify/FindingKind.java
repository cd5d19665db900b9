package dev.ecsdiag.classify;

import com.fasterxml.jackson.annotation.JsonValue;

/** Kinds of findings that are not kernel oopses but still explain a dead or sick VM. */
public enum FindingKind {
    OOM_KILL("oom-kill"),
    STORAGE_IO_ERROR("storage-io-error"),
    FILESYSTEM_SHUTDOWN("filesystem-shutdown"),
    FILESYSTEM_READ_ONLY("filesystem-read-only"),
    /** A filesystem reported an error (ext4, XFS corruption, btrfs) without, yet, shutting down. */
    FILESYSTEM_ERROR("filesystem-error"),
    BOOT_FAILURE("boot-failure"),
    UNEXPECTED_REBOOT("unexpected-reboot");

    private final String id;

    FindingKind(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
