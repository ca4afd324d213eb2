import Foundation
import Testing

/// The same input gives the same output on every run: every problem list, note and output file.
///
/// Each run is a separate `ivoutcomes` process, because Swift seeds its hashing afresh in each
/// process: a list built by walking a `Dictionary` or a `Set` comes out in the same order every
/// time within one process (so in-process repeats cannot catch it) and in another order in the
/// next. The binary is the one `swift test` built beside the test bundle.
@Suite("Deterministic output: the same input, the same bytes, run after run")
struct RepeatedRunsTests {
    static let runs = 4

    /// The `ivoutcomes` built with the tests.
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
            .appendingPathComponent("ivoutcomes").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        return CLIFixtures.packageRoot.appendingPathComponent(".build/debug/ivoutcomes").path
    }

    /// Runs the binary once and returns its exit status, standard output and error, and the bytes
    /// of `output` (when given), with the scratch folder's name taken out.
    static func runOnce(_ arguments: [String], output: String?, in scratch: Scratch) throws -> String {
        if let output { try? FileManager.default.removeItem(atPath: output) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: binary)
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: scratch.path)
        let out = Pipe()
        let error = Pipe()
        process.standardOutput = out
        process.standardError = error
        try process.run()
        // Read both pipes before waiting, so a full pipe cannot stall the process.
        let outBytes = out.fileHandleForReading.readDataToEndOfFile()
        let errorBytes = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let written = output.flatMap { FileManager.default.contents(atPath: $0) } ?? Data()
        return [
            "status \(process.terminationStatus)", String(decoding: outBytes, as: UTF8.self),
            String(decoding: errorBytes, as: UTF8.self), String(decoding: written, as: UTF8.self),
        ].joined(separator: "\n---\n").replacingOccurrences(of: scratch.path, with: "SCRATCH")
    }

    /// Bad input of every kind the readers report, several problems to a row and to a file.
    static func writeBadInputs(in scratch: Scratch) {
        let items = (1...14).map { "wemwbs_\($0)" }
        let answers = { (values: [String]) in values.joined(separator: ",") }
        let five = Array(repeating: "3", count: 14)
        let header = ["child_id", "administered_on", "instrument"] + items + ["first_name", "notes", "email"]
        let rows: [String] = [
            "K1,2026-02-01,wemwbs," + answers(five) + ",Amy,hello,a@b",
            "K1,2026-02-01,wemwbs," + answers(["5"] + five.dropFirst()) + ",Amy,x,y",
            "Amy Smith,2026-02-31,wemwbs," + answers(["9", "", "x"] + five.dropFirst(3)) + ",,,",
            "K2,2026-03-01,wmwbs," + answers(five) + ",,,",
            "K3,2026-03-01,wemwbs,1,2",
            String(repeating: ",", count: 20),
            "K4,1999-01-01,wemwbs," + answers(five) + ",,,",
        ]
        scratch.write("bad.csv", ([header.joined(separator: ",")] + rows).joined(separator: "\n") + "\n")
        scratch.write(
            "bad.jsonl",
            """
            {"child_id": "K1", "administered_on": "2026-02-01", "instrument": "wemwbs", "answers": {"wemwbs_1": 9, "wemwbs_99": 1, "zz": 2, "aa": 3}, "zeta": 1, "alpha": 2, "mid": 3}
            [1, 2]
            {"child_id": "K2", "administered_on": 5, "instrument": "swemwbs", "answers": {"swemwbs_1": "often", "swemwbs_2": null}}
            not json

            """)
        scratch.write(
            "bad.json",
            """
            {"resourceType": "Bundle", "type": "collection", "entry": [
              {"resource": {"resourceType": "Patient", "id": "p1"}},
              {"resource": {"resourceType": "Observation", "id": "o1"}},
              {"resource": {"resourceType": "Practitioner", "id": "x1"}},
              {"resource": {"resourceType": "QuestionnaireResponse", "id": "qr1", "status": "in-progress",
                "questionnaire": "http://ivoutcomes.example.org/fhir/Questionnaire/nothing",
                "subject": {"reference": "Patient/p1"}, "authored": "2026-02-01",
                "item": [{"linkId": "q9", "answer": [{"valueCoding": {"display": "Often"}}]}]}},
              {"resource": {"resourceType": "QuestionnaireResponse", "id": "qr2", "status": "completed",
                "questionnaire": "http://ivoutcomes.example.org/fhir/Questionnaire/wemwbs",
                "subject": {"identifier": {"value": "K7"}}, "authored": "2026-02-01",
                "item": [{"linkId": "wemwbs_1", "answer": [{"valueDate": "2026-01-01", "valueBoolean": true}]},
                  {"linkId": "wemwbs_2", "answer": [{"valueTime": "10:00", "valueDecimal": 2.5, "valueUri": "x"}]},
                  {"linkId": "wemwbs_99", "answer": [{"valueInteger": 3}]}]}}
            ]}
            """)
        scratch.write(
            "children.csv",
            "child_id,birth_month,match_start,gender,first_name,school,postcode\n"
                + "K1,2014-03,2026-01-01,female,Amy,X,AB1\nK1,2014-03,2026-01-01,female,Amy,X,AB1\n"
                + "Amy Smith,2013-13,2026-02-30,male,Ben,Y,CD2\nK9,2015-01,,,,,\n")
    }

    /// Each command on bad input: `(name, arguments, output file)`.
    static let cases: [(String, [String], String?)] = [
        ("score csv", ["score", "bad.csv", "--as-of", "2026-12-31", "--out", "out.csv"], "out.csv"),
        (
            "score jsonl", ["score", "bad.jsonl", "--as-of", "2026-12-31", "--format", "jsonl", "--out", "out.jsonl"],
            "out.jsonl"
        ),
        ("score fhir", ["score", "bad.json", "--as-of", "2026-12-31", "--out", "fhir.csv"], "fhir.csv"),
        (
            "change",
            [
                "change", "bad.csv", "bad.jsonl", "--children", "children.csv", "--as-of", "2026-12-31", "--out",
                "change.csv",
            ],
            "change.csv"
        ),
        (
            "schedule",
            [
                "schedule", "followup.csv", "bad.csv", "--children", "children.csv", "--as-of", "2026-12-31", "--out",
                "schedule.csv",
            ],
            "schedule.csv"
        ),
        ("logs", ["logs", "followup-logs.csv", "--children", "children.csv", "--out", "logs.csv"], "logs.csv"),
        ("coverage", ["coverage", "--format", "json", "--out", "coverage.json"], "coverage.json"),
        ("psychometrics", ["psychometrics", "followup.csv", "--instrument", "wemwbs", "--as-of", "2026-12-31"], nil),
        (
            "report",
            [
                "report", "followup.csv", "bad.csv", "--children", "children.csv", "--logs", "followup-logs.csv",
                "--as-of", "2026-12-31", "--format", "json", "--out", "report.json",
            ], "report.json"
        ),
    ]

    @Test("bad input: every command that reads rows gives the same problems and files on every run")
    func badInput() throws {
        let scratch = Scratch()
        Self.writeBadInputs(in: scratch)
        for (name, arguments, output) in Self.cases {
            let first = try Self.runOnce(arguments, output: output.map(scratch.file), in: scratch)
            #expect(first.count > 60, "\(name) gave next to nothing: \(first)")
            for run in 2...Self.runs {
                let again = try Self.runOnce(arguments, output: output.map(scratch.file), in: scratch)
                #expect(again == first, "\(name): run \(run) differs from run 1")
            }
        }
    }

    @Test("invalid definitions: every fixture's problems in the same order on every run")
    func invalidDefinitions() throws {
        let scratch = Scratch()
        let folder = CLIFixtures.packageRoot.appendingPathComponent("Tests/IVOutcomesTests/Fixtures/invalid").path
        let first = try Self.runOnce(["validate", folder], output: nil, in: scratch)
        #expect(first.hasPrefix("status 65") && first.split(separator: "\n").count > 40, "\(first)")
        for run in 2...Self.runs {
            #expect(try Self.runOnce(["validate", folder], output: nil, in: scratch) == first, "run \(run) differs")
        }
    }
}
