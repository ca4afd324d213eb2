#!/usr/bin/env python3
"""Fuzz every reading command of `ivoutcomes` with mutated inputs.

Mutates the example CSVs (questionnaires, children, logs, a survey export and its column
mapping), a JSON Lines file, FHIR QuestionnaireResponses (NDJSON and a Bundle), a definition
file and a pooling summary, runs each command that reads that kind of file with a timeout, and
reports:
  - crashes: death by any signal (a trap, a segfault) or a "Fatal error" from the runtime;
  - hangs: a run past the timeout;
  - exit statuses outside the documented set (0, 64, 65, 66, 73);
  - invalid UTF-8 in standard output, standard error or any output file;
  - an input file changed by a run.
Then it checks signals: SIGTERM, SIGHUP and SIGINT during a long `score --out` leave no
partial file and the previous output intact, with exit 143, 129 and 130.

Usage: Scripts/fuzz.py [--seconds N] [--binary PATH] [--seed N] [--keep DIR]
Exits 1 when anything was found (the failing inputs are kept in --keep, default .build/fuzz-failures).
"""
import argparse
import hashlib
import json
import os
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCUMENTED = {0, 64, 65, 66, 73}
AS_OF = "2026-11-22"


def read(path):
    with open(path, "rb") as handle:
        return handle.read()


def jsonl_from_csv(text):
    lines = text.decode("utf-8").splitlines()
    header = lines[0].split(",")
    out = []
    for line in lines[1:40]:
        cells = line.split(",")
        if len(cells) != len(header):
            continue
        row = dict(zip(header, cells))
        answers = {k: v for k, v in row.items() if k not in ("child_id", "administered_on", "instrument") and v}
        out.append(json.dumps({"child_id": row["child_id"], "administered_on": row["administered_on"],
                               "instrument": row["instrument"], "answers": answers}))
    return ("\n".join(out) + "\n").encode()


def fhir_from_csv(text):
    """QuestionnaireResponses of the first rows, one per line (NDJSON), coded as `fhir questionnaire` codes them."""
    base = "http://ivoutcomes.example.org/fhir"
    lines = text.decode("utf-8").splitlines()
    header = lines[0].split(",")
    out = []
    for number, line in enumerate(lines[1:40]):
        cells = line.split(",")
        if len(cells) != len(header):
            continue
        row = dict(zip(header, cells))
        items = [{"linkId": k, "answer": [{"valueCoding": {"system": f"{base}/CodeSystem/{row['instrument']}/x", "code": v}}]}
                 for k, v in row.items() if k not in ("child_id", "administered_on", "instrument") and v]
        out.append({"resourceType": "QuestionnaireResponse", "id": f"r{number}", "status": "completed",
                    "questionnaire": f"{base}/Questionnaire/{row['instrument']}", "authored": row["administered_on"],
                    "subject": {"identifier": {"value": row["child_id"]}}, "item": items})
    return out


SPECIAL = [b",", b";", b"\t", b'"', b'""', b"\n", b"\r\n", b"\r", b"\x00", b"\xff", b"\xe9", b"\xc3", b"\xef\xbb\xbf",
           b"\xff\xfe", b"=cmd", b"1e20", b"-1", b"99999999999999999999", b"2.5", b"null", b"[]", b"{}", b"9999-12-31",
           b"1800-01", b"03/04/2026", b"declined", b"Often", b" ", b"\xe2\x80\xaf"]


def mutate(data, rng):
    data = bytearray(data)
    for _ in range(rng.randint(1, 6)):
        choice = rng.random()
        position = rng.randint(0, len(data)) if data else 0
        if choice < 0.25 and data:
            data[min(position, len(data) - 1)] = rng.randint(0, 255)
        elif choice < 0.5:
            data[position:position] = rng.choice(SPECIAL)
        elif choice < 0.6 and data:
            end = min(len(data), position + rng.randint(1, 200))
            del data[position:end]
        elif choice < 0.7 and data:
            end = min(len(data), position + rng.randint(1, 400))
            data[position:position] = data[position:end] * rng.randint(1, 20)
        elif choice < 0.75:
            data = data[:position]
        elif choice < 0.8:
            data[position:position] = b'"' + b"x\n" * rng.randint(1, 5000)
        elif choice < 0.85:
            data[position:position] = b"," * rng.randint(1, 3000)
        elif choice < 0.9:
            try:
                text = bytes(data).decode("utf-8")
                data = bytearray(rng.choice([b"\xff\xfe" + text.encode("utf-16-le"), b"\xfe\xff" + text.encode("utf-16-be"),
                                             text.encode("cp1252", errors="replace"), text.encode("utf-16-le")]))
            except UnicodeDecodeError:
                pass
        else:
            text = bytes(data)
            for old, new in ((b",", b";"), (b",", b"\t"), (b"\n", b"\r\n"), (b"-", b"/")):
                if rng.random() < 0.3:
                    text = text.replace(old, new)
            data = bytearray(text)
    return bytes(data)


def mutate_json(data, rng):
    """Replace numbers and strings in a JSON document with extreme or wrong values."""
    try:
        value = json.loads(data)
    except ValueError:
        return mutate(data, rng)
    extremes = [1e20, -1, 2.5, 0, 9007199254740993, -9007199254740993, "under 5", "suppressed", None, [], {}, True,
                {"atLeast": 1e30, "areasSuppressed": -1}, "x" * 1000]

    def walk(node):
        if isinstance(node, dict):
            for key in list(node):
                if rng.random() < 0.05:
                    node[key] = rng.choice(extremes)
                elif rng.random() < 0.01:
                    del node[key]
                else:
                    walk(node[key])
        elif isinstance(node, list):
            for index in range(len(node)):
                if rng.random() < 0.05:
                    node[index] = rng.choice(extremes)
                else:
                    walk(node[index])

    walk(value)
    out = json.dumps(value).encode()
    return mutate(out, rng) if rng.random() < 0.3 else out


def valid_utf8(data):
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


class Fuzzer:
    def __init__(self, binary, work, keep, timeout):
        self.binary = binary
        self.work = work
        self.keep = keep
        self.timeout = timeout
        self.runs = 0
        self.statuses = {}
        self.failures = []

    def run(self, kind, arguments, inputs, outputs):
        """Runs one command; `inputs` and `outputs` are paths to check afterwards."""
        before = {path: hashlib.sha256(read(path)).hexdigest() for path in inputs if os.path.isfile(path)}
        for path in outputs:
            if os.path.exists(path):
                os.remove(path)
        self.runs += 1
        problem = None
        try:
            result = subprocess.run([self.binary] + arguments, capture_output=True, timeout=self.timeout,
                                    stdin=subprocess.DEVNULL, cwd=self.work)
            status = result.returncode
            self.statuses[status] = self.statuses.get(status, 0) + 1
            if status < 0:
                problem = f"crash: signal {-status}"
            elif b"Fatal error" in result.stderr:
                problem = "crash: Fatal error"
            elif status not in DOCUMENTED:
                problem = f"undocumented exit status {status}"
            elif not valid_utf8(result.stdout):
                problem = "invalid UTF-8 on standard output"
            elif not valid_utf8(result.stderr):
                problem = "invalid UTF-8 on standard error"
            else:
                for path in outputs:
                    if os.path.isfile(path) and not valid_utf8(read(path)):
                        problem = f"invalid UTF-8 in {os.path.basename(path)}"
        except subprocess.TimeoutExpired:
            problem = f"hang: over {self.timeout} s"
        for path, digest in before.items():
            if not os.path.isfile(path) or hashlib.sha256(read(path)).hexdigest() != digest:
                problem = problem or f"input changed: {os.path.basename(path)}"
        leftovers = [name for name in os.listdir(self.work) if name.endswith(".partial")]
        if leftovers:
            problem = problem or f"partial files left: {leftovers}"
            for name in leftovers:
                os.remove(os.path.join(self.work, name))
        if problem:
            case = os.path.join(self.keep, f"{len(self.failures):04d}-{kind}")
            os.makedirs(case, exist_ok=True)
            for path in inputs:
                if os.path.isfile(path):
                    shutil.copy(path, case)
            with open(os.path.join(case, "command.txt"), "w") as handle:
                handle.write(f"{problem}\nivoutcomes {' '.join(arguments)}\n")
            self.failures.append((problem, kind, arguments))


def signal_checks(binary, work, failures):
    """SIGTERM, SIGHUP and SIGINT during a long score --out: no partial file, old output intact."""
    rows = read(os.path.join(ROOT, "Examples", "questionnaires.csv")).splitlines(keepends=True)
    big = os.path.join(work, "big.csv")
    with open(big, "wb") as handle:
        handle.write(rows[0])
        body = b"".join(rows[1:])
        # Big enough (2,000,000 rows, about 150 MB) that the optimised build is still scoring when
        # the signals arrive: a check that finds every run finished has checked nothing.
        for _ in range(max(1, 2_000_000 // max(1, len(rows) - 1))):
            handle.write(body)
    out = os.path.join(work, "big-scores.csv")
    expected = {signal.SIGTERM: 143, signal.SIGHUP: 129, signal.SIGINT: 130}
    checked = 0
    for number, status in expected.items():
        for delay in (0.1, 0.3):
            with open(out, "w") as handle:
                handle.write("previous output\n")
            process = subprocess.Popen([binary, "score", big, "--out", out], stdout=subprocess.DEVNULL,
                                       stderr=subprocess.DEVNULL, cwd=work)
            time.sleep(delay)
            process.send_signal(number)
            code = process.wait(timeout=60)
            partials = [name for name in os.listdir(work) if name.endswith(".partial")]
            if code == 0:
                continue  # finished before the signal
            checked += 1
            if code != status:
                failures.append((f"signal {number.name}: exit {code}, expected {status}", "signals", []))
            if partials:
                failures.append((f"signal {number.name}: partial files left {partials}", "signals", []))
            if read(out) != b"previous output\n":
                failures.append((f"signal {number.name}: previous output not intact", "signals", []))
    return checked


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=float, default=180)
    parser.add_argument("--binary", default=os.path.join(ROOT, ".build", "debug", "ivoutcomes"))
    parser.add_argument("--seed", type=int, default=int(time.time()))
    parser.add_argument("--keep", default=os.path.join(ROOT, ".build", "fuzz-failures"))
    parser.add_argument("--timeout", type=float, default=30)
    options = parser.parse_args()
    binary = os.path.abspath(options.binary)
    if not os.access(binary, os.X_OK):
        sys.exit(f"fuzz: no ivoutcomes binary at {binary} (swift build first, or --binary PATH)")
    shutil.rmtree(options.keep, ignore_errors=True)
    rng = random.Random(options.seed)
    work = tempfile.mkdtemp(prefix="ivoutcomes-fuzz-")
    examples = os.path.join(ROOT, "Examples")
    questionnaires = read(os.path.join(examples, "questionnaires.csv"))
    seeds = {
        "responses": questionnaires,
        "children": read(os.path.join(examples, "children.csv")),
        "logs": read(os.path.join(examples, "logs.csv")),
        "jsonl": jsonl_from_csv(questionnaires),
        "definition": read(os.path.join(ROOT, "Instruments", "wemwbs.json")),
        "survey": read(os.path.join(examples, "survey-export.csv")),
        "mapping": read(os.path.join(examples, "survey-columns.csv")),
    }
    responses_fhir = fhir_from_csv(questionnaires)
    seeds["fhir"] = ("\n".join(json.dumps(r) for r in responses_fhir) + "\n").encode()
    seeds["bundle"] = json.dumps({"resourceType": "Bundle", "type": "collection",
                                  "entry": [{"resource": r} for r in responses_fhir[:10]] + [{"resource": {"resourceType": "Patient"}}]}).encode()
    for name in ("questionnaires.csv", "children.csv", "logs.csv", "survey-export.csv", "survey-columns.csv"):
        shutil.copy(os.path.join(examples, name), work)
    summary = os.path.join(work, "area.json")
    subprocess.run([binary, "report", "questionnaires.csv", "--children", "children.csv", "--logs", "logs.csv", "--as-of", AS_OF,
                    "--format", "summary", "--out", summary], cwd=work, check=True, capture_output=True)
    seeds["summary"] = read(summary)
    fuzzer = Fuzzer(binary, work, options.keep, options.timeout)

    def responses(path):
        return [
            (["score", path], [], "csv"), (["score", path, "--format", "jsonl", "--out", "out.jsonl"], ["out.jsonl"], "csv"),
            (["change", path, "--as-of", AS_OF, "--out", "out.csv"], ["out.csv"], "csv"),
            (["schedule", path, "--as-of", AS_OF], [], "csv"), (["logs", path], [], "csv"),
            (["report", path, "--as-of", AS_OF, "--format", "json", "--out", "out.json"], ["out.json"], "csv"),
            (["psychometrics", path, "--instrument", "wemwbs"], [], "csv"),
            (["score", path, "--encoding", "windows-1252"], [], "csv"), (["score", path, "--encoding", "utf-16", "--delimiter", "tab"], [], "csv"),
        ]

    plans = {
        "responses": lambda p: responses(p),
        "logs": lambda p: [(["logs", p], [], "csv"), (["report", "questionnaires.csv", "--logs", p, "--as-of", AS_OF, "--out", "out.html"], ["out.html"], "csv")],
        "children": lambda p: [
            (["change", "questionnaires.csv", "--children", p, "--as-of", AS_OF], [], "csv"),
            (["report", "questionnaires.csv", "--children", p, "--as-of", AS_OF, "--format", "summary", "--out", "out.json"], ["out.json"], "csv"),
        ],
        "jsonl": lambda p: [(["score", p, "--input-format", "jsonl"], [], "jsonl"), (["change", p, "--as-of", AS_OF], [], "jsonl")],
        "definition": lambda p: [(["validate", p], [], "json"), (["score", "questionnaires.csv", "--definitions", p], [], "json"), (["coverage", "--definitions", p], [], "json")],
        "summary": lambda p: [(["pool", p, "--out", "national.json"], ["national.json"], "json"), (["pool", p, "area.json", "--out", "national.html"], ["national.html"], "json")],
        "survey": lambda p: [(["score", p, "--instrument", "swemwbs", "--columns", "survey-columns.csv", "--date-format", "DD/MM/YYYY"], [], "csv"),
                             (["change", p, "--instrument", "swemwbs", "--columns", "survey-columns.csv", "--date-format", "DD/MM/YYYY", "--as-of", AS_OF], [], "csv")],
        "mapping": lambda p: [(["score", "survey-export.csv", "--instrument", "swemwbs", "--columns", p, "--date-format", "DD/MM/YYYY"], [], "csv")],
        "fhir": lambda p: [(["score", p, "--input-format", "fhir"], [], "json"), (["score", p, "--format", "fhir", "--out", "out.ndjson"], ["out.ndjson"], "json"),
                           (["change", p, "--input-format", "fhir", "--as-of", AS_OF], [], "json")],
        "bundle": lambda p: [(["score", p, "--input-format", "fhir"], [], "json"), (["report", p, "--input-format", "fhir", "--as-of", AS_OF, "--format", "json", "--out", "out.json"], ["out.json"], "json")],
    }
    deadline = time.time() + options.seconds
    counts = {}
    while time.time() < deadline:
        kind = rng.choice(list(seeds))
        data = seeds[kind]
        mutated = mutate_json(data, rng) if kind in ("summary", "definition", "bundle") and rng.random() < 0.6 else mutate(data, rng)
        suffix = {"jsonl": ".jsonl", "definition": ".json", "summary": ".json", "fhir": ".ndjson", "bundle": ".json"}.get(kind, ".csv")
        path = os.path.join(work, "input" + suffix)
        with open(path, "wb") as handle:
            handle.write(mutated)
        arguments, outputs, _ = rng.choice(plans[kind](path))
        inputs = [path] + [os.path.join(work, name) for name in
                           ("questionnaires.csv", "children.csv", "logs.csv", "area.json", "survey-export.csv", "survey-columns.csv")]
        fuzzer.run(kind, arguments, inputs, [os.path.join(work, name) for name in outputs])
        counts[kind] = counts.get(kind, 0) + 1
    signals = signal_checks(binary, work, fuzzer.failures)
    if signals == 0:
        fuzzer.failures.append(("signals: every run finished before its signal, so none was checked", "signals", []))
    shutil.rmtree(work, ignore_errors=True)
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(fuzzer.statuses.items()))
    kinds = ", ".join(f"{kind} {count}" for kind, count in sorted(counts.items()))
    print(f"fuzz: {fuzzer.runs} runs in {options.seconds:.0f} s (seed {options.seed}; {kinds}); exit statuses {statuses}; "
          f"{signals} signal runs checked")
    for problem, kind, arguments in fuzzer.failures[:20]:
        print(f"  {problem}: ({kind}) ivoutcomes {' '.join(arguments)}")
    if fuzzer.failures:
        print(f"fuzz: {len(fuzzer.failures)} problems; inputs kept in {options.keep}")
        sys.exit(1)
    print("fuzz: no crash, hang, undocumented exit status, invalid UTF-8 output or changed input")


if __name__ == "__main__":
    main()
