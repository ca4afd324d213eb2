import Foundation
import IVOutcomes
import Testing

@testable import IVOutcomesCLI

/// Every CLI output format against a golden file: a changed output is a reviewed change
/// (`IVOUTCOMES_RECORD=1 swift test` re-records on purpose).
@Suite("ivoutcomes: golden outputs")
struct GoldenOutputTests {
    static let examples = CLIFixtures.packageRoot.path + "/Examples/"

    /// Arguments with `@name` for a fixture, `%name` for an example file and `out:name` for an
    /// output file in a scratch folder; the golden file each output must match.
    static let cases: [(golden: String, arguments: [String])] = [
        (
            "golden-report.html",
            [
                "report", "@followup.csv", "--children", "@followup-children.csv", "--logs", "@followup-logs.csv",
                "--as-of", "2026-11-22", "--out", "out:report.html",
            ]
        ),
        (
            "golden-report.json",
            [
                "report", "@followup.csv", "--children", "@followup-children.csv", "--logs", "@followup-logs.csv",
                "--as-of", "2026-11-22", "--format", "json", "--out", "out:report.json",
            ]
        ),
        (
            "golden-report.summary.json",
            [
                "report", "@followup.csv", "--children", "@followup-children.csv", "--logs", "@followup-logs.csv",
                "--as-of", "2026-11-22", "--area", "North", "--format", "summary", "--out", "out:north.json",
            ]
        ),
        (
            // The bundled example area: match-length chart, and the waiting list beside the matched children.
            "golden-example-report.html",
            [
                "report", "%questionnaires.csv", "--children", "%children.csv", "--logs", "%logs.csv",
                "--as-of", "2026-11-22", "--out", "out:example.html",
            ]
        ),
        ("golden-coverage.txt", ["coverage", "wemwbs", "life-skills", "iv-log"]),
        ("golden-coverage.csv", ["coverage", "wemwbs", "life-skills", "iv-log", "--format", "csv"]),
        ("golden-coverage.json", ["coverage", "wemwbs", "life-skills", "iv-log", "--format", "json"]),
        ("golden-coverage.html", ["coverage", "wemwbs", "life-skills", "iv-log", "--format", "html"]),
        (
            "golden-psychometrics.txt",
            ["psychometrics", "%questionnaires.csv", "--instrument", "life-skills", "--as-of", "2026-11-22"]
        ),
        (
            "golden-template.csv",
            ["template", "wemwbs", "swemwbs", "scwbs", "life-skills", "iv-log", "--example", "--date", "2026-02-10"]
        ),
        ("golden-template-header.csv", ["template", "swemwbs", "life-skills"]),
        ("golden-form-wemwbs.html", ["form", "wemwbs"]),
        ("golden-form-swemwbs.html", ["form", "swemwbs"]),
        ("golden-form-scwbs.html", ["form", "scwbs"]),
        ("golden-form-life-skills.html", ["form", "life-skills"]),
        ("golden-form-iv-log.html", ["form", "iv-log", "--out", "out:log.html"]),
        ("golden-form-pack.html", ["form", "scwbs", "life-skills", "iv-log"]),
        (
            "golden-form-life-skills.qaa.html",
            ["form", "life-skills", "--language", "qaa", "--definitions", "@life-skills.qaa.json"]
        ),
        ("golden-fhir-questionnaire-wemwbs.json", ["fhir", "questionnaire", "wemwbs"]),
        ("golden-fhir-questionnaire-swemwbs.json", ["fhir", "questionnaire", "swemwbs"]),
        ("golden-fhir-questionnaire-scwbs.json", ["fhir", "questionnaire", "scwbs"]),
        ("golden-fhir-questionnaire-life-skills.json", ["fhir", "questionnaire", "life-skills"]),
        ("golden-fhir-questionnaire-iv-log.json", ["fhir", "questionnaire", "iv-log"]),
        (
            "golden-fhir-questionnaire-life-skills.qaa.json",
            ["fhir", "questionnaire", "life-skills", "--definitions", "@life-skills.qaa.json"]
        ),
        (
            "golden-observations.ndjson",
            ["score", "%questionnaires.csv", "--format", "fhir", "--as-of", "2026-11-22", "--out", "out:obs.ndjson"]
        ),
        ("golden-responses.scored.jsonl", ["score", "@responses.csv", "--format", "jsonl", "--as-of", "2026-11-22"]),
    ]

    func resolved(_ arguments: [String], in folder: String) -> (arguments: [String], out: String?) {
        var out: String?
        let resolved = arguments.map { argument -> String in
            if argument.hasPrefix("@") { return CLIFixtures.path(String(argument.dropFirst())) }
            if argument.hasPrefix("%") { return GoldenOutputTests.examples + argument.dropFirst() }
            if argument.hasPrefix("out:") {
                out = folder + "/" + argument.dropFirst(4)
                return out ?? ""
            }
            return argument
        }
        return (resolved, out)
    }

    @Test("each output matches its golden file", arguments: 0..<cases.count)
    func golden(_ index: Int) throws {
        let scratch = Scratch()
        let (golden, arguments) = GoldenOutputTests.cases[index]
        let (command, out) = resolved(arguments, in: scratch.path)
        let result = run(command)
        #expect(result.status == .success, "\(result.error)")
        let text = try out.map { try String(contentsOfFile: $0, encoding: .utf8) } ?? result.output
        #expect(CLIFixtures.matchesGolden(text, golden), "\(golden) differs")
    }

    @Test("pool: two areas' summaries in HTML and JSON match their golden files")
    func pool() throws {
        let scratch = Scratch()
        let north = scratch.file("north.json")
        let south = scratch.file("south.json")
        #expect(run(resolved(GoldenOutputTests.cases[2].arguments, in: scratch.path).arguments).status == .success)
        let examples = GoldenOutputTests.examples
        let made = run(
            "report", examples + "questionnaires.csv", "--children", examples + "children.csv", "--logs",
            examples + "logs.csv",
            "--as-of", "2026-11-22", "--area", "South", "--format", "summary", "--out", south)
        #expect(made.status == .success, "\(made.error)")
        for (format, golden) in [("html", "golden-pool.html"), ("json", "golden-pool.json")] {
            let out = scratch.file("national.\(format)")
            #expect(run("pool", north, south, "--format", format, "--out", out).status == .success)
            #expect(
                CLIFixtures.matchesGolden(try String(contentsOfFile: out, encoding: .utf8), golden), "\(golden) differs"
            )
        }
    }
}
