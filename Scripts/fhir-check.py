#!/usr/bin/env python3
"""Checks IVOutcomes' FHIR output with real FHIR libraries (never run by `swift test`).

- Every built-in instrument's Questionnaire (`ivoutcomes fhir questionnaire ID`) is validated
  with `fhir.resources` (its R4B models, structurally R4 for these resources).
- Each scale's SDC calculatedExpression is evaluated with `fhirpathpy` against a
  QuestionnaireResponse of every worked example in the definition (calculated answers are added
  in order, as a form filler does), and compared with the definition's expected scores.
- The same responses, as NDJSON, are scored by `ivoutcomes score --format fhir`: each
  Observation is validated and its value compared with the expected score (the round trip).
- The Observations of the example area (`score Examples/questionnaires.csv --format fhir`) are
  validated.

Usage: pip install fhir.resources fhirpathpy
       python3 Scripts/fhir-check.py [--binary .build/release/ivoutcomes]
Exits 1 when anything is invalid or a score differs.
"""
import argparse, decimal, glob, json, os, subprocess, sys, tempfile

from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.questionnaire import Questionnaire
import fhirpathpy
from fhirpathpy.models import models

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=os.path.join(root, ".build", "release", "ivoutcomes"))
args = parser.parse_args()
if not os.path.exists(args.binary):
    subprocess.run(["swift", "build", "-c", "release", "--product", "ivoutcomes"], cwd=root, check=True)


def run(*arguments):
    result = subprocess.run([args.binary, *arguments], cwd=root, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"ivoutcomes {' '.join(arguments)} failed:\n{result.stderr}")
    return result.stdout


failures = []
checked = {"questionnaires": 0, "expressions": 0, "round_trip_observations": 0, "example_observations": 0}
definitions = [json.load(open(path)) for path in sorted(glob.glob(os.path.join(root, "Instruments", "*.json")))]
responses = []
expected_values = {}
for definition in [d for d in definitions if d.get("kind") == "instrument"]:
    instrument = definition["id"]
    questionnaire = json.loads(run("fhir", "questionnaire", instrument))
    Questionnaire.model_validate(questionnaire)
    checked["questionnaires"] += 1
    scales = {s["id"]: {int(o["code"]): o["label"] for o in s["options"]} for s in definition["responseScales"]}
    choice = {item["linkId"]: item for item in questionnaire["item"] if item["type"] == "choice"}
    calculated = [item for item in questionnaire["item"] if item.get("readOnly")]
    for number, example in enumerate(definition.get("examples", [])):
        items = []
        for link, answer in example["answers"].items():
            if link not in choice or answer in (None, ""):
                continue
            options = scales[next(i for i in definition["items"] if i["id"] == link)["responseScale"]]
            code = int(answer) if str(answer).strip().lstrip("+").isdigit() else next(
                (c for c, label in options.items() if label.lower() == str(answer).strip().lower()), None)
            if code is None:
                continue  # an invalid or declined answer: the expressions must give no score
            system = choice[link]["answerOption"][0]["valueCoding"]["system"]
            items.append({"linkId": link, "answer": [{"valueCoding": {"system": system, "code": str(code)}}]})
        response = {"resourceType": "QuestionnaireResponse", "id": f"{instrument}-{number}",
                    "questionnaire": questionnaire["url"] + "|" + questionnaire["version"], "status": "completed",
                    "subject": {"identifier": {"system": "urn:ivoutcomes:check", "value": f"CHECK-{number:03d}"}},
                    "authored": "2026-02-10T10:12:40+01:00", "item": items}
        filled = json.loads(json.dumps(response))
        for item in calculated:
            expression = item["extension"][0]["valueExpression"]["expression"]
            try:
                value = fhirpathpy.evaluate(filled, expression, {"resource": filled}, model=models["r4"])
            except Exception as error:  # a function fhirpathpy does not support
                failures.append(f"{instrument} {item['linkId']}: fhirpathpy could not evaluate: {error}")
                continue
            checked["expressions"] += 1
            got = float(value[0]) if value else None
            if item["linkId"] in example["expected"]:
                expected = example["expected"][item["linkId"]]
                expected = expected.get("value") if isinstance(expected, dict) else expected
                if (got is None) != (expected is None) or (got is not None and abs(got - float(expected)) > 1e-9):
                    failures.append(f"{instrument} example {number} ({example['description']}): "
                                    f"{item['linkId']} = {got}, expected {expected}")
            if value:
                kind = "valueInteger" if item["type"] == "integer" else "valueDecimal"
                filled["item"].append({"linkId": item["linkId"], "answer": [{kind: value[0]}]})
            expected_values[(f"CHECK-{number:03d}", instrument, item["linkId"])] = got
        responses.append(response)

# The round trip: the same responses scored by ivoutcomes into Observations.
with tempfile.TemporaryDirectory() as folder:
    path = os.path.join(folder, "responses.ndjson")
    with open(path, "w") as f:
        for response in responses:
            f.write(json.dumps(response) + "\n")
    for line in run("score", path, "--format", "fhir", "--as-of", "2026-11-22").splitlines():
        observation = json.loads(line)
        Observation.model_validate(observation)
        checked["round_trip_observations"] += 1
        child = observation["subject"]["identifier"]["value"]
        instrument = observation["derivedFrom"][0]["reference"].split("/")[1].rsplit("-", 1)[0]
        code = observation["code"]["coding"][0]
        scale = code["code"] if code["system"] != "http://snomed.info/sct" else "wemwbs_total"
        value = observation.get("valueInteger", observation.get("valueQuantity", {}).get("value"))
        fhirpath = expected_values.get((child, instrument, scale))
        if fhirpath is None or abs(float(value) - fhirpath) > 1e-9:
            failures.append(f"round trip {child} {instrument} {scale}: Observation {value}, FHIRPath {fhirpath}")

for line in run("score", "Examples/questionnaires.csv", "--format", "fhir", "--as-of", "2026-11-22").splitlines():
    Observation.model_validate(json.loads(line))
    checked["example_observations"] += 1

print("fhir-check: " + ", ".join(f"{count} {what.replace('_', ' ')}" for what, count in checked.items()))
for failure in failures:
    print("  " + failure)
sys.exit(1 if failures else 0)
