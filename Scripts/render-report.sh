#!/usr/bin/env bash
# Renders the example report in a real browser (headless Chromium) and saves a screenshot, so a
# person can check what a coordinator will see.
#
# Usage: Scripts/render-report.sh [OUT.png]     (default docs/report.png)
# Needs Chromium: apt-get install chromium (Debian) or any chromium/google-chrome on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-docs/report.png}"
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "Chromium is missing: apt-get install chromium" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift run -q ivoutcomes report Examples/questionnaires.csv --logs Examples/logs.csv --children Examples/children.csv \
    --as-of 2026-11-22 --out "$work/report.html" 2>/dev/null
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,2600 \
    --screenshot="$work/report.png" "file://$work/report.html" >/dev/null 2>&1
mkdir -p "$(dirname "$out")"
cp "$work/report.png" "$out"
echo "wrote $out"
