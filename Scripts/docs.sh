#!/usr/bin/env bash
# Builds the library's documentation with the toolchain's docc (no plugin package), failing on any
# docc warning and on any public declaration without a doc comment. `.ci/run` runs it.
#
# Usage: Scripts/docs.sh [OUTPUT-DIR]   (default .build/docs; open OUTPUT-DIR/IVOutcomes.doccarchive)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/docs}"
mkdir -p "$out"
# Kept with the build: an up-to-date build emits no new graph.
mkdir -p .build/docs-build/symbol-graphs
graphs="$PWD/.build/docs-build/symbol-graphs"
# Public declarations only (the symbol graph's default minimum access level).
swift build --target IVOutcomes --scratch-path .build/docs-build \
    -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs" >/dev/null
find "$graphs" -name '*.symbols.json' ! -name 'IVOutcomes*' -delete
if command -v python3 >/dev/null 2>&1; then
    python3 - "$graphs/IVOutcomes.symbols.json" <<'PY'
import json, sys
graph = json.load(open(sys.argv[1]))
public = [s for s in graph["symbols"] if s["accessLevel"] in ("public", "open") and s.get("location")]
missing = [s for s in public if not s.get("docComment")]
for symbol in missing:
    where = symbol["location"]["uri"].split("/Sources/")[-1]
    print(f"undocumented: {'.'.join(symbol['pathComponents'])} (Sources/{where}:{symbol['location']['position']['line'] + 1})")
print(f"docs: {len(public) - len(missing)} of {len(public)} public declarations documented")
sys.exit(1 if missing else 0)
PY
fi
docc convert Sources/IVOutcomes/IVOutcomes.docc --additional-symbol-graph-dir "$graphs" \
    --output-dir "$out/IVOutcomes.doccarchive" --fallback-display-name IVOutcomes \
    --fallback-bundle-identifier org.ivoutcomes.IVOutcomes --warnings-as-errors
