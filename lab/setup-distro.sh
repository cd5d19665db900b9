#!/usr/bin/env bash
# Prepares the lab's distribution boots, as root: the initramfs images Debian itself builds for the
# lab's kernel (initramfs-tools; dracut with systemd in it; dracut without systemd) and a root disk
# whose file system e2fsck -p cannot mend. The scenarios that boot them (initramfs-tools-*,
# dracut-*) capture the emergency paths of real initramfs code rather than of the lab's own /init.
#
# Idempotent: everything lands in lab/work/distro/ (git-ignored) and is reused when already there.
# Needs lab/setup.sh first (it pins the kernel). About 3 minutes and 1.9 GB (two chroots with the kernel) the first time.
#
#   sudo lab/setup-distro.sh
set -euo pipefail

LAB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$LAB/work
DISTRO=$WORK/distro
MIRROR=${LAB_DEBIAN_MIRROR:-http://deb.debian.org/debian}
SUITE=bookworm

log() { printf 'lab setup-distro: %s\n' "$*" >&2; }
die() { printf 'lab setup-distro: error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (it installs Debian packages and builds chroots)"
[ -s "$WORK/kernel-abi" ] && [ -s "$WORK/kernel-version" ] || die "run lab/setup.sh first (it pins the kernel)"
release=$(cat "$WORK/kernel-abi")-amd64
version=$(cat "$WORK/kernel-version")
mkdir -p "$DISTRO/debs"

need=()
command -v debootstrap >/dev/null || need+=(debootstrap)
command -v mkfs.ext4 >/dev/null && command -v debugfs >/dev/null || need+=(e2fsprogs)
if [ ${#need[@]} -gt 0 ]; then
    log "installing ${need[*]}"
    apt-get -o DPkg::Lock::Timeout=900 -y -q update >/dev/null
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -y -q install --no-install-recommends "${need[@]}" >/dev/null
fi

# The very kernel package the lab boots (same Debian revision), so that the initramfs holds its modules.
deb=$DISTRO/debs/linux-image-${release}_${version}_amd64.deb
if [ ! -s "$deb" ]; then
    log "downloading linux-image-$release $version"
    (cd "$DISTRO/debs" && apt-get -q download "linux-image-$release=$version" 2>&1 | grep -v 'Download is performed unsandboxed' >&2 || true)
    [ -s "$deb" ] || die "linux-image-$release $version could not be downloaded"
fi

# Runs a command in a chroot with /proc mounted (the generators read it), its output in a log.
in_chroot() {
    local dir=$1 logfile=$2
    shift 2
    mount -t proc proc "$dir/proc"
    trap 'umount "'"$dir"'/proc" 2>/dev/null || true' EXIT
    chroot "$dir" "$@" > "$logfile" 2>&1 || die "$1 failed in $dir, see $logfile"
    umount "$dir/proc"
    trap - EXIT
}

# One chroot per initramfs generator: Debian's initramfs-tools and dracut conflict as packages.
# Installing the kernel package there runs the generator's own kernel hook, as on a real machine.
chroot_with() {
    local name=$1 packages=$2 dir=$DISTRO/$1
    if [ ! -f "$dir/boot/initrd.img-$release" ]; then
        if [ ! -x "$dir/usr/bin/apt-get" ]; then
            log "debootstrap $SUITE ($name: $packages)"
            rm -rf "$dir"
            debootstrap --variant=minbase --include="$packages" "$SUITE" "$dir" "$MIRROR" > "$DISTRO/$name.debootstrap.log" 2>&1 \
                || die "debootstrap failed, see $DISTRO/$name.debootstrap.log"
        fi
        log "installing the kernel in the $name chroot (its hook builds the initramfs)"
        cp "$deb" "$dir/tmp/"
        in_chroot "$dir" "$DISTRO/$name.kernel.log" \
            env DEBIAN_FRONTEND=noninteractive apt-get -q -y install --no-install-recommends "/tmp/$(basename "$deb")"
        [ -f "$dir/boot/initrd.img-$release" ] || die "$name built no initramfs, see $DISTRO/$name.kernel.log"
    fi
    install -m 644 "$dir/boot/initrd.img-$release" "$DISTRO/$name.img"
}

chroot_with initramfs-tools initramfs-tools,e2fsprogs,kmod,udev,busybox
chroot_with dracut dracut,dracut-core,systemd,systemd-sysv,udev,e2fsprogs,kmod

# dracut without its systemd modules: the shell initqueue that non-systemd initrds run.
if [ ! -s "$DISTRO/dracut-nosystemd.img" ]; then
    log "dracut without systemd"
    in_chroot "$DISTRO/dracut" "$DISTRO/dracut-nosystemd.log" \
        dracut --force --omit "systemd systemd-initrd dracut-systemd" --kver "$release" /tmp/nosystemd.img
    install -m 644 "$DISTRO/dracut/tmp/nosystemd.img" "$DISTRO/dracut-nosystemd.img"
fi

# A root file system that e2fsck -p must refuse: marked as having errors (so the check is forced)
# and with its root inode cleared, which only an interactive fsck may repair ("UNEXPECTED
# INCONSISTENCY; RUN fsck MANUALLY", exit status 4). QEMU opens it with snapshot=on.
if [ ! -s "$DISTRO/root-bad.img" ]; then
    log "root-bad.img: ext4 with errors e2fsck -p cannot mend"
    truncate -s 64M "$DISTRO/root-bad.tmp"
    mkfs.ext4 -q -F -L labroot "$DISTRO/root-bad.tmp"
    debugfs -w -R "clri <2>" "$DISTRO/root-bad.tmp" >/dev/null 2>&1
    debugfs -w -R "ssv state 2" "$DISTRO/root-bad.tmp" >/dev/null 2>&1
    mv "$DISTRO/root-bad.tmp" "$DISTRO/root-bad.img"
fi
# A whole Debian system on a disk: the dracut chroot (systemd, udev, the kernel's modules) as the
# root file system, labelled labroot, written by mke2fs -d (no loop device, no mount). The dracut
# initramfs finds it by label and switches to it; its systemd and a serial getty take over.
debian_root() {
    local name=$1 fstab=$2 img=$DISTRO/$1.img tree=$DISTRO/rootfs-tree
    [ -s "$img" ] && return 0
    log "$name.img: Debian 12 root file system (fstab: $(printf '%s' "$fstab" | tr '\n' ';'))"
    rm -rf "$tree"
    cp -a "$DISTRO/dracut" "$tree"
    rm -rf "$tree"/boot/* "$tree"/tmp/* "$tree"/initrd.img* "$tree"/vmlinuz*
    echo lab > "$tree/etc/hostname"
    printf '127.0.0.1 localhost\n127.0.1.1 lab\n' > "$tree/etc/hosts"
    printf '%s\n' "$fstab" > "$tree/etc/fstab"
    mkdir -p "$tree/data"
    truncate -s 1536M "$DISTRO/$name.tmp"
    mke2fs -q -F -t ext4 -L labroot -d "$tree" "$DISTRO/$name.tmp"
    mv "$DISTRO/$name.tmp" "$img"
    rm -rf "$tree"
}
debian_root root-debian 'LABEL=labroot / ext4 defaults 0 1'
# fstab also mounts a data disk that is not attached: systemd gives up after 15 s, emergency mode.
debian_root root-debian-no-data 'LABEL=labroot / ext4 defaults 0 1
LABEL=labdata /data ext4 defaults,x-systemd.device-timeout=15s 0 2'

# A root file system with nothing on it: the initramfs mounts it and finds no init to switch to.
if [ ! -s "$DISTRO/root-empty.img" ]; then
    log "root-empty.img: an empty ext4 file system labelled labroot"
    truncate -s 64M "$DISTRO/root-empty.tmp"
    mkfs.ext4 -q -F -L labroot "$DISTRO/root-empty.tmp"
    mv "$DISTRO/root-empty.tmp" "$DISTRO/root-empty.img"
fi

# GRUB that cannot go on: a BIOS disk with GRUB's boot sector and core image (written with dd, as
# grub-bios-setup would, without loop devices) whose prefix names a place without GRUB's modules.
# The embedded configuration sends GRUB's terminal to the serial port, as cloud images do.
grub_disk() {
    local name=$1 prefix=$2 img=$DISTRO/$1.img tmp=$DISTRO/grub-build
    [ -s "$img" ] && return 0
    log "$name.img: GRUB with prefix $prefix"
    rm -rf "$tmp" && mkdir -p "$tmp"
    printf 'serial --unit=0 --speed=115200\nterminal_input serial console\nterminal_output serial console\n' > "$tmp/embed.cfg"
    grub-mkimage -O i386-pc -o "$tmp/core.img" -c "$tmp/embed.cfg" -p "$prefix" biosdisk part_msdos ext2 serial terminal
    truncate -s 32M "$tmp/disk.img"
    dd if=/usr/lib/grub/i386-pc/boot.img of="$tmp/disk.img" bs=512 count=1 conv=notrunc status=none
    # One primary partition from sector 2048 (the rest of the table zeroed: boot.img carries code
    # there), the boot signature, the core image right after the boot sector.
    python3 - "$tmp/disk.img" <<'PY'
import struct, sys
with open(sys.argv[1], "r+b") as f:
    f.seek(446)
    f.write(struct.pack("<B3sB3sII", 0x80, b"\xfe\xff\xff", 0x83, b"\xfe\xff\xff", 2048, 32 * 2048 - 2048))
    f.write(bytes(48))
    f.write(b"\x55\xaa")
PY
    dd if="$tmp/core.img" of="$tmp/disk.img" bs=512 seek=1 conv=notrunc status=none
    truncate -s 31M "$tmp/part.img"
    mkfs.ext2 -q -F -L boot "$tmp/part.img"
    dd if="$tmp/part.img" of="$tmp/disk.img" bs=512 seek=2048 conv=notrunc status=none
    mv "$tmp/disk.img" "$img"
    rm -rf "$tmp"
}
command -v grub-mkimage >/dev/null && [ -f /usr/lib/grub/i386-pc/boot.img ] || {
    log "installing grub-pc-bin (GRUB's BIOS images; nothing is installed to any disk)"
    DEBIAN_FRONTEND=noninteractive apt-get -o DPkg::Lock::Timeout=900 -y -q install --no-install-recommends grub-pc-bin grub-common >/dev/null
}
# The partition holds an empty file system: GRUB finds no normal.mod there.
grub_disk grub-no-modules '(hd0,msdos1)/boot/grub'
# The prefix names a partition the disk does not have.
grub_disk grub-no-partition '(hd0,msdos2)/boot/grub'

log "ready: $(cd "$DISTRO" && ls -- *.img | tr '\n' ' ')"
