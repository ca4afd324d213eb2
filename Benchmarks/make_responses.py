#!/usr/bin/env python3
"""The benchmark's input: a synthetic wide CSV of WEMWBS administrations.

Usage: Benchmarks/make_responses.py ROWS OUT.csv [--seed N] [--blank-share P]

Columns `child_id, administered_on, instrument, wemwbs_1..wemwbs_14`. Children are followed
about every six months (one to six administrations each, the first in 2025-2026); each answer
is 1-5, drawn around the child's own level, which drifts a little from wave to wave; about 1%
of answers are blank, so that the missing-answer rules do work. The same seed writes the same
file. A million rows is about 55 MB and takes about a minute: `Benchmarks/run.sh` makes it once
under .build/bench and reuses it.
"""
import argparse
import csv
import datetime
import random

ITEMS = [f"wemwbs_{number}" for number in range(1, 15)]


def administrations(rng, blank_share):
    """Every child's administrations, one child after another, without end."""
    first_day = datetime.date(2025, 1, 6)
    child = 0
    while True:
        child += 1
        level = rng.gauss(3.3, 0.6)      # the child's usual answer
        drift = rng.gauss(0.08, 0.15)    # how much it moves per wave
        start = first_day + datetime.timedelta(days=rng.randrange(700))
        for wave in range(rng.randint(1, 6)):
            day = start + datetime.timedelta(days=182 * wave + rng.randint(-10, 10))
            answers = [
                "" if rng.random() < blank_share else str(min(5, max(1, round(rng.gauss(level + drift * wave, 0.8)))))
                for _ in ITEMS
            ]
            yield [f"C{child:07d}", day.isoformat(), "wemwbs", *answers]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("rows", type=int)
    parser.add_argument("out")
    parser.add_argument("--seed", type=int, default=20261122)
    parser.add_argument("--blank-share", type=float, default=0.01)
    arguments = parser.parse_args()
    rng = random.Random(arguments.seed)
    with open(arguments.out, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["child_id", "administered_on", "instrument", *ITEMS])
        for _, row in zip(range(arguments.rows), administrations(rng, arguments.blank_share)):
            writer.writerow(row)


if __name__ == "__main__":
    main()
