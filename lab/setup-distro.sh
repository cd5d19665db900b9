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
        mount -t proc proc "$dir/proc"
        trap 'umount "'"$dir"'/proc" 2>/dev/null || true' EXIT
        chroot "$dir" env DEBIAN_FRONTEND=noninteractive apt-get -q -y install --no-install-recommends "/tmp/$(basename "$deb")" \
            > "$DISTRO/$name.kernel.log" 2>&1 || die "kernel install failed, see $DISTRO/$name.kernel.log"
        umount "$dir/proc"
        trap - EXIT
        [ -f "$dir/boot/initrd.img-$release" ] || die "$name built no initramfs, see $DISTRO/$name.kernel.log"
    fi
    install -m 644 "$dir/boot/initrd.img-$release" "$DISTRO/$name.img"
}

chroot_with initramfs-tools initramfs-tools,e2fsprogs,kmod,udev,busybox
chroot_with dracut dracut,dracut-core,systemd,systemd-sysv,udev,e2fsprogs,kmod

# dracut without its systemd modules: the shell initqueue that non-systemd initrds run.
if [ ! -s "$DISTRO/dracut-nosystemd.img" ]; then
    log "dracut without systemd"
    mount -t proc proc "$DISTRO/dracut/proc"
    trap 'umount "'"$DISTRO"'/dracut/proc" 2>/dev/null || true' EXIT
    chroot "$DISTRO/dracut" dracut --force --omit "systemd systemd-initrd dracut-systemd" --kver "$release" /tmp/nosystemd.img \
        > "$DISTRO/dracut-nosystemd.log" 2>&1 || die "dracut failed, see $DISTRO/dracut-nosystemd.log"
    umount "$DISTRO/dracut/proc"
    trap - EXIT
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
log "ready: $(cd "$DISTRO" && ls -- *.img | tr '\n' ' ')"
