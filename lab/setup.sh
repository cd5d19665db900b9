#!/usr/bin/env bash
# Prepares the QEMU lab, as root: Debian packages, Debian's kernel (unpacked, not installed), the
# lkdtm crash-test module built out of tree against that kernel, and the busybox initramfs.
# Idempotent: everything lands in lab/work/ (git-ignored) and is reused when already there.
#
#   sudo lab/setup.sh                  # the kernel that linux-image-amd64 points to today
#   LAB_KERNEL_ABI=6.1.0-56 lab/setup.sh   # a given kernel ABI (must still be in the archive)
set -euo pipefail

LAB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$LAB/work
mkdir -p "$WORK"

log() { printf 'lab setup: %s\n' "$*" >&2; }
die() { printf 'lab setup: error: %s\n' "$*" >&2; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (it installs Debian packages)"
command -v apt-get >/dev/null || die "needs a Debian-like system with apt-get"

APT_OPTS=(-o DPkg::Lock::Timeout=900 -y -q)
updated=no
apt_update_once() {
    if [ $updated = no ]; then
        log "apt-get update"
        apt-get "${APT_OPTS[@]}" update >/dev/null
        updated=yes
    fi
}

# 1. Packages: the emulator, a static busybox for the initramfs, cpio/gzip to pack it, python3 for
#    the QMP client, gcc-12/make/binutils to build lkdtm with the compiler Debian built the kernel with.
need=()
command -v qemu-system-x86_64 >/dev/null || need+=(qemu-system-x86)
[ -x /bin/busybox ] && /bin/busybox --list | grep -qx cttyhack || need+=(busybox-static)
command -v cpio >/dev/null || need+=(cpio)
command -v gzip >/dev/null || need+=(gzip)
command -v xz >/dev/null || need+=(xz-utils)
command -v python3 >/dev/null || need+=(python3)
command -v gcc-12 >/dev/null || need+=(gcc-12)
command -v make >/dev/null || need+=(make)
command -v objcopy >/dev/null || need+=(binutils)
# busybox (dynamic) may be there without the static one: the initramfs needs the static build.
if [ -x /bin/busybox ] && ldd /bin/busybox >/dev/null 2>&1; then need+=(busybox-static); fi
if [ ${#need[@]} -gt 0 ]; then
    apt_update_once
    log "installing ${need[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get "${APT_OPTS[@]}" install --no-install-recommends "${need[@]}" >/dev/null
fi

# 2. Which kernel: the ABI pinned in lab/work/kernel-abi by an earlier run, else $LAB_KERNEL_ABI,
#    else what linux-image-amd64 depends on now.
abi=${LAB_KERNEL_ABI:-}
if [ -z "$abi" ] && [ -s "$WORK/kernel-abi" ]; then abi=$(cat "$WORK/kernel-abi"); fi
if [ -z "$abi" ]; then
    apt_update_once
    abi=$(apt-cache depends linux-image-amd64 | sed -n 's/^ *Depends: linux-image-\(.*\)-amd64$/\1/p' | head -n1)
    [ -n "$abi" ] || die "cannot tell which kernel linux-image-amd64 depends on"
fi
release=$abi-amd64
series=${abi%%.0-*}                       # 6.1.0-56 -> 6.1
ROOT=$WORK/root                           # the unpacked packages
if [ ! -f "$ROOT/boot/vmlinuz-$release" ] || [ ! -f "$ROOT/usr/src/linux-source-$series.tar.xz" ] \
        || [ ! -f "$ROOT/usr/src/linux-headers-$release/Makefile" ]; then
    apt_update_once
    version=$(apt-cache show --no-all-versions "linux-image-$release" 2>/dev/null | sed -n 's/^Version: //p' | head -n1)
    [ -n "$version" ] || die "linux-image-$release is not in the package lists (set LAB_KERNEL_ABI to one that is)"
    # kbuild holds only build tools: when the archive has dropped this exact upload, another Debian
    # revision of the same upstream version builds the same module.
    kbuild=$(apt-cache madison "linux-kbuild-$series" | awk -v v="$version" '$3 == v {print $3}' | head -n1)
    [ -n "$kbuild" ] || kbuild=$(apt-cache madison "linux-kbuild-$series" | awk -v u="${version%-*}-" 'index($3, u) == 1 {print $3}' | head -n1)
    [ -n "$kbuild" ] || die "linux-kbuild-$series ${version%-*} is not in the package lists"
    log "downloading kernel $release ($version), its headers, kbuild ($kbuild) and linux-source-$series"
    rm -rf "$WORK/debs" "$ROOT"
    mkdir -p "$WORK/debs" "$ROOT"
    (cd "$WORK/debs" && apt-get -q download "linux-image-$release" "linux-headers-$release" \
        "linux-headers-$abi-common=$version" "linux-kbuild-$series=$kbuild" \
        "linux-source-$series=$version" 2>&1 | grep -v '^W: Download is performed unsandboxed' >&2 || true)
    for deb in "$WORK"/debs/*.deb; do dpkg -x "$deb" "$ROOT"; done
    [ -f "$ROOT/boot/vmlinuz-$release" ] || die "download of linux-image-$release failed"
    # The arch headers include the common ones by absolute path: point them at our copy.
    sed -i "s#^include /usr/src/#include $ROOT/usr/src/#" "$ROOT/usr/src/linux-headers-$release/Makefile"
    echo "$version" > "$WORK/kernel-version"
    # The kernel's own modules (400 MB) and the packages are not needed once unpacked.
    rm -rf "$WORK/debs" "$ROOT/lib/modules/$release/kernel"
    rm -f "$WORK/lkdtm.ko"
fi
echo "$abi" > "$WORK/kernel-abi"
cp -f "$ROOT/boot/vmlinuz-$release" "$WORK/vmlinuz"

# 3. lkdtm: Debian builds its kernel without it (# CONFIG_LKDTM is not set), so build it from
#    linux-source as an external module. UNSET_SMEP calls native_write_cr4, which modules cannot
#    link against: compile that one test out. The file names that BUG() and WARN() print are
#    mapped to the in-tree path (drivers/misc/lkdtm/...), so logs do not depend on where the
#    checkout lives. Bump the recipe when the build changes: the module is rebuilt.
recipe="lkdtm recipe 2: no UNSET_SMEP, -fmacro-prefix-map to drivers/misc/lkdtm/"
if [ ! -f "$WORK/lkdtm.ko" ] || [ "$(cat "$WORK/lkdtm.recipe" 2>/dev/null)" != "$recipe" ]; then
    log "building lkdtm for $release"
    src=$WORK/lkdtm-src
    rm -rf "$src" "$WORK/lkdtm-extract"
    mkdir -p "$WORK/lkdtm-extract"
    tar -xJf "$ROOT/usr/src/linux-source-$series.tar.xz" -C "$WORK/lkdtm-extract" \
        "linux-source-$series/drivers/misc/lkdtm"
    mv "$WORK/lkdtm-extract/linux-source-$series/drivers/misc/lkdtm" "$src"
    rm -rf "$WORK/lkdtm-extract"
    sed -i '/static void lkdtm_UNSET_SMEP/,/^#if/ s|^#if IS_ENABLED(CONFIG_X86_64) && !IS_ENABLED(CONFIG_UML)$|#if 0 /* ecsdiag lab: native_write_cr4 is not exported to modules */|' "$src/bugs.c"
    grep -q 'ecsdiag lab' "$src/bugs.c" || die "could not compile out UNSET_SMEP (lkdtm source changed?)"
    make -s -C "$ROOT/usr/src/linux-headers-$release" M="$src" CONFIG_LKDTM=m -j"$(nproc)" \
        KCFLAGS="-fmacro-prefix-map=$src/=drivers/misc/lkdtm/" modules >&2
    objcopy --strip-debug "$src/lkdtm.ko" "$WORK/lkdtm.ko"
    echo "$recipe" > "$WORK/lkdtm.recipe"
fi

# 4. The initramfs: static busybox, our /init, lkdtm. Rebuilt when any input is newer.
initrd=$WORK/initramfs.cpio.gz
if [ ! -f "$initrd" ] || [ "$LAB/init.sh" -nt "$initrd" ] || [ "$WORK/lkdtm.ko" -nt "$initrd" ]; then
    log "packing the initramfs"
    tree=$WORK/initramfs
    rm -rf "$tree"
    mkdir -p "$tree"/{bin,sbin,dev,proc,sys,tmp,root,etc,lib/modules}
    cp /bin/busybox "$tree/bin/busybox"
    for applet in $("$tree/bin/busybox" --list); do
        [ -e "$tree/bin/$applet" ] || ln -s busybox "$tree/bin/$applet"
    done
    install -m 0755 "$LAB/init.sh" "$tree/init"
    cp "$WORK/lkdtm.ko" "$tree/lib/modules/lkdtm.ko"
    echo "root:x:0:0:root:/root:/bin/sh" > "$tree/etc/passwd"
    (cd "$tree" && find . -print0 | sort -z | cpio --null -o -H newc --quiet --owner=0:0 | gzip -9n) > "$initrd.tmp"
    mv "$initrd.tmp" "$initrd"
fi

log "ready: kernel $release ($(cat "$WORK/kernel-version" 2>/dev/null || echo '?')), $(du -h "$initrd" | cut -f1) initramfs"
