import Foundation
import IVOutcomes

/// `ivoutcomes demo`: the tool end to end on the bundled synthetic pilot-area data.
enum DemoCommand: Command {
    static let name = "demo"
    static let summary = "Run the tool end to end on the bundled synthetic example data."
    static let usage = "ivoutcomes demo [--keep FOLDER]"
    static let details = """
        Scores the synthetic pilot area bundled with the tool (a few dozen children with WEMWBS,
        SWEMWBS and life-skills questionnaires over several waves, and monthly IV logs) and shows
        what each step produces. The data is invented: no real child is in it.

        Example:
          ivoutcomes demo
          ivoutcomes demo --keep demo-output
        """
    static let options = [OptionSpec(name: "--keep", value: "FOLDER", help: "write the example data and outputs to FOLDER")]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard arguments.positionals.isEmpty else { throw UsageError(message: "unexpected argument '\(arguments.positionals[0])'") }
        let folder = arguments.value("--keep")
            ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("ivoutcomes-demo-\(ProcessInfo.processInfo.processIdentifier)")
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            for example in ExampleData.files {
                try example.data.write(to: URL(fileURLWithPath: (folder as NSString).appendingPathComponent(example.name)))
            }
        } catch {
            throw OutputError(file: folder, reason: "\(error.localizedDescription)")
        }
        defer { if arguments.value("--keep") == nil { try? FileManager.default.removeItem(atPath: folder) } }
        let catalog = try InstrumentCatalog.builtIn
        let path = { (name: String) in (folder as NSString).appendingPathComponent(name) }

        console.print("== The instruments (ivoutcomes instruments)")
        _ = try InstrumentsCommand.run(ParsedArguments(), console: console)

        for (name, title) in [("questionnaires.csv", "questionnaires"), ("logs.csv", "monthly IV logs")] {
            console.print("\n== Scoring the \(title) (ivoutcomes score \(name))")
            let reader = try ResponseFileReader(path: path(name), catalog: catalog)
            let output = try ByteWriter(atomicFile: path("scores-\(name)"))
            var problems: [RowProblem] = []
            let summary = try reader.score(to: output, format: .csv) { problems.append($0) }
            try output.commit()
            let lines = try String(contentsOfFile: path("scores-\(name)"), encoding: .utf8).split(separator: "\n")
            console.print(lines.prefix(6).joined(separator: "\n"))
            console.print("... (\(lines.count - 1) rows in all)")
            console.print(ScoreCommand.describe(summary, file: name))
            if !problems.isEmpty {
                console.print("Problems are reported, never silently scored:")
                for problem in problems.prefix(6) { console.print("  \(problem.description.replacingOccurrences(of: folder + "/", with: ""))") }
            }
        }
        console.print("\nThe example data is synthetic. WEMWBS and SWEMWBS © NHS Health Scotland, University of Warwick and University of Edinburgh; you need your own licence from Warwick to administer them.")
        if arguments.value("--keep") != nil { console.print("Files are in \(folder).") }
        return .success
    }
}
