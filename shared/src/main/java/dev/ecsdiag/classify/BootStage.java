package dev.ecsdiag.classify;

import com.fasterxml.jackson.annotation.JsonValue;

/** How far a boot got, in the order a Linux boot passes through them. */
public enum BootStage {
    /** Firmware or boot loader output only; the kernel never printed its banner. */
    BOOTLOADER("bootloader"),
    /** {@code Linux version ...} was printed. */
    KERNEL("kernel"),
    /** The initramfs was unpacked or its init ran. */
    INITRAMFS("initramfs"),
    /** The root filesystem was mounted. */
    ROOT_MOUNTED("root-mounted"),
    /** {@code /sbin/init}, systemd or another init started in the real root. */
    INIT("init"),
    /** A login prompt or shell prompt appeared: user space works. */
    LOGIN("login");

    private final String id;

    BootStage(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }
}
