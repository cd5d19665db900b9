#!/usr/bin/env bash
# Regenerates docs/report-demo.png, the picture of the report in docs/report.md: runs the demo (the
# whole job on the built-in fleet, offline) and has headless Chromium draw its index.html at
# 1400x900. Needs a JDK 17 and chromium (Debian: apt-get install chromium).
#   docs/report-screenshot.sh                 # the top of the page
#   docs/report-screenshot.sh i-bp1demo0oom00004   # the page opened at that instance
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
anchor="${1:-}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[[ -n "$browser" ]] || { echo "report-screenshot: no chromium on PATH (apt-get install chromium)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$root/ecsdiag" demo --quiet --out "$work/demo" > /dev/null
out="$root/docs/report-demo${anchor:+-$anchor}.png"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --user-data-dir="$work/profile" --window-size=1400,900 --screenshot="$out" \
    "file://$work/demo/index.html${anchor:+#$anchor}" > /dev/null 2>&1
[[ -s "$out" ]] || { echo "report-screenshot: chromium wrote no picture" >&2; exit 1; }
echo "report-screenshot: wrote $out"
