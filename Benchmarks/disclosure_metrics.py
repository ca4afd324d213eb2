#!/usr/bin/env python3
"""The utility of the published reports and the exactness of the national picture, measured on
a generated national year (Benchmarks/disclosure.sh writes the files it reads).

Usage: Benchmarks/disclosure_metrics.py OUT_DIR

Reads, per area, OUT_DIR/<area>.json (the published report) and OUT_DIR/<area>.truth.json (the
same report with nothing hidden), then OUT_DIR/national.json (pooled from the areas' returns) and
OUT_DIR/combined.truth.json (one unsuppressed report on every area's files together). Prints:
- the share of the whole area's size counts of 5 or more that are shown (`children`, and each
  scale's children with a baseline and followed up);
- the share of the whole area's reliable-change counts of 5 or more that are shown;
- the share of scales with 5 or more followed up whose mean change is shown;
- the share of all published counts that are hidden;
- the national headline counts and statistics (the whole nation and the waiting list) and the
  comparisons that equal the combined report's.
Exits 1 when an area's audit did not pass or a national headline figure differs.
"""
import glob
import json
import os
import sys

STATISTICS = ("baseline", "pairedBaseline", "latest", "change")


def counts(node, tally):
    """Adds every published count under `node` to tally: [hidden, all]."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key not in STATISTICS + ("notes", "members", "comparison"):
                counts(value, tally)
    elif isinstance(node, list):
        for value in node:
            counts(value, tally)
    elif node == "[c]":
        tally[0] += 1
        tally[1] += 1
    elif isinstance(node, int) and not isinstance(node, bool):
        tally[1] += 1


def share(label, shown, total):
    print(f"{label}: {shown}/{total} = {100 * shown / max(1, total):.1f}%")


def main(folder):
    areas = sorted(
        os.path.basename(path)[: -len(".json")]
        for path in glob.glob(os.path.join(folder, "*.json"))
        if "." not in os.path.basename(path)[: -len(".json")] and not os.path.basename(path).startswith("national")
    )
    sizes, reliable, means, tally, failed = [0, 0], [0, 0], [0, 0], [0, 0], []
    for area in areas:
        published = json.load(open(os.path.join(folder, f"{area}.json")))
        truth = json.load(open(os.path.join(folder, f"{area}.truth.json")))
        if not published["disclosureControl"]["auditPassed"]:
            failed.append(area)
        mine, exact = published["groups"][0], truth["groups"][0]
        pairs = [(mine["children"], exact["children"])]
        for scale, true in zip(mine["scales"], exact["scales"]):
            pairs += [(scale["childrenWithBaseline"], true["childrenWithBaseline"]),
                      (scale["childrenWithFollowUp"], true["childrenWithFollowUp"])]
            for name, value in true["reliableChange"].items():
                if value >= 5:
                    reliable[1] += 1
                    reliable[0] += scale["reliableChange"].get(name) == value
            if true["childrenWithFollowUp"] >= 5:
                means[1] += 1
                means[0] += scale["change"] is not None
        for shown, value in pairs:
            if value >= 5:
                sizes[1] += 1
                sizes[0] += shown == value
        counts(published["groups"], tally)
        counts(published["dataQuality"], tally)
    print(f"{len(areas)} areas")
    share("whole-area size counts of 5 or more shown", *sizes)
    share("whole-area reliable-change counts of 5 or more shown", *reliable)
    share("mean change shown, scales with 5 or more followed up", *means)
    share("published counts hidden", *tally)
    if failed:
        print(f"audit did not pass: {', '.join(failed)}")
    national = json.load(open(os.path.join(folder, "national.json")))
    combined = json.load(open(os.path.join(folder, "combined.truth.json")))
    equal, total, differ = 0, 0, []
    for dimension in ("all", "status"):
        mine = next(group for group in national["groups"] if group["dimension"] == dimension)
        exact = next(group for group in combined["groups"] if group["dimension"] == dimension)
        figures = [(f"{dimension} children", mine["children"], exact["children"])]
        for scale, true in zip(mine["scales"], exact["scales"]):
            for key in ("childrenWithBaseline", "childrenWithFollowUp", "change", "baseline", "latest"):
                figures.append((f"{dimension} {scale['scale']} {key}", scale[key], true[key]))
        for label, shown, value in figures:
            total += 1
            if shown == value:
                equal += 1
            else:
                differ.append(label)
    comparisons = [
        (a["scale"], a, b) for a, b in zip(national["comparison"]["scales"], combined["comparison"]["scales"]) if b["shown"]
    ]
    compared = sum(1 for _, a, b in comparisons if a == b)
    print(f"national headline figures equal to one unsuppressed report on all files: {equal}/{total}")
    print(f"national comparisons equal: {compared}/{len(comparisons)}")
    hidden = [0, 0]
    counts(national["groups"], hidden)
    print(f"national counts hidden: {hidden[0]} of {hidden[1]}")
    for label in differ:
        print(f"  differs: {label}")
    sys.exit(1 if failed or differ or compared != len(comparisons) else 0)


if __name__ == "__main__":
    main(sys.argv[1])
