#!/usr/bin/env bash
# The end-to-end test with real kernels, as root: prepares the lab, then runs LabEndToEndTest in the
# e2e Maven profile (two QEMU VMs served through the local ECS endpoint, collected with
# `ecsdiag collect`). About 1.5 minutes on 2 cores once the lab and the build are in place.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
"$ROOT/lab/setup.sh"
cd "$ROOT"
exec ./mvnw -B --no-transfer-progress -Pe2e -pl cli -am test -Dtest=LabEndToEndTest \
    -Dsurefire.failIfNoSpecifiedTests=false "$@"
