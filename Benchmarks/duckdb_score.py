#!/usr/bin/env python3
"""The scoring yardstick: the same scores as `ivoutcomes score`, computed by DuckDB.

Usage: Benchmarks/duckdb_score.py IN.csv OUT.csv      (pip install duckdb)

One output row per input row, in input order: `child_id, administered_on, instrument,
wemwbs_total, wemwbs_band, swemwbs_raw, swemwbs_metric`.
- WEMWBS total: the sum of the 14 items, only when all 14 are answered (14-70).
- Band: probable depression up to 40, possible depression 41-44, average 45-59, high 60-70
  (the cut-offs of Instruments/wemwbs.json, each with its published source there).
- SWEMWBS raw: the sum of items 1, 2, 3, 6, 7, 9 and 11, only when all seven are answered (7-35).
- SWEMWBS metric: the raw score through the University of Warwick's Rasch conversion table
  (raw 7-35; the table in Instruments/swemwbs.json, source `swemwbs-conversion`).
"""
import sys

import duckdb

# University of Warwick, SWEMWBS raw-to-metric conversion table, raw 7 to 35 in order.
METRIC = [
    7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25,
    19.98, 20.73, 21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00,
]
ALL_ITEMS = " + ".join(f"wemwbs_{number}" for number in range(1, 15))
SHORT_ITEMS = " + ".join(f"wemwbs_{number}" for number in (1, 2, 3, 6, 7, 9, 11))


def main(source, destination):
    table = "[" + ", ".join(f"{value:.2f}" for value in METRIC) + "]::DECIMAL(5,2)[]"
    # A sum with a blank (NULL) item is NULL: the complete-answer rule falls out of SQL's own.
    duckdb.connect().execute(f"""
        COPY (
            SELECT child_id, administered_on, instrument,
                   ({ALL_ITEMS}) AS wemwbs_total,
                   CASE
                       WHEN ({ALL_ITEMS}) IS NULL THEN NULL
                       WHEN ({ALL_ITEMS}) <= 40 THEN 'probable_depression'
                       WHEN ({ALL_ITEMS}) <= 44 THEN 'possible_depression'
                       WHEN ({ALL_ITEMS}) <= 59 THEN 'average'
                       ELSE 'high'
                   END AS wemwbs_band,
                   ({SHORT_ITEMS}) AS swemwbs_raw,
                   list_extract({table}, ({SHORT_ITEMS}) - 6) AS swemwbs_metric
            FROM read_csv('{source}', header = true)
        ) TO '{destination}' (HEADER, DELIMITER ',')""")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
