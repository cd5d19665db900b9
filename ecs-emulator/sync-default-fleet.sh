#!/usr/bin/env bash
# Copies the real console logs and screenshots the QEMU lab committed (shared/src/test/resources/lab/)
# into the built-in fleet. Each instance.json names its lab scenario in "_source"; a Stopped
# instance gets no screenshot (the service gives none for it); an instance whose _source says
# "re-encoded as JPEG" gets a JPEG made from the lab's PNG.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lab="${1:-$here/../shared/src/test/resources/lab}"
fleet="$here/src/main/resources/dev/ecsdiag/emulator/default-fleet"
for dir in "$fleet"/i-*/; do
  json="$dir/instance.json"
  scenario="$(sed -n "s/.*QEMU lab scenario '\([^']*\)'.*/\1/p" "$json")"
  [[ -n "$scenario" ]] || { echo "no lab scenario named in $json" >&2; exit 1; }
  [[ -f "$lab/$scenario/console.log" ]] || { echo "lab scenario $scenario has no console.log under $lab" >&2; exit 1; }
  cp "$lab/$scenario/console.log" "$dir/console.log"
  rm -f "$dir"/screenshot.*
  if grep -q '"status": "Running"' "$json"; then
    if grep -q 're-encoded as JPEG' "$json"; then
      java "$here/tools/PngToJpeg.java" "$lab/$scenario/screenshot.png" "$dir/screenshot.jpg"
    else
      cp "$lab/$scenario/screenshot.png" "$dir/screenshot.png"
    fi
  fi
  echo "$(basename "$dir") <- $scenario"
done
