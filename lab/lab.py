#!/usr/bin/env python3
"""The QEMU lab's driver: boots Debian's kernel with the lab's initramfs under software emulation,
provokes a named failure, captures the serial console and a screenshot, and keeps the corpus
manifest in step.

    lab/lab.py list
    lab/lab.py run NAME [NAME...] [--out DIR]
    lab/lab.py all [--out DIR]
    lab/lab.py boot NAME --dir DIR [--limit S]   # one VM, left running: DIR/console.log, DIR/qmp.sock

Needs lab/setup.sh to have run. Every boot is bounded in time: QEMU runs under `timeout`, in its
own process group, which is killed whatever happens. Scenarios and their expected classification
live in lab/scenarios.json; the manifest (DIR/manifest.json) is rebuilt from it and from what each
captured log says (kernel release, command line).
"""

import argparse
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from qmp import Qmp, QmpError  # noqa: E402

LAB = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(LAB)
WORK = os.path.join(LAB, "work")
DEFAULT_OUT = os.path.join(ROOT, "shared", "src", "test", "resources", "lab")
KERN_LOG = "kern.log"
# Scenarios of the "screen" set (what the screen recogniser is tested on) land in their own folder.
SET_OUT = {"lab": DEFAULT_OUT, "screen": os.path.join(ROOT, "shared", "src", "test", "resources", "screen"),
           "runner": os.path.join(ROOT, "shared", "src", "test", "resources", "lab-runner")}


def runner_twins(config):
    """Every crash scenario again with a test runner as init (lab.runner=1: output, never a prompt).

    The twin keeps the original's trigger, parameters and expectations; only the boot's stage
    changes (init, not login), and its end is the runner's last word instead of the shell's.
    """
    twins = []
    for s in config["scenarios"]:
        if s.get("set") == "screen" or not s["trigger"].startswith(("lkdtm-", "sysrq")) \
                or "lab.runner=1" in s.get("parameters", ""):
            continue  # not a crash scenario, or already a runner
        twin = dict(s, name="runner-twin-" + s["name"], twinOf=s["name"], set="runner",
                    parameters=("lab.runner=1 " + s.get("parameters", "")).strip(),
                    description="Test runner as init: " + s["description"])
        twin.pop("notes", None)  # they explain the original's log
        if "lab: scenario done" in twin["doneWhen"]:
            twin["doneWhen"] = "runner: finished"
        twin["expected"] = dict(s["expected"], stage="init")
        twins.append(twin)
    return twins

def load_scenarios():
    with open(os.path.join(LAB, "scenarios.json"), encoding="utf-8") as f:
        return json.load(f)


def command_line(config, scenario):
    # A scenario may replace the base command line: VGA text mode (no vga=), display only (no ttyS0).
    words = [scenario.get("commandLine", config["baseCommandLine"]), f"lab.scenario={scenario['name']}", f"lab.trigger={scenario['trigger']}"]
    if scenario.get("parameters"):
        words.append(scenario["parameters"])
    return " ".join(words)


def qemu_command(config, scenario, log, sock):
    cmd = ["qemu-system-x86_64", "-accel", "tcg", "-cpu", "max", "-smp", "2",
           "-m", str(scenario.get("memoryMiB", 256)),
           "-nodefaults", "-display", "none", "-vga", "std",
           "-serial", f"file:{log}"]
    if scenario.get("kernLog", False):
        # ttyS1: what /init files there as kern.log (lab.kernlog=1)
        cmd += ["-serial", "file:" + os.path.join(os.path.dirname(log), KERN_LOG)]
    cmd += ["-qmp", f"unix:{sock},server=on,wait=off"]
    if scenario.get("bootDisk"):
        # The firmware boots the disk, whose boot loader never gets as far as a kernel.
        cmd += ["-drive", f"file={distro_file(scenario['bootDisk'] + '.img')},if=ide,format=raw,snapshot=on"]
        if not scenario.get("reboots", False):
            cmd.append("-no-reboot")
        return cmd
    cmd += ["-kernel", os.path.join(WORK, "vmlinuz"),
           "-append", command_line(config, scenario)]
    if not scenario.get("reboots", False):
        cmd.append("-no-reboot")  # a panic (or a reboot) ends the run
    initramfs = scenario.get("initramfs", True)
    if initramfs is True:
        cmd += ["-initrd", os.path.join(WORK, "initramfs.cpio.gz")]
    elif initramfs:
        # A distribution's own initramfs (lab/setup-distro.sh): initramfs-tools, dracut.
        cmd += ["-initrd", distro_file(initramfs + ".img")]
    if scenario.get("disk"):
        # snapshot=on: the guest's writes (a repaired file system) never reach the image.
        cmd += ["-drive", f"file={distro_file(scenario['disk'] + '.img')},if=virtio,format=raw,snapshot=on"]
    return cmd


def distro_needs(scenario):
    """The files from lab/setup-distro.sh that a scenario boots with."""
    needs = []
    if isinstance(scenario.get("initramfs"), str):
        needs.append(scenario["initramfs"] + ".img")
    for key in ("disk", "bootDisk"):
        if scenario.get(key):
            needs.append(scenario[key] + ".img")
    return needs


def distro_file(name):
    return os.path.join(WORK, "distro", name)


def log_count(path, pattern):
    try:
        with open(path, "rb") as f:
            return len(pattern.findall(f.read()))
    except FileNotFoundError:
        return 0


def run(config, scenario, out_dir):
    """Boots one scenario; returns a dict describing the capture."""
    name = scenario["name"]
    limit = scenario.get("limitSeconds", 60)
    settle = scenario.get("settleSeconds", 2)
    # No doneWhen: the screen alone shows the end (no serial console); the limit is the wait.
    done = re.compile(scenario["doneWhen"].encode(), re.MULTILINE) if scenario.get("doneWhen") else None
    tmp = tempfile.mkdtemp(prefix="ecsdiag-lab-")
    log = os.path.join(tmp, "console.log")
    sock = os.path.join(tmp, "qmp.sock")
    png = os.path.join(tmp, "screenshot.png")
    # The hard bound: even if this driver dies, timeout ends QEMU.
    cmd = ["timeout", "--kill-after=5", str(limit + 30)] + qemu_command(config, scenario, log, sock)
    started = time.monotonic()
    with open(os.path.join(tmp, "qemu.err"), "wb") as qemu_err:
        # Its own session: the whole group (timeout and QEMU) can be killed at once.
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=qemu_err, start_new_session=True)
    outcome = "limit"
    screenshot = False
    # "resetAfterDone": once doneWhen shows, the VM is reset through QMP without a word to its kernel
    # (as a hypervisor or a watchdog does), and the run is done when doneWhen shows a second time.
    reset = scenario.get("resetAfterDone", False)
    reset_done = False
    try:
        while time.monotonic() - started < limit:
            seen = log_count(log, done) if done is not None else 0
            if reset and not reset_done and seen >= 1:
                time.sleep(settle)
                qmp = Qmp(sock)
                try:
                    qmp.command("system_reset")
                finally:
                    qmp.close()
                reset_done = True
                continue
            if done is not None and seen >= (2 if reset else 1):
                outcome = "done"
                break
            if proc.poll() is not None:
                outcome = "exited"
                break
            time.sleep(0.25)
        if done is None and proc.poll() is None:
            outcome = "done"
        if proc.poll() is None:
            time.sleep(settle)
            qmp = Qmp(sock)
            try:
                qmp.screendump(png)
                screenshot = os.path.getsize(png) > 0
            except (QmpError, OSError) as e:
                print(f"lab: {name}: screendump failed: {e}", file=sys.stderr)
            qmp.quit()
            qmp.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass
    except (QmpError, OSError) as e:
        print(f"lab: {name}: {e}", file=sys.stderr)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    seconds = round(time.monotonic() - started, 1)

    target = os.path.join(out_dir, name)
    os.makedirs(target, exist_ok=True)
    for stale in ("console.log", "screenshot.png", KERN_LOG):
        if os.path.exists(os.path.join(target, stale)):
            os.remove(os.path.join(target, stale))
    if os.path.exists(log):
        shutil.copyfile(log, os.path.join(target, "console.log"))
    if scenario.get("kernLog", False) and os.path.exists(os.path.join(tmp, KERN_LOG)):
        shutil.copyfile(os.path.join(tmp, KERN_LOG), os.path.join(target, KERN_LOG))
    if screenshot:
        shutil.copyfile(png, os.path.join(target, "screenshot.png"))
    with open(os.path.join(tmp, "qemu.err"), "rb") as f:
        errors = f.read().decode(errors="replace").strip()
    shutil.rmtree(tmp, ignore_errors=True)
    size = os.path.getsize(os.path.join(target, "console.log")) if os.path.exists(os.path.join(target, "console.log")) else 0
    print(f"lab: {name}: {outcome} after {seconds} s, console {size} bytes, screenshot {'yes' if screenshot else 'NO'}"
          + (f", qemu said: {errors}" if errors else ""), file=sys.stderr)
    return {"outcome": outcome, "seconds": seconds, "screenshot": screenshot}


def boot(config, scenario, directory, limit):
    """Replaces this process with QEMU (under timeout) for a VM that stays up until its owner ends
    it: the end-to-end test serves its live serial log and screen through the local ECS endpoint."""
    os.makedirs(directory, exist_ok=True)
    log = os.path.join(directory, "console.log")
    sock = os.path.join(directory, "qmp.sock")
    cmd = ["timeout", "--kill-after=5", str(limit)] + qemu_command(config, scenario, log, sock)
    sys.stdout.flush()
    os.execvp(cmd[0], cmd)


def from_log(path, pattern):
    try:
        with open(path, "rb") as f:
            m = re.search(pattern, f.read())
        return m.group(1).decode(errors="replace").strip() if m else None
    except FileNotFoundError:
        return None


def scenario_out(scenario, explicit_out):
    """Where a scenario's capture goes: --out when given, else its set's folder."""
    return explicit_out or SET_OUT[scenario.get("set", "lab")]


def write_manifest(config, out_dir, timings):
    manifest_path = os.path.join(out_dir, "manifest.json")
    previous = {}
    if os.path.exists(manifest_path):
        with open(manifest_path, encoding="utf-8") as f:
            previous = {s["name"]: s for s in json.load(f).get("scenarios", [])}
    entries = []
    for scenario in config["scenarios"] + runner_twins(config):
        name = scenario["name"]
        if scenario_out(scenario, out_dir) != out_dir:
            continue  # another set's folder
        log = os.path.join(out_dir, name, "console.log")
        if not os.path.exists(log):
            continue
        entry = {
            "name": name,
            "description": scenario["description"],
            "trigger": scenario["trigger"],
            "kernelRelease": from_log(log, rb"Linux version (\S+)"),
            # a boot loader that never starts a kernel has no command line
            "commandLine": from_log(log, rb"Command line: ([^\r\n]*)") or (None if scenario.get("bootDisk") else command_line(config, scenario)),
            "console": f"{name}/console.log",
            "screenshot": f"{name}/screenshot.png" if os.path.exists(os.path.join(out_dir, name, "screenshot.png")) else None,
            "captureSeconds": timings.get(name, previous.get(name, {}).get("captureSeconds")),
            "expected": scenario.get("expected"),
        }
        if scenario.get("kernLog", False):
            # The log to classify is the kern.log-style capture; the serial console stays beside it.
            entry["format"] = "kern.log"
            entry["serialConsole"] = entry["console"]
            entry["console"] = f"{name}/{KERN_LOG}"
        if scenario.get("twinOf"):
            entry["twinOf"] = scenario["twinOf"]
        if scenario.get("notes"):
            entry["notes"] = scenario["notes"]
        if scenario.get("screenShows"):
            # The screen is not a copy of the serial log: what it shows instead.
            entry["screenShows"] = scenario["screenShows"]
        entries.append(entry)
    about = ("Real console logs and screenshots from Debian's kernel under QEMU, made by lab/run-all.sh;"
             " expected classifications follow syzkaller's title and TYPE conventions (docs/lab.md).")
    if out_dir == SET_OUT["runner"]:
        about = ("The lab's crash scenarios again with a test runner as init (lab.runner=1), made by"
                 " lab/lab.py runners; expectations are the original scenario's (docs/lab.md).")
    manifest = {"about": about, "scenarios": entries}
    with open(manifest_path, "w", encoding="utf-8") as f:
        json.dump(manifest, f, indent=2)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description="QEMU lab driver")
    parser.add_argument("action", choices=["list", "run", "all", "manifest", "boot", "runners"])
    parser.add_argument("names", nargs="*")
    parser.add_argument("--out", default=None, help="default: the scenario set's folder under shared/src/test/resources")
    parser.add_argument("--dir", help="boot: where console.log and qmp.sock go")
    parser.add_argument("--limit", type=int, default=600, help="boot: seconds before timeout ends QEMU")
    args = parser.parse_args()
    config = load_scenarios()
    by_name = {s["name"]: s for s in config["scenarios"]}
    if args.action == "list":
        for s in config["scenarios"]:
            print(f"{s['name']:32} {s['description']}")
        return 0
    if args.action == "manifest":
        for out in ([args.out] if args.out else SET_OUT.values()):
            write_manifest(config, out, {})
        return 0
    for needed in ("vmlinuz", "initramfs.cpio.gz"):
        if not os.path.exists(os.path.join(WORK, needed)):
            print(f"lab: {os.path.join(WORK, needed)} is missing: run lab/setup.sh first", file=sys.stderr)
            return 2
    if args.action == "boot":
        if len(args.names) != 1 or args.names[0] not in by_name or not args.dir:
            print("lab: boot needs one scenario name and --dir (see lab/lab.py list)", file=sys.stderr)
            return 2
        boot(config, by_name[args.names[0]], args.dir, args.limit)
    if args.action == "runners":
        # the runner twins keep their serial logs only: the screens are the originals' (screen tests)
        out = args.out or SET_OUT["runner"]
        os.makedirs(out, exist_ok=True)
        timings = {}
        for twin in runner_twins(config):
            result = run(config, twin, out)
            timings[twin["name"]] = result["seconds"]
            png = os.path.join(out, twin["name"], "screenshot.png")
            if os.path.exists(png):
                os.remove(png)
        write_manifest(config, out, timings)
        return 0
    names = [s["name"] for s in config["scenarios"]] if args.action == "all" else args.names
    missing = sorted({distro_file(f) for n in names if n in by_name for f in distro_needs(by_name[n])
                      if not os.path.exists(distro_file(f))})
    if missing:
        print(f"lab: {' '.join(missing)} missing: run lab/setup-distro.sh first", file=sys.stderr)
        return 2
    unknown = [n for n in names if n not in by_name]
    if unknown or not names:
        print(f"lab: unknown or no scenario: {' '.join(unknown)} (see lab/lab.py list)", file=sys.stderr)
        return 2
    timings = {}
    failed = []
    started = time.monotonic()
    for name in names:
        out = scenario_out(by_name[name], args.out)
        os.makedirs(out, exist_ok=True)
        result = run(config, by_name[name], out)
        timings[name] = result["seconds"]
        if result["outcome"] != "done" or not result["screenshot"]:
            failed.append(name)
        write_manifest(config, out, timings)
    total = round(time.monotonic() - started, 1)
    print(f"lab: {len(names)} scenario(s) in {total} s"
          + (f"; did not reach their end state: {' '.join(failed)}" if failed else ""), file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
