#!/usr/bin/env python3
"""The change computation of `ivoutcomes change`, done with DuckDB: the benchmark's yardstick.

Usage: duckdb_change.py IN.csv OUT.csv

Scores WEMWBS rows as Benchmarks/duckdb_score.py does (complete forms only), then per child
and scale (wemwbs_total, swemwbs_metric) takes the first and last scored administration by date,
their values, the number of scored administrations and the change. Writes CSV ordered by child
and scale, with the columns `ivoutcomes change` shares with it.
"""
import sys

import duckdb

METRIC = [7.00, 9.51, 11.25, 12.40, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36,
          16.88, 17.43, 17.98, 18.59, 19.25, 19.98, 20.73, 21.54, 22.35, 23.21,
          24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.70, 32.55, 35.00]
ITEMS = [f"wemwbs_{i}" for i in range(1, 15)]
SHORT = [f"wemwbs_{i}" for i in (1, 2, 3, 6, 7, 9, 11)]
src, dst = sys.argv[1:3]
table = "[" + ", ".join(f"{m:.2f}" for m in METRIC) + "]::DECIMAL(5,2)[]"
con = duckdb.connect()
con.execute(f"""
  COPY (
    WITH scored AS (
      SELECT child_id, administered_on,
             ({" + ".join(ITEMS)})::DECIMAL(5,2) AS wemwbs_total,
             list_extract({table}, ({" + ".join(SHORT)}) - 6) AS swemwbs_metric
      FROM read_csv('{src}', header=true)
    ),
    long AS (
      SELECT child_id, administered_on, 'wemwbs_total' AS scale, wemwbs_total AS value FROM scored
      UNION ALL
      SELECT child_id, administered_on, 'swemwbs_metric', swemwbs_metric FROM scored
    )
    SELECT child_id, scale,
           min(administered_on) AS baseline_on,
           arg_min(value, administered_on) AS baseline,
           CASE WHEN count(*) > 1 THEN max(administered_on) END AS latest_on,
           CASE WHEN count(*) > 1 THEN arg_max(value, administered_on) END AS latest,
           CASE WHEN count(*) > 1 THEN arg_max(value, administered_on) - arg_min(value, administered_on) END AS change,
           count(*) AS administrations
    FROM long WHERE value IS NOT NULL
    GROUP BY child_id, scale
    ORDER BY child_id, scale
  ) TO '{dst}' (HEADER, DELIMITER ',')""")
