#!/usr/bin/env bash
# Renders a form (or form pack) in a real browser (headless Chromium): a PDF as it prints on A4,
# and a PNG of the first page as it shows on a tablet, so a person can check what a young person
# or volunteer will see before any form is handed out.
#
# Usage: Scripts/render-form.sh [OUT_PREFIX] [INSTRUMENT...] [-- FORM OPTIONS...]
#   default: docs/form scwbs life-skills   (writes docs/form.pdf and docs/form.png)
#   e.g.     Scripts/render-form.sh /tmp/welsh life-skills -- --language cy --definitions translations/
# Needs Chromium: apt-get install chromium (Debian) or any chromium/google-chrome on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
prefix="${1:-docs/form}"
[ $# -gt 0 ] && shift
instruments=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do instruments+=("$1"); shift; done
[ $# -gt 0 ] && shift
[ ${#instruments[@]} -gt 0 ] || instruments=(scwbs life-skills)
browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
[ -n "$browser" ] || { echo "Chromium is missing: apt-get install chromium" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
swift run -q ivoutcomes form "${instruments[@]}" "$@" --out "$work/form.html"
"$browser" --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
    --print-to-pdf="$work/form.pdf" "file://$work/form.html" >/dev/null 2>&1
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=820,1180 \
    --screenshot="$work/form.png" "file://$work/form.html" >/dev/null 2>&1
mkdir -p "$(dirname "$prefix")"
cp "$work/form.pdf" "$prefix.pdf"
cp "$work/form.png" "$prefix.png"
echo "wrote $prefix.pdf and $prefix.png"
