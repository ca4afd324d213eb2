#!/usr/bin/env bash
# Benchmarks, each against DuckDB on the same file in the same run:
#   1. `ivoutcomes score` against the same scores computed by DuckDB (Benchmarks/duckdb_score.py);
#   2. `ivoutcomes change` against the same computation as a DuckDB query (Benchmarks/duckdb_change.py);
# then, without a peer: flat memory for a huge quoted field, and 100,000 FHIR QuestionnaireResponses.
#
# Usage: Benchmarks/run.sh [ROWS]     (default 1000000; needs python3, and pip install duckdb)
# The input is the project's own (Benchmarks/make_responses.py), made once under .build/bench.
# Runs each command IVOUTCOMES_BENCH_RUNS times (default 3), alternating ivoutcomes and DuckDB,
# and prints the best wall time and the peak memory of each, their ratio, and checks that the
# shared columns of the outputs are identical. Timings drift between machines and runs (shared
# virtual machines are noisy, hence the best of several): quote the ratio.
set -euo pipefail
cd "$(dirname "$0")/.."
rows="${1:-1000000}"
work="${IVOUTCOMES_BENCH_DIR:-.build/bench}"
runs="${IVOUTCOMES_BENCH_RUNS:-3}"
mkdir -p "$work"
input="$work/responses-$rows.csv"
if [ ! -f "$input" ]; then
    echo "generating $input ($rows rows; about a minute per million)"
    python3 Benchmarks/make_responses.py "$rows" "$input"
fi
python3 -c "import duckdb" 2>/dev/null || { echo "DuckDB is missing: pip install duckdb" >&2; exit 1; }
swift build -c release --product ivoutcomes >/dev/null
binary="$(swift build -c release --show-bin-path)/ivoutcomes"

measure() { # label, command... : one run; appends "seconds kilobytes" to $work/runs-label.txt
    local label="$1"; shift
    /usr/bin/time -f "%e %M" -a -o "$work/runs-$label.txt" "$@" >/dev/null 2>"$work/stderr-$label.txt"
}

best() { # label: "seconds megabytes" of its fastest run, and the largest peak memory of all runs
    sort -n "$work/runs-$1.txt" | awk 'NR == 1 { s = $1 } $2 > m { m = $2 } END { printf "%s %d", s, m / 1024 }'
}

compare() { # ours-label, peer-label, target, ours-command..., --, peer-command...
    local ours="$1" peer="$2" target="$3"; shift 3
    local split
    for ((split = 1; split <= $#; split++)); do [ "${!split}" = "--" ] && break; done
    local ours_command=("${@:1:split-1}") peer_command=("${@:split+1}")
    rm -f "$work/runs-$ours.txt" "$work/runs-$peer.txt"
    for ((run = 0; run < runs; run++)); do
        measure "$ours" "${ours_command[@]}"
        measure "$peer" "${peer_command[@]}"
    done
    read -r our_s our_mb <<< "$(best "$ours")"
    read -r peer_s peer_mb <<< "$(best "$peer")"
    printf '%-20s %6s s %6s MB peak   (best of %s)\n' "$ours" "$our_s" "$our_mb" "$runs" "$peer" "$peer_s" "$peer_mb" "$runs"
    python3 -c "print(f'$ours takes {float($our_s)/float($peer_s):.2f}x the time of $peer (target: at most $target)')"
}

# The generated file has administrations up to 2029: score (like change) is run as of 2030, so
# no row is flagged as dated after the as-of date and both sides do the same work.
compare ivoutcomes duckdb 0.25x "$binary" score "$input" --as-of 2030-12-31 --out "$work/ours.csv" \
    -- python3 Benchmarks/duckdb_score.py "$input" "$work/duckdb.csv"
python3 Benchmarks/compare_outputs.py "$work/ours.csv" "$work/duckdb.csv"

echo
compare "ivoutcomes change" "duckdb change" 0.5x "$binary" change "$input" --as-of 2030-12-31 --out "$work/change-ours.csv" \
    -- python3 Benchmarks/duckdb_change.py "$input" "$work/change-duckdb.csv"
python3 Benchmarks/compare_change.py "$work/change-ours.csv" "$work/change-duckdb.csv"

# Flat memory whatever the shape: one quoted field of 1,000,000 short lines (2 MB) in a two-row file.
echo
quoted="$work/quoted-field.csv"
if [ ! -f "$quoted" ]; then
    python3 - "$quoted" <<'PY'
import sys
header = "child_id,administered_on,instrument," + ",".join(f"wemwbs_{i}" for i in range(1, 15))
row = "C1,2026-01-10,wemwbs," + ",".join(["3"] * 13)
with open(sys.argv[1], "w") as out:
    out.write(header + "\n" + row + ",3\n" + row + ',"' + "x\n" * 1_000_000 + '"\n')
PY
fi
/usr/bin/time -f "%e %M" -o "$work/quoted.txt" "$binary" score "$quoted" --out "$work/quoted-scores.csv" 2>/dev/null
read -r quoted_s quoted_kb < "$work/quoted.txt"
python3 -c "print(f'ivoutcomes score, one quoted field of 1,000,000 lines: {$quoted_s} s, {$quoted_kb // 1024} MB peak (target: under 150 MB)')"

# FHIR: 100,000 QuestionnaireResponses as NDJSON (WEMWBS, coded answers in the questionnaire's
# answer system), scored to CSV and to Observations.
echo
fhir="$work/responses-100000.ndjson"
if [ ! -f "$fhir" ]; then
    python3 - "$fhir" <<'PY'
import json, random, sys
rng = random.Random(2026)
base = "http://ivoutcomes.example.org/fhir"
system = f"{base}/CodeSystem/wemwbs/wemwbs_frequency"
with open(sys.argv[1], "w") as out:
    for n in range(100_000):
        items = [{"linkId": f"wemwbs_{i}", "answer": [{"valueCoding": {"system": system, "code": str(rng.randint(1, 5))}}]}
                 for i in range(1, 15)]
        out.write(json.dumps({
            "resourceType": "QuestionnaireResponse", "id": f"qr-{n}", "questionnaire": f"{base}/Questionnaire/wemwbs|1.2.0",
            "status": "completed", "subject": {"identifier": {"system": "urn:bench", "value": f"B{n % 20000:05d}"}},
            "authored": f"2026-{1 + n % 12:02d}-{1 + n % 28:02d}T10:00:00+01:00", "item": items}) + "\n")
PY
fi
for format in csv fhir; do
    /usr/bin/time -f "%e %M" -o "$work/fhir-$format.txt" "$binary" score "$fhir" --format "$format" --as-of 2030-12-31 \
        --out "$work/fhir-scores.$format" 2>/dev/null
    read -r fhir_s fhir_kb < "$work/fhir-$format.txt"
    python3 -c "print(f'ivoutcomes score, 100,000 FHIR QuestionnaireResponses (NDJSON) to $format: {$fhir_s} s, {$fhir_kb // 1024} MB peak (target: under 5 s and 100 MB)')"
done
