#!/usr/bin/env python3
"""Checks that two score files agree on every column they share, row by row.

Usage: compare_outputs.py OURS.csv PEER.csv
Streams both files (constant memory); exits 1 on the first difference, naming line and column.
"""
import csv, sys

ours_path, peer_path = sys.argv[1:3]
with open(ours_path, newline="") as a, open(peer_path, newline="") as b:
    ours, peer = csv.reader(a), csv.reader(b)
    ours_header, peer_header = next(ours), next(peer)
    shared = [c for c in peer_header if c in ours_header]
    oi = [ours_header.index(c) for c in shared]
    pi = [peer_header.index(c) for c in shared]
    rows = 0
    for line, (x, y) in enumerate(zip(ours, peer), start=2):
        for column, i, j in zip(shared, oi, pi):
            if x[i] != y[j]:
                sys.exit(f"line {line}: column {column}: ours {x[i]!r}, peer {y[j]!r}")
        rows += 1
    if next(ours, None) is not None or next(peer, None) is not None:
        sys.exit(f"the files have different numbers of rows (compared {rows})")
print(f"identical on {len(shared)} shared columns ({', '.join(shared)}) over {rows} rows")
