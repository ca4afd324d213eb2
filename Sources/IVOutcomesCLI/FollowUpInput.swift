import IVOutcomes

/// What the `change`, `schedule` and `logs` commands share: reading the children file and the
/// response files into a tracker, and reporting every row that is not used.
enum FollowUpInput {
    static let children = OptionSpec(
        name: "--children", value: "FILE",
        help: "children file: child_id, birth_month (YYYY-MM), match_start, demographics", readsFile: true)
    static let asOf = OptionSpec(
        name: "--as-of", value: "DATE", help: "the date to report as of, YYYY-MM-DD (default today)")

    /// The options every follow-up command takes, after its own.
    static let common =
        [
            children, SharedOptions.rowFormat, SharedOptions.out, SharedOptions.force, SharedOptions.definitions,
            SharedOptions.instrument,
        ] + SharedOptions.responseReading

    /// A date option's value.
    static func date(_ arguments: ParsedArguments, _ name: String) throws -> CalendarDate? {
        guard let text = arguments.value(name) else { return nil }
        guard let date = CalendarDate(iso: text) else {
            throw UsageError(message: "\(name) '\(text)' is not a date (expected YYYY-MM-DD)")
        }
        return date
    }

    /// Reads every file into a tracker, echoing problems to standard error and a summary after them.
    static func track(
        _ arguments: ParsedArguments, console: Console, asOf: CalendarDate, logPeriod: ClosedRange<CalendarDate>? = nil
    ) throws -> FollowUpTracker {
        guard !arguments.positionals.isEmpty else { throw UsageError(message: "name at least one response file") }
        let catalog = try SharedOptions.catalog(arguments, console: console)
        let options = try ResponseReading.readingOptions(arguments, catalog: catalog, console: console)
        var register: ChildRegister?
        if let path = arguments.value(children.name) {
            let read = try ChildRegister(
                path: path, today: asOf, encoding: options.encoding, delimiter: options.delimiter)
            if let note = read.formatNote { console.error("note: \(path): \(note)") }
            for problem in read.problems { console.error(problem.description) }
            if !read.unknownColumns.isEmpty {
                console.error(
                    "note: \(path): columns not read (only ids, birth month, match dates and demographics are): \(read.unknownColumns.joined(separator: ", "))"
                )
            }
            register = read
        }
        let tracker = FollowUpTracker(
            catalog: catalog, register: register, options: FollowUpOptions(asOf: asOf, logPeriod: logPeriod))
        var shown = 0
        let report = { (problem: RowProblem) in
            shown += 1
            if shown <= ResponseReading.problemsShown { console.error(problem.description) }
        }
        var blankRows: [Int] = []
        for file in arguments.positionals {
            let reader = try ResponseFileReader(path: file, catalog: catalog, options: options)
            ResponseReading.noteColumns(of: reader, options: options, console: console)
            let columnsNoted = reader.unknownColumns.count
            try reader.track(into: tracker, onProblem: report)
            ResponseReading.noteAfterReading(of: reader, columnsNotedBefore: columnsNoted, console: console)
            blankRows.append(reader.blankRowsSkipped)
        }
        // Duplicates and disagreeing forms of one day are known once every file is in.
        for problem in tracker.resolutionProblems { report(problem) }
        for (file, blank) in zip(arguments.positionals, blankRows) {
            let counts = tracker.counts(inFile: file)
            var line = "\(file): \(counted(counts.total, "row")) read: \(counts.used) used"
            if counts.conflicting > 0 { line += " (\(counts.conflicting) in part: forms of one day that disagree)" }
            line += ", \(counts.invalid) invalid, \(counts.duplicates) duplicates"
            line += ", \(counts.outOfRange) dated before \(tracker.options.earliestDate) or after \(asOf)"
            if blank > 0 { line += "; \(counted(blank, "blank row")) skipped" }
            console.error(line)
        }
        if shown > ResponseReading.problemsShown {
            console.error("... and \(shown - ResponseReading.problemsShown) more problems")
        }
        return tracker
    }

    /// The thresholds behind each classification, with their sources: the choice is shown, not hidden.
    static func thresholds(of scales: [Scale]) -> [String] {
        scales.map { scale in
            var parts: [String] = []
            if let reliable = scale.change?.reliable {
                parts.append(
                    "reliable change when the change is larger than \(formatNumber(reliable.threshold, decimals: 2)) points (\(reliable.source))"
                )
            }
            if let meaningful = scale.change?.meaningful {
                parts.append(
                    "meaningful change at \(formatNumber(meaningful.points, decimals: 2)) points or more (\(meaningful.source))"
                )
            }
            return "\(scale.id): "
                + (parts.isEmpty ? "no thresholds established; change reported alone" : parts.joined(separator: "; "))
        }
    }
}
