import IVOutcomes

/// `ivoutcomes coverage`: which outcomes a set of instruments covers.
enum CoverageCommand: Command {
    static let name = "coverage"
    static let summary = "Show which of the five outcomes a set of instruments covers, with items and time."
    static let synopsis = "[INSTRUMENT...]"
    static let details = """
        Builds the matrix of outcomes by instruments from the item-to-outcome mappings in the
        definitions: items informing each outcome, and a verdict per outcome (covered: at least 2
        items; partly: 1; not covered: none), with the questions and estimated minutes for the set.
        Without instruments, every instrument is included.

        Example:
          ivoutcomes coverage wemwbs
          ivoutcomes coverage wemwbs life-skills
          ivoutcomes coverage swemwbs life-skills iv-log --format html --out coverage.html
        """
    static let options =
        [
            SharedOptions.definitions,
            OptionSpec(name: "--format", value: "text|csv|json|html", help: "output format (default text)"),
        ] + SharedOptions.outputOptions
    static let positionalsAreFiles = false

    enum Format: String, CaseIterable { case text, csv, json, html }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        let catalog = try SharedOptions.catalog(arguments, console: console)
        let format = try SharedOptions.choice(arguments, "--format", default: Format.text)
        let instruments =
            arguments.positionals.isEmpty
            ? catalog.instruments
            : try arguments.positionals.map { try catalog.instrument(id: InstrumentID($0.lowercased())) }
        let coverage = Coverage(of: instruments, framework: catalog.framework)
        let text: String
        switch format {
        case .text: text = coverage.text + "\n"
        case .csv: text = coverage.csv
        case .json: text = coverage.json
        case .html: text = coverage.html
        }
        let output = try SharedOptions.output(arguments, console: console)
        try output.write(text)
        try output.commit()
        return .success
    }
}
