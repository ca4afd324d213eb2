#!/usr/bin/env bash
# Builds the library's documentation with the toolchain's docc (no plugin package), failing on any
# docc warning and on any public declaration without a doc comment. `.ci/run` runs it.
#
# Usage: Scripts/docs.sh [OUTPUT-DIR]   (default .build/docs; open OUTPUT-DIR/IVOutcomes.doccarchive)
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/docs}"
mkdir -p "$out"
# The symbol graphs (public declarations only, their default): those a build already emitted
# (IVOUTCOMES_SYMBOL_GRAPHS, as .ci/run's strict build does), or a build of the library's own,
# kept with it (an up-to-date build emits no new graph).
graphs="${IVOUTCOMES_SYMBOL_GRAPHS:-}"
if [ -z "$graphs" ]; then
    mkdir -p .build/docs-build/symbol-graphs
    graphs="$PWD/.build/docs-build/symbol-graphs"
    swift build --target IVOutcomes --scratch-path .build/docs-build \
        -Xswiftc -emit-symbol-graph -Xswiftc -emit-symbol-graph-dir -Xswiftc "$graphs" >/dev/null
fi
# Only the library's graphs (a build of everything also has the command's and the tests').
library="$out/symbol-graphs"
rm -rf "$library" && mkdir -p "$library"
cp "$graphs"/IVOutcomes.symbols.json "$graphs"/IVOutcomes@*.symbols.json "$library"/ 2>/dev/null || true
graphs="$library"
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
