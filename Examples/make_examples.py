#!/usr/bin/env python3
"""Writes the synthetic pilot-area data in Examples/ (deterministic; no real child is in it).

Usage: python3 Examples/make_examples.py

- children.csv: one row per child (pseudonymous id, birth month, status, referral or match dates,
  demographics): 48 matched children (three of whose matches have ended) and 14 on the waiting
  list, measured at referral and every 6 months while they wait (no contact logs: no volunteer).
- questionnaires.csv: the wellbeing measure the schedule gives for the child's age (the Stirling
  Children's Wellbeing Scale from 8 to 12, WEMWBS or SWEMWBS from 13), plus the life-skills
  supplement, at match start and every 6 months, so children who turn 13 move from SCWBS to
  WEMWBS or SWEMWBS; one child's area still gives SWEMWBS under 13 (flagged below its validated
  age); a few rows carry the problems real exports have.
- logs.csv: the volunteer's monthly "what has changed?" log.
"""
import csv, datetime, os, random

rng = random.Random(20261122)
here = os.path.dirname(os.path.abspath(__file__))
today = datetime.date(2026, 11, 1)
WEMWBS = [f"wemwbs_{i}" for i in range(1, 15)]
SHORT = [f"wemwbs_{i}" for i in (1, 2, 3, 6, 7, 9, 11)]
STIRLING = [f"scwbs_{i}" for i in range(1, 16)]
LIFE = ["life_skills_travel", "life_skills_money", "life_skills_asking", "life_skills_cooking",
        "life_skills_new_people", "life_skills_speaking_up", "life_skills_planning", "life_skills_help"]
OUTCOMES = ["emotional_security", "confidence", "wellbeing", "life_skills", "expanded_horizons"]
CHANGE = ["Less", "No change", "A little more", "A lot more", "Not sure"]
EXAMPLES = ["Tried bowling for the first time", "Ordered lunch at the cafe", "Talked about school worries",
            "Took the bus into town together", "Visited the museum", "Planned our next trip"]

def add_months(d, n):
    m = d.month - 1 + n
    y = d.year + m // 12
    m = m % 12 + 1
    return datetime.date(y, m, min(d.day, 28))

def administration(cid, day, instrument, level, skill):
    """One visit's two questionnaires: the wellbeing scale's items drawn around `level` (1-5) and
    the life-skills supplement's around `skill` (1-3)."""
    row = {"child_id": cid, "administered_on": day.isoformat(), "instrument": instrument}
    for item in {"wemwbs": WEMWBS, "swemwbs": SHORT, "scwbs": STIRLING}[instrument]:
        row[item] = str(min(5, max(1, round(rng.gauss(level, 0.7)))))
    life = {"child_id": cid, "administered_on": day.isoformat(), "instrument": "life-skills"}
    for item in LIFE:
        life[item] = str(min(3, max(1, round(rng.gauss(skill, 0.5)))))
    return [row, life]


children, questionnaires, logs = [], [], []
for n in range(1, 49):
    cid = f"PA-{n:04d}"
    age = rng.choice([8, 9, 10, 11, 12, 12, 13, 13, 14, 14, 15, 16, 17])
    start = datetime.date(2024, 1, 15) + datetime.timedelta(days=rng.randrange(0, 900))
    birth = add_months(start, -12 * age - rng.randrange(0, 12))
    # Three matches have ended, 20 months in (no rng: the rest of the data is unchanged by it).
    end = add_months(start, 20) if n % 6 == 4 and add_months(start, 20) < today else None
    children.append({
        "child_id": cid, "birth_month": f"{birth.year:04d}-{birth.month:02d}", "status": "matched",
        "referred_on": "", "match_start": start.isoformat(), "match_end": end.isoformat() if end else "",
        "gender": rng.choice(["female", "male", "female", "male", "neither"]),
        "ethnicity": rng.choice(["White", "White", "White", "Mixed", "Black", "Asian", "Other"]),
        "disability": rng.choice(["no", "no", "no", "yes"]), "uasc": rng.choice(["no"] * 9 + ["yes"]),
        "care_leaver": "yes" if age >= 17 else "no", "placed_out_of_area": rng.choice(["no", "no", "yes"]),
        "local_area": "Pilotshire", "region": "North West",
    })
    level = rng.gauss(3.0, 0.5)
    gain = rng.gauss(0.12, 0.12)
    skill = rng.uniform(1.4, 2.2)
    short = rng.random() < 0.3      # from 13, this child's area gives SWEMWBS rather than WEMWBS
    wave = 0
    while True:
        day = add_months(start, 6 * wave) + datetime.timedelta(days=rng.randrange(-12, 13))
        if day > today:
            break
        # After an ended match the rows are drawn (the same random numbers) but not kept.
        kept = questionnaires if not end or day <= end else []
        older = age + wave // 2 >= 13
        instrument = ("swemwbs" if short else "wemwbs") if older else "swemwbs" if n == 2 else "scwbs"
        kept += administration(cid, day, instrument, level + gain * wave, skill + 0.25 * wave)
        wave += 1
    visit = start
    while visit <= today:
        happened = rng.random() < 0.9
        row = {"child_id": cid, "administered_on": visit.isoformat(), "instrument": "iv-log",
               "visit_happened": "Yes" if happened else "No"}
        if happened:
            for outcome in OUTCOMES:
                row[f"change_{outcome}"] = rng.choices(CHANGE, weights=[3, 45, 30, 10, 12])[0]
            if rng.random() < 0.3:
                row[f"example_{rng.choice(OUTCOMES)}"] = rng.choice(EXAMPLES)
        if not end or visit <= end:
            logs.append(row)
        visit = add_months(visit, 1) + datetime.timedelta(days=rng.randrange(-5, 6))

# The waiting list: children referred for an IV and not yet matched, measured at referral and every
# 6 months while they wait, with a smaller drift in their scores. Ages keep each child on one
# instrument (SCWBS from 8 to 12, WEMWBS from 13) while waiting.
for n in range(1, 15):
    cid = f"PW-{n:04d}"
    age = [9, 10, 11, 10, 9, 11, 10, 14, 15, 14, 13, 15, 14, 13][n - 1]
    referred = datetime.date(2025, 1, 6) + datetime.timedelta(days=rng.randrange(0, 420))
    birth = add_months(referred, -12 * age - rng.randrange(0, 6))
    children.append({
        "child_id": cid, "birth_month": f"{birth.year:04d}-{birth.month:02d}", "status": "waiting",
        "referred_on": referred.isoformat(), "match_start": "", "match_end": "",
        "gender": rng.choice(["female", "male", "female", "male", "neither"]),
        "ethnicity": rng.choice(["White", "White", "White", "Mixed", "Black", "Asian", "Other"]),
        "disability": rng.choice(["no", "no", "no", "yes"]), "uasc": rng.choice(["no"] * 9 + ["yes"]),
        "care_leaver": "no", "placed_out_of_area": rng.choice(["no", "no", "yes"]),
        "local_area": "Pilotshire", "region": "North West",
    })
    level = rng.gauss(3.0, 0.5)
    gain = rng.gauss(0.03, 0.1)
    skill = rng.uniform(1.4, 2.2)
    instrument = "wemwbs" if age >= 13 else "scwbs"
    wave = 0
    while True:
        day = add_months(referred, 6 * wave) + datetime.timedelta(days=rng.randrange(-12, 13))
        if day > today:
            break
        questionnaires += administration(cid, day, instrument, level + gain * wave, skill + 0.05 * wave)
        wave += 1

# The problems real exports have, so the demo shows how each is reported.
wem = [r for r in questionnaires if r["instrument"] == "wemwbs"]
wem[3]["wemwbs_14"] = ""                                  # one item left blank: SWEMWBS still scored
wem[7]["wemwbs_5"] = "declined"                           # the young person declined one question
wem[11].update({f"wemwbs_{i}": "Often" for i in range(1, 15)})  # labels instead of codes
wem[15]["wemwbs_4"] = "6"                                 # not an answer on a 1-5 scale
wem[19]["administered_on"] = "03/04/2026"                 # an ambiguous spreadsheet date
stirling = [r for r in questionnaires if r["instrument"] == "scwbs"]
stirling[5]["scwbs_7"] = ""                               # a validity item blank: the wellbeing score stands
stirling[9].update({"scwbs_1": "Quite a lot of the time", "scwbs_9": "Never"})  # labels instead of codes

def write(name, rows, columns):
    with open(os.path.join(here, name), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=columns, lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({c: r.get(c, "") for c in columns})

questionnaires.sort(key=lambda r: (r["child_id"], r["administered_on"], r["instrument"]))
write("children.csv", children, list(children[0].keys()))
write("questionnaires.csv", questionnaires, ["child_id", "administered_on", "instrument"] + WEMWBS + STIRLING + LIFE)
write("logs.csv", logs, ["child_id", "administered_on", "instrument", "visit_happened"]
      + [f"change_{o}" for o in OUTCOMES] + [f"example_{o}" for o in OUTCOMES])

# survey-export.csv: the SWEMWBS forms as a Microsoft Forms export would give them: the question
# texts (with curly apostrophes) as headers, answer labels as values, date-times, and columns that
# must never be read (a response number, a start time, an email, a name); survey-columns.csv maps
# its id and date questions (`ivoutcomes score Examples/survey-export.csv --instrument swemwbs
# --columns Examples/survey-columns.csv --date-format DD/MM/YYYY`).
import json
swemwbs = json.load(open(os.path.join(here, "..", "Instruments", "swemwbs.json")))
labels = {o["code"]: o["label"] for o in swemwbs["responseScales"][0]["options"]}
texts = [item["text"].replace("'", "\u2019") for item in swemwbs["items"]]
short = [r for r in questionnaires if r["instrument"] == "swemwbs"
         and all(r.get(i, "") in {"1", "2", "3", "4", "5"} for i in SHORT) and "-" in r["administered_on"]]
with open(os.path.join(here, "survey-export.csv"), "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["ID", "Start time", "Completion time", "Email", "Name", "Your ID number"] + texts)
    for number, r in enumerate(short, 1):
        day = datetime.date.fromisoformat(r["administered_on"])
        start = f"{day.day:02d}/{day.month:02d}/{day.year} {16 + number % 3}:{(7 * number) % 50:02d}"
        end = f"{day.day:02d}/{day.month:02d}/{day.year} {16 + number % 3}:{(7 * number) % 50 + 9:02d}"
        w.writerow([number, start, end, f"young.person{number}@example.org", f"Example Person {number}",
                    r["child_id"]] + [labels[int(r[i])] for i in SHORT])
with open(os.path.join(here, "survey-columns.csv"), "w", newline="") as f:
    f.write("header,field\nYour ID number,child_id\nCompletion time,administered_on\n")
