#!/usr/bin/env python3
"""Checks that `ivoutcomes change` and the DuckDB query agree on every shared column.

Usage: compare_change.py OURS.csv DUCKDB.csv

Numbers are compared as numbers (DuckDB writes 40.00 where ivoutcomes writes 40). Rows of
ivoutcomes with no scored administration (which DuckDB's GROUP BY cannot produce) are skipped.
"""
import csv
import sys
from decimal import Decimal

COLUMNS = ["child_id", "scale", "baseline_on", "baseline", "latest_on", "latest", "change", "administrations"]
NUMBERS = {"baseline", "latest", "change", "administrations"}


def rows(path, skip_empty):
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            if skip_empty and row["administrations"] == "0":
                continue
            yield tuple(Decimal(row[c]) if c in NUMBERS and row[c] else row[c] for c in COLUMNS)


ours = list(rows(sys.argv[1], True))
peer = list(rows(sys.argv[2], False))
if ours != peer:
    mismatch = next((i for i, (a, b) in enumerate(zip(ours, peer)) if a != b), min(len(ours), len(peer)))
    print(f"MISMATCH: {len(ours)} vs {len(peer)} rows; first difference at row {mismatch + 1}:")
    print("  ivoutcomes:", ours[mismatch] if mismatch < len(ours) else None)
    print("  duckdb:    ", peer[mismatch] if mismatch < len(peer) else None)
    sys.exit(1)
print(f"identical: {len(ours)} child-scale rows agree on {', '.join(COLUMNS)}")
