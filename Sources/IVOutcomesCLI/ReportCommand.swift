import Foundation
import IVOutcomes

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
        if format == .return, let out = arguments.value("--out"), !out.lowercased().hasSuffix(".json") {
            throw UsageError(
                message: "--format return writes JSON, never a page to publish: name the file .json (not '\(out)')")
        }
        let policy = try ReportOptions.policy(arguments)
        let asOf = try FollowUpInput.date(arguments, FollowUpInput.asOf.name) ?? .today
        var all = arguments
        all.positionals += arguments.values["--logs"] ?? []
        let tracker = try FollowUpInput.track(all, console: console, asOf: asOf)
        let areas = Set(tracker.register?.children.compactMap { $0.attributes["local_area"] } ?? [])
        let area = arguments.value("--area") ?? (areas.count == 1 ? areas.first ?? "" : "Local area")
        let view = ReportView(
            aggregate: AreaAggregate(tracker: tracker, area: area), catalog: tracker.catalog, policy: policy)
        guard view.disclosure.auditPassed else {
            throw UsageError(message: "the disclosure audit could not protect every small count; nothing was written")
        }
        try ReportOptions.write(format.render(view), arguments, console: console)
        if let out = arguments.value("--out") {
            console.error(
                format == .return
                    ? "wrote \(out) (confidential return: exact figures for the network under its data-sharing agreement; never publish it)"
                    : "wrote \(out) (\(format.rawValue), counts under \(policy.threshold) suppressed)")
        }
        return .success
    }
}
