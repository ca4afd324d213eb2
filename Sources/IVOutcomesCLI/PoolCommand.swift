import Foundation
import IVOutcomes

/// `ivoutcomes pool`: the national picture from areas' confidential returns (exact), or from their
/// published pooling summaries (as before).
enum PoolCommand: Command {
    static let name = "pool"
    static let summary = "The national picture from areas' confidential returns (or published pooling summaries)."
    static let synopsis = "RETURN.json... --out national.html|national.json"
    static let details = """
        From confidential returns (written by 'ivoutcomes report --format return' and sent to the
        network under its data-sharing agreement): builds the national tables exactly, the same
        numbers a single report on every area's files together gives, then designs and protects
        them like an area's report and audits them against a reader who holds the national
        figures, every area's published report (made again from each return, and checked against
        the fingerprint the return carries) and one area's own return. Only national counts are
        hidden; an area's report is never changed.

        From published pooling summaries (written by 'ivoutcomes report --format summary'), as
        before: adds up what each area published. Cells some areas suppressed read "at least N
        (K areas suppressed)", and their statistics are not shown. Returns and summaries are not
        pooled together.

        A return or summary published with a threshold under 5 is refused unless
        --allow-small-numbers, and then the output says first that it holds unprotected areas.

        Example:
          ivoutcomes pool north.return.json south.return.json --out national.html
        """
    static let options = ReportOptions.list + [SharedOptions.definitions]

    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode {
        guard !arguments.positionals.isEmpty else {
            throw UsageError(message: "name at least one confidential return or pooling summary")
        }
        let format = try ReportFormat.from(arguments)
        guard format != .return else {
            throw UsageError(message: "--format return is an area's report's: pool writes html, json or summary")
        }
        let policy = try ReportOptions.policy(arguments)
        let catalog = try SharedOptions.catalog(arguments, console: console)
        let allowSmall = arguments.has("--allow-small-numbers")
        var returns: [ConfidentialReturn] = []
        var summaries: [AreaAggregate] = []
        for file in arguments.positionals {
            guard let data = FileManager.default.contents(atPath: file) else {
                throw InputError.unreadable(file: file, reason: "no such file, or it can't be read")
            }
            if ConfidentialReturn.isReturn(data) {
                returns.append(try ConfidentialReturn(data: data, file: file))
            } else {
                summaries.append(try AreaAggregate(poolingSummary: data, file: file, allowSmallNumbers: allowSmall))
            }
        }
        if !returns.isEmpty, !summaries.isEmpty {
            throw UsageError(
                message:
                    "\(counted(returns.count, "confidential return")) and \(counted(summaries.count, "published summary")): pool either every area's return (an exact national picture) or every area's published summary, not both"
            )
        }
        let view: ReportView
        if returns.isEmpty {
            let national = try AreaAggregate.pooling(summaries)
            view = ReportView(
                aggregate: national, catalog: catalog, policy: policy,
                title: "Independent Visitor outcomes: \(counted(national.areas.count, "area")) pooled")
            if !national.unauditedAreas.isEmpty {
                console.error(
                    "note: \(national.unauditedAreas.joined(separator: ", ")): summaries of format version 1, written before reports were audited; their own published reports may let hidden counts be worked out"
                )
            }
        } else {
            view = try ReportView(
                nationalFrom: returns, catalog: catalog, policy: policy,
                title: "Independent Visitor outcomes: \(counted(returns.count, "area")) pooled",
                allowSmallNumbers: allowSmall)
        }
        if let warning = view.disclosure.warning { console.error("warning: the national picture \(warning)") }
        if !view.disclosure.auditPassed {
            throw UsageError(message: "the disclosure audit could not protect every small count; nothing was written")
        }
        try ReportOptions.write(format.render(view), arguments, console: console)
        console.error("pooled \(counted(view.areas.count, "area")): \(view.areas.joined(separator: ", "))")
        return .success
    }
}
