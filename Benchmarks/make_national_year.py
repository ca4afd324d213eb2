#!/usr/bin/env python3
"""Write a synthetic national year of Independent Visitor services: one folder per area with its
children file, questionnaires and monthly IV logs, and the same files of every area combined.
Deterministic for a given seed; no real child is in it.

Usage: Benchmarks/make_national_year.py OUT_DIR [--seed N] [--as-of YYYY-MM-DD]

Writes OUT_DIR/areas/<area>/{children,questionnaires,logs}.csv, OUT_DIR/all/... (every area's rows
in one file each) and OUT_DIR/areas.csv (area, country, region, matched, waiting).

Published facts it is built from (national IV data reports 2016 and 2022, as summarised in the
project's disclosure-control reference, "Facts for realistic test data"):
- England: 146 of 152 authorities answered; 2 had no service, so 144 services; about 2,650
  children matched and 1,327 waiting; about 80% of authorities keep a waiting list.
- Wales: 21 authorities; 79 matched, 43 waiting; 55% keep a waiting list.
  So 165 services, 2,729 matched and 1,370 waiting children.
- 2016: about 14 matches per service on average; services range from a handful to over a
  hundred matches.
- Ages of matched children (2022): 8-11 33%, 12-14 40%, few under 8 (7-8 the most common
  minimum age), 15-17 and 18+ the rest.
- Match length (2022): under two years 51%, two to five years 35%, over five years 14%.
- Out of area: 26% of matched and 29% of waiting children (England).

The generator's own choices (not published facts, stated so that nobody quotes them):
- Service sizes: 23 services with 1-4 matched children, 57 with 5-9, 67 with 10-30, 14 with
  31-59 and 4 with 60 or more (the largest 109), the spread the report-design issue measured
  against; the 21 Welsh services are among the smaller ones.
- Waiting children per service roughly in proportion to its size.
- Ages within the published shares: under 8 5%, 15-17 18%, 18+ 4%; match lengths: under one year
  25%, one to two years 26%.
- Regions: England's nine regions in turn, Wales its own.
- Gender, ethnicity, disability, UASC and care leaving in the proportions of the bundled example
  area (Examples/make_examples.py), which are invented.
- Measurement: the schedule's instrument for the child's age (SCWBS 8-12, WEMWBS from 13, or
  SWEMWBS in services that use the short form) and the life-skills supplement, at match start
  (or referral) or from 2025-01-01 if later, then every 6 months, with about one wave in ten
  missed; monthly IV logs over the last year; scores drifting up a little for matched children
  and less for waiting ones.
"""
import argparse
import csv
import datetime
import os
import random

p = argparse.ArgumentParser()
p.add_argument("out")
p.add_argument("--seed", type=int, default=2024)
p.add_argument("--as-of", default="2026-11-30")
a = p.parse_args()
rng = random.Random(a.seed)
as_of = datetime.date.fromisoformat(a.as_of)
measuring_from = datetime.date(2025, 1, 1)

WEMWBS = [f"wemwbs_{i}" for i in range(1, 15)]
SHORT = [f"wemwbs_{i}" for i in (1, 2, 3, 6, 7, 9, 11)]
STIRLING = [f"scwbs_{i}" for i in range(1, 16)]
LIFE = ["life_skills_travel", "life_skills_money", "life_skills_asking", "life_skills_cooking",
        "life_skills_new_people", "life_skills_speaking_up", "life_skills_planning", "life_skills_help"]
OUTCOMES = ["emotional_security", "confidence", "wellbeing", "life_skills", "expanded_horizons"]
CHANGE = ["Less", "No change", "A little more", "A lot more", "Not sure"]
REGIONS = ["North East", "North West", "Yorkshire and the Humber", "East Midlands", "West Midlands",
           "East of England", "London", "South East", "South West"]
CHILD_COLUMNS = ["child_id", "birth_month", "status", "referred_on", "match_start", "match_end", "gender",
                 "ethnicity", "disability", "uasc", "care_leaver", "placed_out_of_area", "local_area", "region"]
QUESTION_COLUMNS = ["child_id", "administered_on", "instrument"] + WEMWBS + STIRLING + LIFE
LOG_COLUMNS = ["child_id", "administered_on", "instrument", "visit_happened"] + [f"change_{o}" for o in OUTCOMES]


def add_months(day, months):
    month = day.month - 1 + months
    return datetime.date(day.year + month // 12, month % 12 + 1, min(day.day, 28))


def sizes():
    """Matched children per service: (country, size), Wales's 21 summing to 79, England's 144 to 2,650."""
    bands = {"tiny": (1, 4), "small": (5, 9), "middle": (10, 30), "large": (31, 59)}
    wales = [("tiny", rng.randint(1, 4)) for _ in range(10)] + [("small", rng.randint(5, 9)) for _ in range(11)]
    england = ([("tiny", rng.randint(1, 4)) for _ in range(13)] + [("small", rng.randint(5, 9)) for _ in range(46)]
               + [("middle", min(30, 10 + int(rng.expovariate(1 / 7)))) for _ in range(67)]
               + [("large", rng.randint(31, 59)) for _ in range(14)]
               + [("largest", size) for size in (109, 72, 64, 61)])
    for values, total, adjustable in ((wales, 79, ("tiny", "small")), (england, 2650, ("middle",))):
        # Nudge sizes, each within its band, until the total is the published one.
        while sum(size for _, size in values) != total:
            step = 1 if sum(size for _, size in values) < total else -1
            index = rng.choice([i for i, (band, _) in enumerate(values) if band in adjustable])
            band, size = values[index]
            low, high = bands[band]
            if low <= size + step <= high:
                values[index] = (band, size + step)
    areas = [("Wales", size) for _, size in wales] + [("England", size) for _, size in england]
    rng.shuffle(areas)
    return areas


def waiting_counts(areas):
    """Waiting children per service: about 80% of English and 55% of Welsh services keep a list."""
    result = [0] * len(areas)
    for country, total, share in (("England", 1327, 0.8), ("Wales", 43, 0.55)):
        indices = [i for i, (c, _) in enumerate(areas) if c == country]
        keeping = [i for i in indices if rng.random() < share] or indices[:1]
        weights = [areas[i][1] + 1 for i in keeping]
        for _ in range(total):
            result[rng.choices(keeping, weights)[0]] += 1
    return result


def age():
    return rng.choices([7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18],
                       [5, 8.25, 8.25, 8.25, 8.25, 13.33, 13.33, 13.34, 6, 6, 6, 4])[0]


def match_years():
    band = rng.choices(["under1", "1to2", "2to5", "over5"], [25, 26, 35, 14])[0]
    return {"under1": rng.uniform(0.05, 0.99), "1to2": rng.uniform(1.0, 1.99),
            "2to5": rng.uniform(2.0, 4.99), "over5": rng.uniform(5.0, 8.0)}[band]


def answers(instrument, level, skill):
    row = {}
    for item in {"wemwbs": WEMWBS, "swemwbs": SHORT, "scwbs": STIRLING}[instrument]:
        row[item] = str(min(5, max(1, round(rng.gauss(level, 0.7)))))
    life = {item: str(min(3, max(1, round(rng.gauss(skill, 0.5))))) for item in LIFE}
    return row, life


def child(cid, area, region, waiting, out_of_area_share):
    years = age()
    referred = as_of - datetime.timedelta(days=rng.randrange(30, 540)) if waiting else None
    start = None if waiting else as_of - datetime.timedelta(days=int(match_years() * 365.25))
    anchor = referred or start
    birth = add_months(as_of, -12 * years - rng.randrange(0, 12))
    ended = None if waiting or rng.random() > 0.05 else as_of - datetime.timedelta(days=rng.randrange(10, 120))
    record = {
        "child_id": cid, "birth_month": f"{birth.year:04d}-{birth.month:02d}",
        "status": "waiting" if waiting else "matched", "referred_on": referred.isoformat() if referred else "",
        "match_start": start.isoformat() if start else "", "match_end": ended.isoformat() if ended and ended > start else "",
        "gender": rng.choice(["female", "male", "female", "male", "neither"]),
        "ethnicity": rng.choice(["White", "White", "White", "Mixed", "Black", "Asian", "Other"]),
        "disability": rng.choice(["no", "no", "no", "yes"]), "uasc": rng.choice(["no"] * 9 + ["yes"]),
        "care_leaver": "yes" if years >= 17 else "no",
        "placed_out_of_area": "yes" if rng.random() < out_of_area_share else "no",
        "local_area": area, "region": region,
    }
    return record, anchor, birth, (ended if record["match_end"] else None)


def main():
    areas = sizes()
    waiting = waiting_counts(areas)
    english = iter(range(1, 1000))
    welsh = iter(range(1, 1000))
    combined = {"children.csv": [], "questionnaires.csv": [], "logs.csv": []}
    os.makedirs(os.path.join(a.out, "areas"), exist_ok=True)
    summary = []
    for index, ((country, matched), waits) in enumerate(zip(areas, waiting)):
        if country == "England":
            name = f"E{next(english):03d}"
            region = REGIONS[index % len(REGIONS)]
        else:
            name = f"W{next(welsh):02d}"
            region = "Wales"
        short_form = rng.random() < 0.3
        children, questionnaires, logs = [], [], []
        for n in range(matched + waits):
            is_waiting = n >= matched
            cid = f"{name}-{'W' if is_waiting else 'M'}{n:04d}"
            record, anchor, birth, ended = child(cid, name, region, is_waiting, 0.29 if is_waiting else 0.26)
            children.append(record)
            level = rng.gauss(3.0, 0.5)
            gain = rng.gauss(0.03 if is_waiting else 0.12, 0.12)
            skill = rng.uniform(1.4, 2.2)
            first = max(anchor, measuring_from)
            wave = 0
            while True:
                day = add_months(first, 6 * wave) + datetime.timedelta(days=rng.randrange(-10, 11))
                if day > as_of or (ended and day > ended):
                    break
                if wave == 0 or rng.random() > 0.1:
                    years = (day - add_months(birth, 0)).days // 365
                    instrument = "scwbs" if years < 13 else ("swemwbs" if short_form else "wemwbs")
                    row, life = answers(instrument, level + gain * wave, skill + 0.2 * wave)
                    questionnaires.append({"child_id": cid, "administered_on": day.isoformat(),
                                           "instrument": instrument, **row})
                    questionnaires.append({"child_id": cid, "administered_on": day.isoformat(),
                                           "instrument": "life-skills", **life})
                wave += 1
            if not is_waiting:
                visit = max(anchor, add_months(as_of, -12))
                while visit <= as_of and not (ended and visit > ended):
                    happened = rng.random() < 0.9
                    log = {"child_id": cid, "administered_on": visit.isoformat(), "instrument": "iv-log",
                           "visit_happened": "Yes" if happened else "No"}
                    if happened:
                        for outcome in OUTCOMES:
                            log[f"change_{outcome}"] = rng.choices(CHANGE, weights=[3, 45, 30, 10, 12])[0]
                    logs.append(log)
                    visit = add_months(visit, 1) + datetime.timedelta(days=rng.randrange(-5, 6))
        folder = os.path.join(a.out, "areas", name)
        os.makedirs(folder, exist_ok=True)
        for file, rows, columns in (("children.csv", children, CHILD_COLUMNS),
                                    ("questionnaires.csv", questionnaires, QUESTION_COLUMNS),
                                    ("logs.csv", logs, LOG_COLUMNS)):
            write(os.path.join(folder, file), rows, columns)
            combined[file] += rows
        summary.append({"area": name, "country": country, "region": region, "matched": matched, "waiting": waits})
    os.makedirs(os.path.join(a.out, "all"), exist_ok=True)
    write(os.path.join(a.out, "all", "children.csv"), combined["children.csv"], CHILD_COLUMNS)
    write(os.path.join(a.out, "all", "questionnaires.csv"), combined["questionnaires.csv"], QUESTION_COLUMNS)
    write(os.path.join(a.out, "all", "logs.csv"), combined["logs.csv"], LOG_COLUMNS)
    write(os.path.join(a.out, "areas.csv"), summary, ["area", "country", "region", "matched", "waiting"])
    print(f"{len(areas)} areas, {sum(s['matched'] for s in summary)} matched and {sum(s['waiting'] for s in summary)} "
          f"waiting children, {len(combined['questionnaires.csv'])} questionnaires, {len(combined['logs.csv'])} logs")


def write(path, rows, columns):
    with open(path, "w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        for row in rows:
            writer.writerow({column: row.get(column, "") for column in columns})


main()
