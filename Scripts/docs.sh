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
# The documentation links of internal and private functions too (``Ledger/record(...)``), which
# docc does not see: each ``name(label:other:)`` in a doc comment must name a declaration of that
# name and those argument labels somewhere in the library. A link left behind by a rename fails.
python3 - Sources/IVOutcomes <<'PY'
import pathlib, re, sys
sources = {path: path.read_text() for path in pathlib.Path(sys.argv[1]).rglob("*.swift")}
declared = set()
start = re.compile(r"\b(?:func\s+([A-Za-z_]\w*)|(init)[?!]?|case\s+([A-Za-z_]\w*)|(subscript))\s*(?:<[^>{]*>)?\s*\(")


def parameters(text, index):
    """The top-level comma-separated parts between the parenthesis opened before `index` and its match."""
    depth, part, parts = 1, "", []
    while index < len(text) and depth:
        character = text[index]
        depth += character in "([<{" and 1 or 0
        depth -= character in ")]>}" and not text[index - 1 : index + 1] == "->" and 1 or 0
        if depth == 1 and character == ",":
            parts.append(part)
            part = ""
        elif depth:
            part += character
        index += 1
    return [p.strip() for p in parts + [part] if p.strip()]


for text in sources.values():
    for match in start.finditer(text):
        name = next(group for group in match.groups() if group)
        labels = []
        for parameter in parameters(text, match.end()):
            head = parameter.split(":")[0].split() if ":" in parameter.split("=")[0] else ["_"]
            labels.append(head[0] if head else "_")
        declared.add(f"{name}({''.join(label + ':' for label in labels)})")
stale = []
for path, text in sources.items():
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip().startswith("///"):
            continue
        for link in re.findall(r"``([^`]+)``", line):
            target = link.split("/")[-1]
            if "(" in target and re.match(r"[A-Za-z_]", target) and target not in declared:
                stale.append(f"{path}:{number}: ``{link}`` names no declaration")
print("\n".join(stale) or "docs: every function link in a doc comment names a declaration")
sys.exit(1 if stale else 0)
PY
