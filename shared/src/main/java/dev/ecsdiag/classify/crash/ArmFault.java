package dev.ecsdiag.classify.crash;

/**
 * What arm and arm64 print when the kernel faults on an address, as regex building blocks for the
 * {@link OopsTable} rows that title such an oops whose first line was lost.
 *
 * <p>The kernel prints (arch/arm64/mm/fault.c {@code die_kernel_fault}, arch/arm/mm/fault.c
 * {@code __do_kernel_fault}): {@code Unable to handle kernel KIND at virtual address ADDR}, on
 * arm64 the {@code Mem abort info:} decoding of ESR, then {@code show_pte}'s page-table line
 * {@code [ADDR] pgd=...}, then {@code die("Oops", regs, status)}: {@code Internal error: Oops:
 * STATUS [#1] ...}. When the first line is gone, the page-table line (the line just before {@code
 * Internal error:}) still has the address, and STATUS (arm64's ESR, arm's FSR) the kind of fault.
 * On a translation fault (nothing mapped there) the kernel names the kind by the address alone:
 * below PAGE_SIZE {@code NULL pointer dereference}, else {@code paging request}. Other faults
 * (permission faults: {@code write to read-only memory}, {@code execute from non-executable
 * memory}, {@code access to user memory outside uaccess routines}...) were named differently by
 * different kernel versions, so these blocks do not cover them.
 */
final class ArmFault {

    private ArmFault() {
    }

    /** die()'s line with the fault status {@code status} (a regex), as die_kernel_fault prints it. */
    static String oops(String status) {
        return "Internal error: Oops: " + status + " \\[#[0-9]+\\]";
    }

    /**
     * arm64 ESR (8 hex digits before v5.18, 16 since, their upper half ISS2 zero on these faults;
     * other ISS2 bits leave the kind unproven): EC 0x25 (data abort) or 0x21 (instruction
     * abort) taken in the kernel, so the top byte is 0x94-0x97 or 0x84-0x87; in the low byte S1PTW
     * clear (a fault on the page-table walk itself is pKVM's "hypervisor-protected memory") and the
     * fault status 0b0001LL, a translation fault at level LL.
     */
    static final String ARM64_TRANSLATION_FAULT = "(?:0{8})?[89][4-7][0-9a-f]{4}[04][4-7]";

    /**
     * arm FSR, printed without leading zeros; bit 31 is Linux's mark of a prefetch abort. Short
     * descriptors (the LPAE bit, bit 9, clear): fault status 0x05 (section) or 0x07 (page
     * translation fault), its bits 3:0 in the last digit and FS[4] (bit 10) clear; the digit
     * before is the domain, the one before that holds WnR (bit 11). LPAE (bit 9 set): fault status
     * 0x04-0x07 in the low byte, a translation fault at level 0-3.
     */
    static final String ARM_TRANSLATION_FAULT = "(?:8000)?0*(?:[0189]?[0-9a-f]?[57]|[23ab]0[4-7])";

    /*
     * Addresses as show_pte prints them: arm with 8 hex digits, arm64 with 16 (old arm64 kernels
     * with "%08lx", so a small address has 8). The patterns compare values, whatever the width.
     */

    /** An address below 4 KB, below every PAGE_SIZE of arm and arm64: a NULL pointer dereference. */
    static final String BELOW_4K = "0*[0-9a-f]{1,3}";
    /** An address from 4 KB on, arm's PAGE_SIZE: there a paging request. */
    static final String FROM_4K = "0*[1-9a-f][0-9a-f]{3,}";
    /**
     * An address from 64 KB on, above every PAGE_SIZE of arm64: there a paging request. Between 4
     * and 64 KB the kind depends on arm64's page size, which the page-table line does not say.
     */
    static final String FROM_64K = "0*[1-9a-f][0-9a-f]{4,}";

    /**
     * show_pte's line for {@code address} (a regex): the page-table walk ({@code [addr] *pgd=} on
     * arm and old arm64, {@code [addr] pgd=} on arm64), or arm64's note that there is no table to
     * walk. It is the last line before {@code Internal error:}.
     */
    static String pageTableLine(String address) {
        return "^\\[" + address + "\\] (?:\\*?pgd=|user address but active_mm is swapper"
                + "|address between user and kernel address ranges)";
    }
}
