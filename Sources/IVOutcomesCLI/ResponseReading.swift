import Foundation
import IVOutcomes

/// What the commands that read questionnaire files share (score, change, schedule, logs, report,
/// psychometrics): the reading options from the command line, and the notes and summary line
/// they print about a file read. No command calls another's helpers.
enum ResponseReading {
    /// How many row problems are echoed to standard error before the rest are only counted.
    static let problemsShown = 20

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

    /// After reading: the keys of JSON Lines rows that are neither a field nor `answers` (found
    /// only while reading, so not among the columns ``noteColumns(of:options:console:)`` named),
    /// and the resources of a FHIR file that were not QuestionnaireResponses.
    static func noteAfterReading(of reader: ResponseFileReader, columnsNotedBefore: Int, console: Console) {
        let keys = reader.unknownColumns.dropFirst(columnsNotedBefore)
        if !keys.isEmpty {
            console.error("note: \(reader.file): ignored keys that are not fields: \(keys.joined(separator: ", "))")
        }
        guard !reader.ignoredResources.isEmpty else { return }
        let kinds = reader.ignoredResources.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
        console.error(
            "note: \(reader.file): skipped resources that are not QuestionnaireResponses: \(kinds.joined(separator: ", "))"
        )
    }

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
