#!/usr/bin/env bash
# Fails when the public API of the IVOutcomes library breaks against the commit recorded in
# .api-baseline (a removed or changed public declaration; additions are fine). `.ci/run` runs it.
# The baseline moves only with a release that breaks the API on purpose (see the README's
# "Versioning").
set -euo pipefail
cd "$(dirname "$0")/.."
baseline="$(tr -d '[:space:]' < .api-baseline)"
if ! git cat-file -e "$baseline^{commit}" 2>/dev/null; then
    # A shallow clone may not hold the baseline commit: fetch the history.
    git fetch --quiet --unshallow 2>/dev/null || git fetch --quiet origin "$baseline" 2>/dev/null || true
fi
if ! git cat-file -e "$baseline^{commit}" 2>/dev/null; then
    echo "api-check: the baseline commit $baseline is not in this clone" >&2
    exit 1
fi
swift package diagnose-api-breaking-changes "$baseline" --products IVOutcomes
