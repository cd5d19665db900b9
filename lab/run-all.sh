#!/usr/bin/env bash
# Regenerates the whole lab corpus with one command, as root:
#   lab/run-all.sh                 # into shared/src/test/resources/lab/
#   lab/run-all.sh --out DIR       # somewhere else
# Prepares the lab (lab/setup.sh and lab/setup-distro.sh, cached in lab/work/), then boots every scenario of
# lab/scenarios.json in turn and rewrites the manifest. About 10 minutes on 2 cores (docs/lab.md).
set -euo pipefail
LAB=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
start=$(date +%s)
"$LAB/setup.sh"
"$LAB/setup-distro.sh"
status=0
python3 "$LAB/lab.py" all "$@" || status=$?
echo "lab: run-all took $(( $(date +%s) - start )) s" >&2
exit $status
