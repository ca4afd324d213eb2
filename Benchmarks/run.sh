#!/usr/bin/env bash
# Benchmarks, each against DuckDB on the same file in the same run:
#   1. `ivoutcomes score` against the DuckDB reference scorer (../shared/bench/peer_score.py);
#   2. `ivoutcomes change` against the same computation as a DuckDB query (Benchmarks/duckdb_change.py).
#
# Usage: Benchmarks/run.sh [ROWS]     (default 1000000; needs python3, and pip install duckdb)
# Prints wall time and peak memory of each, their ratio, and checks that the shared columns of
# the outputs are identical. Timings drift between machines and runs: quote the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
shared="${IVOUTCOMES_SHARED:-../shared}"
work="${IVOUTCOMES_BENCH_DIR:-.build/bench}"
mkdir -p "$work"
input="$work/responses-$rows.csv"
if [ ! -f "$input" ]; then
    echo "generating $input ($rows rows; about a minute per million)"
    python3 "$shared/bench/make_responses.py" "$rows" "$input"
fi
python3 -c "import duckdb" 2>/dev/null || { echo "DuckDB is missing: pip install duckdb" >&2; exit 1; }
swift build -c release --product ivoutcomes >/dev/null
binary="$(swift build -c release --show-bin-path)/ivoutcomes"

measure() { # label, command...
    local label="$1"; shift
    local log="$work/time-$label.txt"
    /usr/bin/time -f "%e %M" -o "$log" "$@" >/dev/null 2>"$work/stderr-$label.txt"
    read -r seconds kilobytes < "$log"
    echo "$label $seconds $kilobytes"
}

ours=$(measure ivoutcomes "$binary" score "$input" --out "$work/ours.csv")
peer=$(measure duckdb python3 "$shared/bench/peer_score.py" duckdb "$input" "$work/duckdb.csv")
read -r _ our_s our_kb <<< "$ours"
read -r _ peer_s peer_kb <<< "$peer"
printf '%-12s %8s s %8s MB peak\n' "ivoutcomes" "$our_s" "$((our_kb / 1024))" "duckdb" "$peer_s" "$((peer_kb / 1024))"
python3 -c "print(f'ivoutcomes takes {float($our_s)/float($peer_s):.2f}x the time of DuckDB (target: at most 0.25x)')"
python3 Benchmarks/compare_outputs.py "$work/ours.csv" "$work/duckdb.csv"

echo
ours=$(measure ivoutcomes-change "$binary" change "$input" --as-of 2030-12-31 --out "$work/change-ours.csv")
peer=$(measure duckdb-change python3 Benchmarks/duckdb_change.py "$input" "$work/change-duckdb.csv")
read -r _ our_s our_kb <<< "$ours"
read -r _ peer_s peer_kb <<< "$peer"
printf '%-18s %8s s %8s MB peak\n' "ivoutcomes change" "$our_s" "$((our_kb / 1024))" "duckdb change" "$peer_s" "$((peer_kb / 1024))"
python3 -c "print(f'ivoutcomes change takes {float($our_s)/float($peer_s):.2f}x the time of DuckDB (target: at most 0.5x)')"
python3 Benchmarks/compare_change.py "$work/change-ours.csv" "$work/change-duckdb.csv"
