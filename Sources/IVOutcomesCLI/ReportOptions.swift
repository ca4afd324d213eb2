import Foundation
import IVOutcomes

/// How a report is written.
enum ReportFormat: String, CaseIterable {
    case html
    /// The aggregates as a documented JSON summary.
    case json
    /// Sufficient statistics for national pooling, of the cells the report shows.
    case summary
    /// The area's exact figures for the national network: never published (``ConfidentialReturn``).
    case `return`

    static func from(_ arguments: ParsedArguments) throws -> ReportFormat {
        if arguments.value("--format") != nil { return try SharedOptions.choice(arguments, "--format", default: .html) }
        return arguments.value("--out")?.lowercased().hasSuffix(".json") == true ? .json : .html
    }

    func render(_ view: ReportView) -> String {
        switch self {
        case .html: return view.html()
        case .json: return view.jsonSummary()
        case .summary: return view.poolingSummary()
        case .return: return view.confidentialReturn().json()
        }
    }
}

/// Options shared by `report` and `pool`.
enum ReportOptions {
    static let list =
        SharedOptions.outputOptions + [
            OptionSpec(
                name: "--format", value: "html|json|summary|return",
                help:
                    "html report, JSON summary, pooling summary, or (report only) the confidential return for the network (default: from --out, else html)"
            ),
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
