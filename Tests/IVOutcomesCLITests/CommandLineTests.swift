import Foundation
import IVOutcomes
import Testing

@testable import IVOutcomesCLI

/// Runs `ivoutcomes` in-process with a collecting console.
func run(_ arguments: String...) -> (status: ExitCode, output: String, error: String) { run(arguments) }

func run(_ arguments: [String]) -> (status: ExitCode, output: String, error: String) {
    let console = Console.collecting()
    let status = CommandLineTool.run(arguments, console: console)
    return (status, console.outputText, console.errorText)
}

enum CLIFixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    /// Compares with a golden file; `IVOUTCOMES_RECORD=1` re-records on purpose.
    static func matchesGolden(_ actual: String, _ name: String) -> Bool {
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["IVOUTCOMES_RECORD"] == "1" {
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return true
        }
        return (try? String(contentsOf: url, encoding: .utf8)) == actual
    }
}

@Suite("ivoutcomes: usage and help")
struct UsageTests {
    @Test("--help lists every command and the exit statuses")
    func help() throws {
        let result = run("--help")
        #expect(result.status == .success)
        // Every command file's command is listed (a new command's line in `CommandLineTool.commands`).
        let files = try FileManager.default.contentsOfDirectory(
            atPath: CLIFixtures.packageRoot.appendingPathComponent("Sources/IVOutcomesCLI").path)
        let commands = files.filter { $0.hasSuffix("Command.swift") && $0 != "Command.swift" }
            .map { $0.dropLast("Command.swift".count).lowercased() }
        #expect(commands.count >= 14)
        for command in commands { #expect(result.output.contains("  \(command) "), "\(command) is not in --help") }
        #expect(result.output.contains("64   bad usage"))
        #expect(result.output.contains("66   an input file can't be read"))
    }

    @Test("help COMMAND and COMMAND --help explain the command with an example")
    func commandHelp() {
        let result = run("help", "score")
        #expect(result.status == .success)
        #expect(CLIFixtures.matchesGolden(result.output, "help-score.txt"), "\(result.output)")
        #expect(run("score", "--help").output == result.output)
    }

    @Test("no arguments is bad usage")
    func noArguments() {
        #expect(run().status == .usage)
    }

    @Test("an unknown command or option is bad usage with a suggestion")
    func unknown() {
        let command = run("scroe")
        #expect(command.status == .usage)
        #expect(command.error == "error: unknown command 'scroe'; did you mean 'score'?\nSee 'ivoutcomes --help'.\n")
        let option = run("score", "x.csv", "--fromat", "csv")
        #expect(option.status == .usage)
        #expect(
            option.error.hasPrefix(
                "error: unknown option '--fromat'; did you mean '--format'?\nusage: ivoutcomes score FILE"))
        let value = run("score", "x.csv", "--format", "xlsx")
        #expect(value.status == .usage)
        #expect(value.error.hasPrefix("error: --format 'xlsx' is not one of csv, jsonl"))
        #expect(run("score", "--out").error.hasPrefix("error: option '--out' needs a value (FILE)"))
    }
}

@Suite("ivoutcomes: commands")
struct CommandTests {
    @Test("instruments lists the built-in instruments")
    func instruments() {
        let result = run("instruments")
        #expect(result.status == .success)
        #expect(CLIFixtures.matchesGolden(result.output, "instruments.txt"), "\(result.output)")
    }

    @Test("validate accepts the shipped definitions")
    func validateShipped() {
        let result = run("validate", CLIFixtures.packageRoot.appendingPathComponent("Instruments").path)
        #expect(result.status == .success)
        #expect(result.output.contains("wemwbs 1.2.0, 14 items, 3 scales, 7 worked examples checked"))
        #expect(result.output.contains("schedule.json: measurement schedule iv-national 1.1.0, 3 measures"))
        #expect(result.output.contains("scwbs 1.0.0, 15 items, 2 scales, 6 worked examples checked"))
        #expect(result.output.contains("  check before printing: item scwbs_14: Unconfirmed wording"))
    }

    @Test("validate lists every problem and exits 65")
    func validateInvalid() {
        let result = run("validate", CLIFixtures.path("broken-instrument.json"))
        #expect(result.status == .invalidDefinitions)
        #expect(
            result.error.contains(
                "broken-instrument.json: items[1].responseScale: unknown response scale 'agre'; did you mean 'agree'?"))
        #expect(result.error.contains("broken-instrument.json: title: expected a string, found a number"))
        #expect(result.error.hasSuffix("2 problems in 1 file\n"))
    }

    @Test("score writes one row per input row to standard output and a summary to standard error")
    func scoreToStandardOutput() {
        let result = run("score", CLIFixtures.path("responses.csv"))
        #expect(result.status == .success)
        #expect(CLIFixtures.matchesGolden(result.output, "responses.scored.csv"), "\(result.output)")
        #expect(result.error.hasSuffix("responses.csv: 4 rows read: 2 scored, 1 incomplete, 1 invalid\n"))
        #expect(
            result.error.contains(
                #"responses.csv:5: column wemwbs_3: "0" is not an answer (expected 1-5 or a label such as "Often")"#))
    }

    @Test(
        "a survey export (question texts, labels, date-times, names and emails) scores as the same forms do by item id")
    func surveyExport() throws {
        let examples = CLIFixtures.packageRoot.path + "/Examples/"
        let export = run(
            "score", examples + "survey-export.csv", "--instrument", "swemwbs", "--columns",
            examples + "survey-columns.csv", "--date-format", "DD/MM/YYYY", "--as-of", "2026-11-22")
        #expect(export.status == .success, "\(export.error)")
        let plain = run("score", examples + "questionnaires.csv", "--as-of", "2026-11-22")
        // The export holds the example area's SWEMWBS forms whose answers are all codes.
        func swemwbs(_ csv: String) -> [String] {
            csv.split(separator: "\n").map(String.init).filter { $0.contains(",swemwbs,scored,") }.map {
                $0.split(separator: ",", omittingEmptySubsequences: false).prefix(8).joined(separator: ",")
            }
        }
        let fromExport = swemwbs(export.output)
        #expect(fromExport.count == 26)
        #expect(Set(fromExport).isSubset(of: Set(swemwbs(plain.output))))
        #expect(export.error.contains("26 rows read: 26 scored, 0 incomplete, 0 invalid"))
        #expect(
            export.error.contains("ignored columns that are not items of any instrument: ID, Start time, Email, Name"))
        for personal in ["example.org", "Example Person", "young.person"] {
            #expect(!export.output.contains(personal) && !export.error.contains(personal))
        }
    }

    @Test("form and template write from the definitions; an unknown language names the translations there are")
    func formAndTemplate() {
        let form = run("form", "wemwbs", "--language", "cy")
        #expect(form.status != .success)
        #expect(form.error.contains("unknown translation 'wemwbs.cy'"))
        let template = run("template", "scwbs")
        #expect(
            template.output == "child_id,administered_on,instrument,"
                + (1...15).map { "scwbs_\($0)" }.joined(separator: ",") + "\n")
        #expect(run("template").status == .usage)
    }

    @Test("score --out writes the file atomically; JSON Lines output")
    func scoreToFile() throws {
        let folder = NSTemporaryDirectory() + "/ivoutcomes-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let out = folder + "/scores.jsonl"
        let result = run("score", CLIFixtures.path("responses.csv"), "--format", "jsonl", "--out", out)
        #expect(result.status == .success)
        #expect(result.output.isEmpty)
        let lines = try String(contentsOfFile: out, encoding: .utf8).split(separator: "\n")
        #expect(lines.count == 4)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["scores.jsonl"])
    }

    @Test("score --missing-policy prorates, and says so")
    func missingPolicy() {
        let result = run("score", CLIFixtures.path("responses.csv"), "--missing-policy", "wemwbs_total=prorate:1")
        #expect(result.status == .success)
        #expect(
            result.error.contains(
                "note: wemwbs_total is scored with missing-answer policy prorate:1 (the definition's default is complete)"
            ))
        #expect(result.output.contains("wemwbs_total: prorated from 13 of 14 answers (policy prorate:1)"))
        #expect(
            run("score", CLIFixtures.path("responses.csv"), "--missing-policy", "wemwbs_totl=prorate:1").status
                == .usage)
    }

    @Test("score exits 66 for a file it can't read, 65 for bad local definitions, 73 for an unwritable output")
    func exitStatuses() {
        let missing = run("score", "/no/such/responses.csv")
        #expect(missing.status == .unreadableInput)
        #expect(missing.error == "error: /no/such/responses.csv: cannot read the file: No such file or directory\n")
        #expect(
            run("score", CLIFixtures.path("responses.csv"), "--definitions", CLIFixtures.path("broken-instrument.json"))
                .status == .invalidDefinitions)
        #expect(
            run("score", CLIFixtures.path("responses.csv"), "--out", "/no/such/folder/x.csv").status == .cannotWrite)
        #expect(run("score", CLIFixtures.path("responses.csv"), "--instrument", "wembws").status == .invalidDefinitions)
    }

    @Test("demo runs end to end on the bundled example data, and ends with the report's path")
    func demo() throws {
        let scratch = Scratch()
        let folder = scratch.file("demo")
        let result = run("demo", "--keep", folder)
        #expect(result.status == .success)
        #expect(result.output.hasSuffix("\(folder)/report.html\n"))
        #expect(FileManager.default.fileExists(atPath: "\(folder)/report.html"))
        // A rerun replaces its own folder; a folder it did not make is never touched.
        #expect(run("demo", "--keep", folder).status == .success)
        let other = scratch.file("mine")
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        #expect(FileManager.default.createFile(atPath: "\(other)/keep.txt", contents: Data("mine".utf8)))
        #expect(run("demo", "--keep", other).status != .success)
        #expect(FileManager.default.fileExists(atPath: "\(other)/keep.txt"))
        #expect(result.output.contains("questionnaires.csv: 404 rows read"))
        #expect(result.output.contains("logs.csv: 865 rows read"))
        #expect(result.output.contains("column scwbs_7: no answer"))
        #expect(result.output.contains("children answered the Stirling Children's Wellbeing Scale"))
    }
}

@Suite("ivoutcomes: research commands")
struct ResearchCommandTests {
    @Test("coverage shows what the study found for WEMWBS, and all five with life skills")
    func coverage() {
        let wemwbs = run("coverage", "wemwbs")
        #expect(wemwbs.status == .success)
        #expect(wemwbs.output.contains("Outcomes covered: 4 of 5; not covered: Life skills"))
        let both = run("coverage", "wemwbs", "life-skills", "--format", "csv")
        #expect(both.output.contains("life_skills,Life skills,0,8,8,"))
        #expect(!both.output.contains("not_covered"))
        #expect(run("coverage", "wembws").status == .invalidDefinitions)
        #expect(run("coverage", "--format", "pdf").status == .usage)
    }

    @Test("psychometrics reports alpha for the example data and explains too little data")
    func psychometrics() {
        let examples = CLIFixtures.packageRoot.appendingPathComponent("Examples/questionnaires.csv").path
        let result = run("psychometrics", examples, "--instrument", "life-skills")
        #expect(result.status == .success)
        #expect(result.output.contains("Cronbach's alpha"))
        #expect(result.output.contains("declared in the definition: none (thresholds not established)"))
        let tooFew = run("psychometrics", CLIFixtures.path("responses.csv"), "--instrument", "wemwbs")
        #expect(tooFew.status == .unreadableInput)
        #expect(
            tooFew.error.hasSuffix(
                "wemwbs: too few complete administrations to analyse: found 1, need at least 10 (one per child)\n"))
        #expect(run("psychometrics", examples).status == .usage)
    }
}

@Suite("ivoutcomes: change over time")
struct FollowUpCommandTests {
    let responses = CLIFixtures.path("followup.csv")
    let children = CLIFixtures.path("followup-children.csv")

    @Test("change writes one row per child and scale, and reports every row it does not use")
    func change() {
        let result = run("change", responses, "--children", children, "--as-of", "2026-11-22")
        #expect(result.status == .success)
        #expect(CLIFixtures.matchesGolden(result.output, "followup.change.csv"), "\(result.output)")
        let folder = CLIFixtures.folder.path + "/"
        let errors = result.error.replacingOccurrences(of: folder, with: "")
        #expect(CLIFixtures.matchesGolden(errors, "followup.change.stderr.txt"), "\(errors)")
    }

    @Test("change --format jsonl writes numbers as numbers and blanks as null")
    func changeJSON() {
        let result = run("change", responses, "--as-of", "2026-11-22", "--format", "jsonl")
        #expect(result.status == .success)
        let first = result.output.split(separator: "\n").first.map(String.init) ?? ""
        #expect(
            first
                == #"{"child_id":"=HYPERLINK(1)","scale":"swemwbs_metric","baseline_on":"2026-04-01","baseline":23.21,"latest_on":null,"latest":null,"change":null,"administrations":1,"reliable_change":"no_follow_up_yet","meaningful_change":"no_follow_up_yet","band_from":null,"band_to":null,"below_validated_age":"unknown","problems":[],"days_between":null,"above_validated_age":"no"}"#
        )
    }

    @Test("schedule requires --as-of and shows waves done and overdue")
    func schedule() {
        let missing = run("schedule", responses)
        #expect(missing.status == .usage)
        #expect(missing.error.hasPrefix("error: --as-of DATE is required: overdue depends on the date"))
        let result = run(
            "schedule", responses, CLIFixtures.path("followup-logs.csv"), "--children", children, "--as-of",
            "2026-11-22")
        #expect(result.status == .success)
        #expect(CLIFixtures.matchesGolden(result.output, "followup.schedule.csv"), "\(result.output)")
    }

    @Test("logs counts answers per child and outcome and never prints free text")
    func logs() {
        let result = run("logs", CLIFixtures.path("followup-logs.csv"), "--from", "2026-01-01", "--to", "2026-03-31")
        #expect(result.status == .success)
        #expect(!result.output.contains("Ordered her own food"))
        #expect(CLIFixtures.matchesGolden(result.output, "followup.logs.csv"), "\(result.output)")
    }

    @Test("a bad date option or a missing file is a clear error")
    func badInput() {
        let date = run("change", responses, "--as-of", "22/11/2026")
        #expect(date.status == .usage)
        #expect(date.error.hasPrefix("error: --as-of '22/11/2026' is not a date (expected YYYY-MM-DD)"))
        let file = run("change", "nowhere.csv")
        #expect(file.status == .unreadableInput)
        let noChildColumn = run("change", responses, "--children", responses)
        #expect(noChildColumn.status == .unreadableInput)
        #expect(noChildColumn.error.contains("the header has no 'birth_month' column"))
    }
}

@Suite("ivoutcomes: reports and pooling")
struct ReportCommandTests {
    let responses = CLIFixtures.packageRoot.appendingPathComponent("Examples/questionnaires.csv").path
    let logs = CLIFixtures.packageRoot.appendingPathComponent("Examples/logs.csv").path
    let children = CLIFixtures.packageRoot.appendingPathComponent("Examples/children.csv").path

    @Test("report writes one self-contained HTML file from the example data")
    func htmlReport() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ivoutcomes-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("report.html").path
        let result = run(
            "report", responses, "--logs", logs, "--children", children, "--as-of", "2026-11-22", "--out", out)
        #expect(result.status == .success)
        let html = try String(contentsOfFile: out, encoding: .utf8)
        #expect(html.contains("<h1>Independent Visitor outcomes: Pilotshire</h1>"))
        #expect(html.contains("What the volunteers noticed"))
        #expect(!html.contains("PA-0"))
        #expect(result.error.hasSuffix("wrote \(out) (html, counts under 5 suppressed)\n"))
    }

    @Test("a suppression threshold under 5 needs --allow-small-numbers")
    func smallNumbers() {
        let refused = run("report", responses, "--suppress-below", "3", "--format", "json")
        #expect(refused.status == .usage)
        #expect(
            refused.error.contains(
                "a suppression threshold of 3 would publish counts under 5; pass --allow-small-numbers"))
        let allowed = run(
            "report", responses, "--suppress-below", "3", "--allow-small-numbers", "--format", "json", "--as-of",
            "2026-11-22")
        #expect(allowed.status == .success)
        #expect(allowed.output.contains("\"suppressionThreshold\": 3"))
    }

    @Test("pool combines area summaries and says which cells areas suppressed")
    func pool() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "ivoutcomes-pool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        for name in ["north", "south"] {
            let result = run(
                "report", responses, "--logs", logs, "--children", children, "--as-of", "2026-11-22", "--area", name,
                "--format", "summary",
                "--out", folder.appendingPathComponent("\(name).json").path)
            #expect(result.status == .success)
        }
        let national = run(
            "pool", folder.appendingPathComponent("north.json").path, folder.appendingPathComponent("south.json").path,
            "--format", "json")
        #expect(national.status == .success)
        #expect(national.output.contains("\"areas\": [\n    \"north\",\n    \"south\"\n  ]"))
        #expect(national.output.contains("\"children\": 96"))
        #expect(national.output.contains("\"areasSuppressed\": 2"))
        let bad = run("pool", responses)
        #expect(bad.status == .unreadableInput)
        #expect(bad.error.contains("not valid JSON (line 1, column 1: expected a value"))
        let array = folder.appendingPathComponent("array.json")
        try Data("[1]".utf8).write(to: array)
        let notObject = run("pool", array.path)
        #expect(notObject.status == .unreadableInput)
        #expect(notObject.error.contains("not a JSON object (expected a pooling summary"))
    }
}
