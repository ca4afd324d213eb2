import Foundation
import IVOutcomes

/// How a report is written.
enum ReportFormat: String, CaseIterable {
    case html
    /// The aggregates as a documented JSON summary.
    case json
    /// Sufficient statistics for national pooling.
    case summary

    static func from(_ arguments: ParsedArguments) throws -> ReportFormat {
        if arguments.value("--format") != nil { return try SharedOptions.choice(arguments, "--format", default: .html) }
        return arguments.value("--out")?.lowercased().hasSuffix(".json") == true ? .json : .html
    }

    func render(_ view: ReportView) -> String {
        switch self {
        case .html: return view.html()
        case .json: return view.jsonSummary()
        case .summary: return view.poolingSummary()
        }
    }
}

/// Options shared by `report` and `pool`.
enum ReportOptions {
    static let list =
        SharedOptions.outputOptions + [
            OptionSpec(
                name: "--format", value: "html|json|summary",
                help: "html report, JSON summary, or pooling summary (default: from --out, else html)"),
            OptionSpec(
                name: "--suppress-below", value: "N",
                help: "show counts from N up (default 5; below 5 needs --allow-small-numbers)"),
            OptionSpec(
                name: "--allow-small-numbers", value: nil,
                help: "allow --suppress-below under 5 (only for readers allowed to see them)"),
        ]

    static func policy(_ arguments: ParsedArguments) throws -> SuppressionPolicy {
        guard let text = arguments.value("--suppress-below") else { return .standard }
        guard let threshold = Int(text) else {
            throw UsageError(message: "--suppress-below '\(text)' is not a whole number")
        }
        do {
            return try SuppressionPolicy(
                threshold: threshold, allowSmallNumbers: arguments.has("--allow-small-numbers"))
        } catch {
            throw UsageError(message: error.description)
        }
    }

    static func write(_ text: String, _ arguments: ParsedArguments, console: Console) throws {
        let output = try SharedOptions.output(arguments, console: console)
        try output.write(text)
        try output.commit()
    }
}

/// `ivoutcomes report`: a local area's report, JSON summary, or pooling summary.
enum ReportCommand: Command {
    static let name = "report"
    static let summary = "A local area's report: headline numbers, charts, breakdowns, logs, data quality."
    static let synopsis = "FILE... --out report.html|report.json"
    static let details = """
        Aggregates the change of every child (see 'ivoutcomes change') into a report a coordinator
        can read: headline numbers, baseline and latest means, the distribution of change with the
        no-reliable-change band shaded, reliable and meaningful change counts, bands, what the
        volunteers' logs say per outcome, breakdowns by the children file's columns, data-quality
        notes and the scales' licence notices. One self-contained HTML file (no scripts or network).

        Small numbers are always protected: counts from 1 to 4 are hidden, more counts are hidden
        until an audit (linear programming over every total, table and breakdown) finds that no
        hidden count of 1 to 4 can be narrowed to fewer than 5 values, and every hidden count reads
        "[c]" whatever the reason. Statistics are shown only for groups of 5 or more whose breakdown
        leaves none or at least 5 children in hidden categories. --format json writes the same aggregates as a JSON summary; --format summary
        writes the pooling summary to send to the national network (see 'ivoutcomes pool').

        Example:
          ivoutcomes report questionnaires.csv --logs logs.csv --children children.csv --out report.html
          ivoutcomes report questionnaires.csv --logs logs.csv --children children.csv --format summary --out area.json
        """
    static let options =
        [
            FollowUpInput.children,
            OptionSpec(
                name: "--logs", value: "FILE", help: "contact logs (repeatable)", repeatable: true, readsFile: true),
            FollowUpInput.asOf,
            OptionSpec(
                name: "--area", value: "NAME", help: "the area's name (default: the children file's local_area)"),
        ] + ReportOptions.list + [
            SharedOptions.definitions, SharedOptions.instrument,
        ] + SharedOptions.responseReading

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        let format = try ReportFormat.from(arguments)
        let policy = try ReportOptions.policy(arguments)
        let asOf = try FollowUpInput.date(arguments, FollowUpInput.asOf.name) ?? .today
        var all = arguments
        all.positionals += arguments.values["--logs"] ?? []
        let tracker = try FollowUpInput.track(all, console: console, asOf: asOf)
        let areas = Set(tracker.register?.children.compactMap { $0.attributes["local_area"] } ?? [])
        let area = arguments.value("--area") ?? (areas.count == 1 ? areas.first ?? "" : "Local area")
        let view = ReportView(
            aggregate: AreaAggregate(tracker: tracker, area: area), catalog: tracker.catalog, policy: policy)
        try ReportOptions.write(format.render(view), arguments, console: console)
        if let out = arguments.value("--out") {
            console.error("wrote \(out) (\(format.rawValue), counts under \(policy.threshold) suppressed)")
        }
        return .success
    }
}

/// `ivoutcomes pool`: combine area pooling summaries into a national picture.
enum PoolCommand: Command {
    static let name = "pool"
    static let summary = "Combine areas' pooling summaries into a national picture, without any child's data."
    static let synopsis = "SUMMARY.json... --out national.html|national.json"
    static let details = """
        Adds up the sufficient statistics and counts of each area's pooling summary (written by
        'ivoutcomes report --format summary'). Pooled counts, means, SDs and change statistics are
        exactly those of the combined children wherever no area suppressed the cell; cells some
        areas suppressed read "at least N (K areas suppressed)", and their statistics are not shown.
        The national figures are protected and audited again. A summary published with a threshold
        under 5 is refused unless --allow-small-numbers, and then the output says first that it
        holds unprotected areas.

        Example:
          ivoutcomes pool north.json south.json --out national.html
        """
    static let options = ReportOptions.list + [SharedOptions.definitions]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard !arguments.positionals.isEmpty else { throw UsageError(message: "name at least one pooling summary") }
        let format = try ReportFormat.from(arguments)
        let policy = try ReportOptions.policy(arguments)
        let catalog = try SharedOptions.catalog(arguments, console: console)
        var areas: [AreaAggregate] = []
        // Each area and period is pooled once: the same summary twice would double its counts.
        var firstFile: [String: String] = [:]
        var firstContent: [Data: String] = [:]
        for file in arguments.positionals {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError.unreadable(file: file, reason: "no such file, or it can't be read")
            }
            if let first = firstContent[data] {
                throw PoolingError(
                    file: file, message: "the same summary as \(first): each area's summary is pooled once")
            }
            firstContent[data] = file
            let area = try AreaAggregate(
                poolingSummary: data, file: file, allowSmallNumbers: arguments.has("--allow-small-numbers"))
            let key = "\(area.areas.joined(separator: ", ")) as of \(area.asOf)"
            if let first = firstFile[key] {
                throw PoolingError(
                    file: file,
                    message: "the same area and period as \(first) (\(key)): each area's summary is pooled once")
            }
            firstFile[key] = file
            areas.append(area)
        }
        let national = try AreaAggregate.pooling(areas)
        let view = ReportView(
            aggregate: national, catalog: catalog, policy: policy,
            title: "Independent Visitor outcomes: \(counted(national.areas.count, "area")) pooled")
        if let warning = view.disclosure.warning { console.error("warning: the national picture \(warning)") }
        if !national.unauditedAreas.isEmpty {
            console.error(
                "note: \(national.unauditedAreas.joined(separator: ", ")): summaries of format version 1, written before reports were audited; their own published reports may let hidden counts be worked out"
            )
        }
        try ReportOptions.write(format.render(view), arguments, console: console)
        console.error("pooled \(counted(national.areas.count, "area")): \(national.areas.joined(separator: ", "))")
        return .success
    }
}
