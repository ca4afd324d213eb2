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

    /// How many row problems are echoed to standard error before the rest are only counted.
    static let problemsShown = 20

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard arguments.positionals.count == 1 else {
            throw UsageError(
                message: arguments.positionals.isEmpty ? "name the file to score" : "score one file at a time")
        }
        let file = arguments.positionals[0]
        let catalog = try SharedOptions.catalog(arguments, console: console)
        var options = try readingOptions(arguments, catalog: catalog, console: console)
        let asOf = try FollowUpInput.date(arguments, "--as-of") ?? .today
        guard asOf >= FollowUpOptions.defaultEarliestDate else {
            throw UsageError(
                message: "--as-of \(asOf) is before \(FollowUpOptions.defaultEarliestDate), the earliest date read")
        }
        options.expectedDates = FollowUpOptions.defaultEarliestDate...asOf
        let format = try SharedOptions.choice(arguments, "--format", default: Format.csv)
        let reader = try ResponseFileReader(path: file, catalog: catalog, options: options)
        noteColumns(of: reader, options: options, console: console)
        let output = try SharedOptions.output(arguments, console: console)
        let report = { (problem: RowProblem) in console.error(problem.description) }
        let summary: ScoringSummary
        switch format {
        case .csv, .jsonl:
            summary = try reader.score(
                to: output, format: format == .csv ? .csv : .jsonl, reportLimit: problemsShown, onProblem: report)
        case .fhir:
            let writer = FHIRObservations(catalog: catalog, settings: try FHIRCommand.settings(arguments))
            summary = try writer.score(reader, to: output, reportLimit: problemsShown, onProblem: report)
        }
        noteSkipped(of: reader, console: console)
        if summary.problems > problemsShown {
            console.error("... and \(summary.problems - problemsShown) more problems (see the problems column)")
        }
        try output.commit()
        console.error(describe(summary, file: file))
        return .success
    }

    /// Notes on how a file was read: its format, the columns read by question text or the
    /// mapping, mapping rows no column used, items no column holds, and the columns ignored.
    static func noteColumns(of reader: ResponseFileReader, options: ReadingOptions, console: Console) {
        let file = reader.file
        if let note = reader.formatNote { console.error("note: \(file): \(note)") }
        for how in [MatchedColumn.How.questionText, .mapping] {
            let fields = reader.matchedColumns.filter { $0.how == how }.map(\.field)
            guard !fields.isEmpty else { continue }
            let by = how == .mapping ? "by the column mapping" : "by their question text"
            console.error(
                "note: \(file): \(counted(fields.count, "column")) read \(by): \(fields.joined(separator: ", "))")
        }
        for entry in reader.unusedColumnMappings {
            let place = [options.columns?.file, entry.line.map(String.init)].compactMap { $0 }.joined(separator: ":")
            console.error("note: \(place): no column of \(file) is headed \"\(entry.header)\"; this row maps nothing")
        }
        for (instrument, items) in reader.itemsWithoutColumn {
            console.error(
                "note: \(file): no column holds \(instrument) \(items.count == 1 ? "item" : "items") \(items.map(\.rawValue).joined(separator: ", ")): every \(instrument) row lacks \(items.count == 1 ? "its answer" : "their answers") (name the column by the item id or its question text, or map it with --columns)"
            )
        }
        if !reader.unknownColumns.isEmpty {
            console.error(
                "note: \(file): ignored columns that are not items of any instrument: \(reader.unknownColumns.joined(separator: ", "))"
            )
        }
    }

    /// After reading: the resources of a FHIR file that were not QuestionnaireResponses.
    static func noteSkipped(of reader: ResponseFileReader, console: Console) {
        guard !reader.ignoredResources.isEmpty else { return }
        let kinds = reader.ignoredResources.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        console.error(
            "note: \(reader.file): skipped resources that are not QuestionnaireResponses: \(kinds.joined(separator: ", "))"
        )
    }

    /// The output formats of `score`.
    enum Format: String, CaseIterable { case csv, jsonl, fhir }

    /// The options that shape reading, from the command line.
    static func readingOptions(_ arguments: ParsedArguments, catalog: InstrumentCatalog, console: Console) throws
        -> ReadingOptions
    {
        var options = ReadingOptions()
        if let id = arguments.value("--instrument") {
            options.instrument = try catalog.instrument(id: InstrumentID(id.lowercased())).id
        }
        if let path = arguments.value(SharedOptions.columns.name) {
            options.columns = try ColumnMapping(path: path)
        }
        if let pattern = arguments.value("--date-format") {
            options.dateFormat = try DateFormat(pattern: pattern)
        }
        if arguments.value("--input-format") != nil {
            options.format = try SharedOptions.choice(arguments, "--input-format", default: InputFormat.csv)
        }
        if arguments.value(SharedOptions.encoding.name) != nil {
            options.encoding = try SharedOptions.choice(
                arguments, SharedOptions.encoding.name, default: TextEncoding.utf8)
        }
        if arguments.value(SharedOptions.delimiter.name) != nil {
            options.delimiter = try SharedOptions.choice(
                arguments, SharedOptions.delimiter.name, default: CSVDelimiter.comma)
        }
        let scales = Dictionary(
            catalog.instruments.flatMap(\.scales).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        for setting in arguments.values["--missing-policy"] ?? [] {
            let parts = setting.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else {
                throw UsageError(
                    message: "--missing-policy '\(setting)' should be SCALE=POLICY, such as wemwbs_total=prorate:1")
            }
            guard let scale = scales[ScaleID(parts[0])] else {
                throw UsageError(
                    message:
                        "--missing-policy: unknown scale '\(parts[0])'\(suggestion(for: parts[0], in: scales.keys.map(\.rawValue)))"
                )
            }
            guard let policy = MissingAnswerPolicy(parts[1]) else {
                throw UsageError(
                    message: "--missing-policy: '\(parts[1])' is not a policy (expected complete or prorate:N)")
            }
            if let reason = policy.problem(applyingTo: scale.method) {
                throw UsageError(message: "--missing-policy: \(scale.id): \(reason)")
            }
            options.scoring.missingPolicies[scale.id] = policy
            console.error(
                "note: \(scale.id) is scored with missing-answer policy \(policy) (the definition's default is \(scale.missingPolicy)); prorated scores say so in the problems column"
            )
        }
        return options
    }

    static func describe(_ summary: ScoringSummary, file: String) -> String {
        var text =
            "\(file): \(counted(summary.rowsRead, "row")) read: \(summary.scored) scored, \(summary.incomplete) incomplete, \(summary.invalid) invalid"
        if summary.blankRowsSkipped > 0 { text += "; \(counted(summary.blankRowsSkipped, "blank row")) skipped" }
        return text
    }
}
