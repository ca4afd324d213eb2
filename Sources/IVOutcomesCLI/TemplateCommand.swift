import IVOutcomes

/// `ivoutcomes template`: the CSV header (and example rows) that `score` reads for some instruments.
enum TemplateCommand: Command {
    static let name = "template"
    static let summary = "Write the CSV header that score reads for some instruments, to start a spreadsheet."
    static let synopsis = "INSTRUMENT..."
    static let details = """
        Writes child_id, administered_on, instrument, then each instrument's item ids in the
        published order (an item two instruments share, once). With --example, one example row
        per instrument follows, answered with the definition's first worked example: delete the
        example rows before entering real answers, as score reads every row.

        Example:
          ivoutcomes template swemwbs life-skills --out questionnaires.csv
          ivoutcomes template scwbs --example --date 2026-02-10
        """
    static let options =
        [
            SharedOptions.definitions,
            OptionSpec(name: "--example", value: nil, help: "add one example row per instrument"),
            OptionSpec(name: "--date", value: "DATE", help: "the example rows' date, YYYY-MM-DD (default today)"),
        ] + SharedOptions.outputOptions
    static let positionalsAreFiles = false

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard !arguments.positionals.isEmpty else {
            throw UsageError(message: "name at least one instrument, such as swemwbs")
        }
        let catalog = try SharedOptions.catalog(arguments, console: console)
        let instruments = try arguments.positionals.map { try catalog.instrument(id: InstrumentID($0.lowercased())) }
        let date = try FollowUpInput.date(arguments, "--date") ?? .today
        let template = ResponseTemplate(instruments: instruments)
        let output = try SharedOptions.output(arguments, console: console)
        try output.write(template.csv(exampleDate: arguments.has("--example") ? date : nil))
        try output.commit()
        return .success
    }
}
