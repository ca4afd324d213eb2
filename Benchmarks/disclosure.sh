#!/usr/bin/env bash
# The disclosure control's utility and speed on a realistic national year, in the optimised build:
#   1. generates the year (Benchmarks/make_national_year.py: 165 areas, 2,729 matched and 1,370
#      waiting children, built from the published facts);
#   2. reports every area (as published, and unsuppressed for the measure), writes its
#      confidential return, and times the slowest area;
#   3. pools the 165 returns into the national picture, timed;
#   4. reports every area's files together, unsuppressed (the exact national truth) and
#      suppressed (one report on all the files), timed;
#   5. prints the utility figures and checks the national picture against the truth
#      (Benchmarks/disclosure_metrics.py).
#
# Usage: Benchmarks/disclosure.sh     (needs python3; no Python packages)
set -euo pipefail
cd "$(dirname "$0")/.."
work="${IVOUTCOMES_BENCH_DIR:-.build/bench}/national-year"
year="$work/data"
out="$work/out"
rm -rf "$out" && mkdir -p "$out"
[ -d "$year/areas" ] || python3 Benchmarks/make_national_year.py "$year" >/dev/null
swift build -c release --product ivoutcomes >/dev/null
binary="$(swift build -c release --show-bin-path)/ivoutcomes"
as_of=2026-11-30
seconds() { python3 -c "import time; print(f'{time.time():.3f}')"; }
slowest=0 slowest_area=""
for area in "$year"/areas/*/; do
    name="$(basename "$area")"
    files=("$area/questionnaires.csv" --children "$area/children.csv" --logs "$area/logs.csv" --as-of "$as_of")
    start="$(seconds)"
    "$binary" report "${files[@]}" --format json --out "$out/$name.json" 2>/dev/null
    took="$(python3 -c "print(round($(seconds) - $start, 3))")"
    if python3 -c "import sys; sys.exit(0 if $took > $slowest else 1)"; then slowest="$took" slowest_area="$name"; fi
    "$binary" report "${files[@]}" --format return --out "$out/$name.return.json" 2>/dev/null
    "$binary" report "${files[@]}" --format json --suppress-below 1 --allow-small-numbers \
        --out "$out/$name.truth.json" 2>/dev/null
done
echo "slowest area report: $slowest s ($slowest_area)"
/usr/bin/time -f "%e" -o "$work/pool.txt" "$binary" pool "$out"/*.return.json --out "$out/national.json" 2>/dev/null
echo "pool of $(ls "$out"/*.return.json | wc -l) returns: $(cat "$work/pool.txt") s (target: at most 60 s)"
all=("$year/all/questionnaires.csv" --children "$year/all/children.csv" --logs "$year/all/logs.csv" --as-of "$as_of")
"$binary" report "${all[@]}" --format json --suppress-below 1 --allow-small-numbers \
    --out "$out/combined.truth.json" 2>/dev/null
/usr/bin/time -f "%e" -o "$work/combined.txt" "$binary" report "${all[@]}" --format json \
    --out "$work/combined-report.json" 2>/dev/null
echo "one report on every area's files together: $(cat "$work/combined.txt") s"
python3 Benchmarks/disclosure_metrics.py "$out"
