import Foundation
import IVOutcomes

/// `ivoutcomes demo`: the tool end to end on the bundled synthetic pilot-area data.
enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "Run the tool end to end on the bundled synthetic example data."
    static let synopsis = ""
    static let details = """
        Scores the synthetic pilot area bundled with the tool (a few dozen children with WEMWBS,
        SWEMWBS and life-skills questionnaires over several waves, and monthly IV logs) and shows
        what each step produces. The data is invented: no real child is in it.

        The example data and every output (the area's report.html among them) are written to
        ./ivoutcomes-demo/, or to the folder --keep names. A rerun replaces that folder, and only
        a folder an earlier demo made: any other folder of that name is left alone, with an error.

        Example:
          ivoutcomes demo
          ivoutcomes demo --keep demo-output
        """
    static let options = [
        OptionSpec(
            name: "--keep", value: "FOLDER",
            help: "write the example data and outputs to FOLDER (default ./ivoutcomes-demo)")
    ]

    /// The folder the demo writes to unless --keep names another.
    static let defaultFolder = "ivoutcomes-demo"
    /// The file that marks a folder as the demo's own, so that a rerun replaces it and nothing else.
    static let marker = ".ivoutcomes-demo"

    /// An empty `folder` for the demo: made, or an earlier demo's replaced; never anything else.
    private static func prepare(_ folder: String) throws {
        let files = FileManager.default
        var isFolder: ObjCBool = false
        if files.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue,
                files.fileExists(atPath: file(marker, in: folder))
            else {
                throw OutputError(
                    file: folder,
                    reason:
                        "it exists and is not a folder an earlier 'ivoutcomes demo' made: name another with --keep FOLDER"
                )
            }
            try files.removeItem(atPath: folder)
        }
        try files.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard files.createFile(atPath: file(marker, in: folder), contents: Data()) else {
            throw OutputError(file: folder, reason: "the folder could not be marked as the demo's own")
        }
    }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard arguments.positionals.isEmpty else {
            throw UsageError(message: "unexpected argument '\(arguments.positionals[0])'")
        }
        let folder = arguments.value("--keep") ?? defaultFolder
        do {
            try prepare(folder)
            for example in ExampleData.files {
                try example.data.write(
                    to: URL(fileURLWithPath: file(example.name, in: folder)))
            }
        } catch let error as OutputError {
            throw error
        } catch {
            throw OutputError(file: folder, reason: "\(error.localizedDescription)")
        }
        let catalog = try InstrumentCatalog.builtIn

        console.print("== The instruments (ivoutcomes instruments)")
        _ = try InstrumentsCommand.run(ParsedArguments(), console: console)

        try showScoring(in: folder, catalog: catalog, console: console)
        let children = file("children.csv", in: folder)
        let asOf = CalendarDate(year: 2026, month: 11, day: 22) ?? .today
        console.print(
            "\n== Change for each child (ivoutcomes change questionnaires.csv --children children.csv --as-of \(asOf))")
        let tracker = FollowUpTracker(
            catalog: catalog, register: try ChildRegister(path: children, today: asOf),
            options: FollowUpOptions(asOf: asOf))
        for name in ["questionnaires.csv", "logs.csv"] {
            try ResponseFileReader(path: file(name, in: folder), catalog: catalog).track(into: tracker)
        }
        try showChange(tracker, in: folder, console: console)

        console.print(
            "\n== The measurement schedule (ivoutcomes schedule questionnaires.csv logs.csv --children children.csv --as-of \(asOf))"
        )
        try showTable(file("schedule.csv", in: folder), console: console) {
            try tracker.writeSchedule(to: $0, format: .csv)
        }
        let overdue = tracker.schedule().filter { !$0.overdueWaves.isEmpty }
        console.print("\(Set(overdue.map(\.childID)).count) children have at least one overdue wave.")

        console.print("\n== What the volunteers' logs say (ivoutcomes logs logs.csv)")
        try showTable(file("logs-summary.csv", in: folder), console: console) {
            try tracker.writeLogSummaries(to: $0, format: .csv)
        }

        console.print(
            "\n== The area's report (ivoutcomes report questionnaires.csv --logs logs.csv --children children.csv --out report.html)"
        )
        try showReport(tracker, in: folder, catalog: catalog, console: console)

        console.print(
            "\nThe example data is synthetic. WEMWBS and SWEMWBS © NHS Health Scotland, University of Warwick and University of Edinburgh; you need your own licence from Warwick to administer them. The Stirling Children's Wellbeing Scale (Stirling Council Educational Psychology Service) is free to use, unaltered and at no cost to the end user; check the wordings 'ivoutcomes instruments' lists before printing it."
        )
        let report = URL(fileURLWithPath: file("report.html", in: folder)).standardizedFileURL.path
        console.print("\nThe example data and every output are in \(folder)/. Open the area's report:\n  \(report)")
        return .success
    }

    /// Scores each example file and shows its scores and first problems.
    private static func showScoring(in folder: String, catalog: InstrumentCatalog, console: Console) throws {
        for (name, title) in [("questionnaires.csv", "questionnaires"), ("logs.csv", "monthly IV logs")] {
            console.print("\n== Scoring the \(title) (ivoutcomes score \(name))")
            let reader = try ResponseFileReader(path: file(name, in: folder), catalog: catalog)
            var problems: [RowProblem] = []
            var summary = ScoringSummary()
            try showTable(file("scores-\(name)", in: folder), console: console) { output in
                summary = try reader.score(to: output, format: .csv) { problems.append($0) }
            }
            console.print(ResponseReading.describe(summary, file: name))
            if !problems.isEmpty {
                console.print("Problems are reported, never silently scored:")
                for problem in problems.prefix(6) {
                    console.print("  \(problem.description.replacingOccurrences(of: folder + "/", with: ""))")
                }
            }
        }
    }

    /// Shows each child's change and what it says: reliable change, the Stirling series, ages.
    private static func showChange(_ tracker: FollowUpTracker, in folder: String, console: Console) throws {
        let changes = tracker.changes().filter { $0.scale != "life_skills_total" }
        try showTable(file("change.csv", in: folder), console: console) {
            try tracker.writeChanges(to: $0, format: .csv)
        }
        let followedUp = changes.filter { $0.change != nil }
        let count = { (value: ReliableChangeClass) in followedUp.filter { $0.reliableChange == value }.count }
        console.print(
            "Of \(followedUp.count) child-scale pairs with a follow-up: \(count(.reliablyImproved)) reliably improved, \(count(.noReliableChange)) no reliable change, \(count(.reliablyDeteriorated)) reliably deteriorated."
        )
        let young = Set(changes.filter { $0.belowValidatedAge == .yes }.map(\.childID)).count
        let stirling = Set(changes.filter { $0.scale == "scwbs_total" && $0.baseline != nil }.map(\.childID)).count
        console.print(
            "\(stirling) children answered the Stirling Children's Wellbeing Scale (validated 8-15; the schedule gives it from 8 to 12, WEMWBS or SWEMWBS from 13): each measure is its own series, never compared with the other."
        )
        console.print("\(young) children answered a questionnaire below its validated age: flagged, not hidden.")
        for line in FollowUpInput.thresholds(of: tracker.scalesUsed) { console.print("  \(line)") }
    }

    /// Writes the area's report and shows its headline figures.
    private static func showReport(
        _ tracker: FollowUpTracker, in folder: String, catalog: InstrumentCatalog, console: Console
    ) throws {
        let view = ReportView(
            aggregate: AreaAggregate(tracker: tracker, area: "Pilotshire"), catalog: catalog, policy: .standard)
        let writer = try ByteWriter(atomicFile: file("report.html", in: folder))
        try writer.write(view.html())
        try writer.commit()
        if let all = view.groups.first {
            for scale in all.scales {
                let change =
                    scale.change.map {
                        "mean change \(formatNumber($0.meanChange, decimals: 2)) [95% CI \(formatNumber($0.confidenceInterval.lowerBound, decimals: 2)) to \(formatNumber($0.confidenceInterval.upperBound, decimals: 2))]"
                    } ?? "change not shown"
                console.print(
                    "  \(scale.definition.title): \(scale.childrenWithFollowUp.text(threshold: 5)) children followed up, \(change)"
                )
            }
        }
        console.print("Counts under 5 are suppressed in every report; no child's id or free text appears in it.")
        console.print(
            "For the national network: ivoutcomes report ... --format return --out area.return.json (confidential: sent under the data-sharing agreement, never published); the network runs ivoutcomes pool *.return.json --out national.html"
        )
    }

    /// The path of a file in the demo's folder.
    private static func file(_ name: String, in folder: String) -> String {
        (folder as NSString).appendingPathComponent(name)
    }

    /// Writes a table to a file and shows its first lines.
    private static func showTable(_ file: String, console: Console, _ write: (ByteWriter) throws -> Void) throws {
        let output = try ByteWriter(atomicFile: file)
        try write(output)
        try output.commit()
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n")
        console.print(lines.prefix(6).joined(separator: "\n"))
        console.print("... (\(lines.count - 1) rows in all)")
    }
}
