import IVOutcomes

/// `ivoutcomes score`: score every row of a response file.
enum ScoreCommand: Command {
    static let name = "score"
    static let summary = "Score every row of a CSV or JSON Lines file of administrations."
    static let synopsis = "FILE"
    static let details = """
        Reads a wide CSV (child_id, administered_on, instrument, then one column per item id) or JSON
        Lines, and writes one output row per input row, in input order: child_id, administered_on,
        instrument, status (scored, incomplete or invalid), one column per scale and band, and
        problems. A score that can't be computed is blank, never 0. Rows with problems are reported
        in the problems column and on standard error with file, line and column; a summary goes to
        standard error. With --out, the file appears only when complete.

        Survey-tool exports (Microsoft Forms, Google Forms, SmartSurvey): a column headed with an
        item's question text is read as that item (case, spaces, curly quotes and trailing
        punctuation ignored); --columns MAPPING.csv (CSV header,field) names the other columns
        to read, such as the id and date questions; --instrument covers a file without an
        instrument column. Other columns (names, emails, free text) are never read, and a note
        names them. `ivoutcomes template` writes the header score reads.

        Dates must be YYYY-MM-DD unless --date-format says otherwise (such as DD/MM/YYYY); a time
        after the date (2026-02-10 10:12:40) is allowed and never changes the date. Rows
        dated before 2000-01-01 or after --as-of (default today) are scored and get a problem, as
        change and report leave them out.
        Missing answers: by default a scale is scored only when all its items are answered;
        --missing-policy wemwbs_total=prorate:1 prorates instead, and every prorated score says so.

        Example:
          ivoutcomes score responses.csv --out scores.csv
          ivoutcomes score export.csv --instrument wemwbs --date-format DD/MM/YYYY --format jsonl
          ivoutcomes score forms-export.csv --instrument swemwbs --columns columns.csv --date-format DD/MM/YYYY
        """
    static let options = [
        OptionSpec(
            name: "--format", value: "csv|jsonl|fhir",
            help: "output format (default csv; fhir: NDJSON of FHIR R4 Observations, one per scored outcome scale)"),
        SharedOptions.out, SharedOptions.force, SharedOptions.definitions,
        SharedOptions.instrument, SharedOptions.dateFormat, SharedOptions.columns,
        OptionSpec(
            name: "--missing-policy", value: "SCALE=POLICY",
            help: "override a scale's missing-answer policy: complete or prorate:N (repeatable)", repeatable: true),
        SharedOptions.inputFormat,
        SharedOptions.encoding, SharedOptions.delimiter,
        OptionSpec(
            name: "--fhir-base", value: "URL",
            help: "with --format fhir: the base of the project's code systems (default \(FHIRSettings.defaultBase))"),
        OptionSpec(
            name: "--subject-system", value: "URI",
            help:
                "with --format fhir: the identifier system of child ids read from CSV or JSON Lines (default <fhir-base>/sid/child-id)"
        ),
        OptionSpec(
            name: "--as-of", value: "DATE",
            help:
                "flag rows dated after DATE (default today) or before 2000-01-01, which change and report leave out; they are still scored"
        ),
    ]

    /// The output formats of `score`.
    enum Format: String, CaseIterable { case csv, jsonl, fhir }

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard arguments.positionals.count == 1 else {
            throw UsageError(
                message: arguments.positionals.isEmpty ? "name the file to score" : "score one file at a time")
        }
        let file = arguments.positionals[0]
        let catalog = try SharedOptions.catalog(arguments, console: console)
        var options = try ResponseReading.readingOptions(arguments, catalog: catalog, console: console)
        let asOf = try FollowUpInput.date(arguments, "--as-of") ?? .today
        guard asOf >= FollowUpOptions.defaultEarliestDate else {
            throw UsageError(
                message: "--as-of \(asOf) is before \(FollowUpOptions.defaultEarliestDate), the earliest date read")
        }
        options.expectedDates = FollowUpOptions.defaultEarliestDate...asOf
        let format = try SharedOptions.choice(arguments, "--format", default: Format.csv)
        let reader = try ResponseFileReader(path: file, catalog: catalog, options: options)
        ResponseReading.noteColumns(of: reader, options: options, console: console)
        let columnsNoted = reader.unknownColumns.count
        let output = try SharedOptions.output(arguments, console: console)
        let report = { (problem: RowProblem) in console.error(problem.description) }
        let summary: ScoringSummary
        switch format {
        case .csv, .jsonl:
            summary = try reader.score(
                to: output, format: format == .csv ? .csv : .jsonl, reportLimit: ResponseReading.problemsShown,
                onProblem: report)
        case .fhir:
            let writer = FHIRObservations(catalog: catalog, settings: try FHIRCommand.settings(arguments))
            summary = try writer.score(
                reader, to: output, reportLimit: ResponseReading.problemsShown, onProblem: report)
        }
        ResponseReading.noteAfterReading(of: reader, columnsNotedBefore: columnsNoted, console: console)
        if summary.problems > ResponseReading.problemsShown {
            console.error(
                "... and \(summary.problems - ResponseReading.problemsShown) more problems (see the problems column)")
        }
        try output.commit()
        console.error(ResponseReading.describe(summary, file: file))
        return .success
    }

}
