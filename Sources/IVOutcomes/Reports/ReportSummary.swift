import Foundation

/// The report's JSON summary as `Codable` values: what ``ReportView/jsonSummary()`` writes,
/// read back field by field (same names, same suppression), for a tool that works with the
/// numbers rather than the text.
///
/// ```swift
/// let summary = try view.summary()
/// let all = summary.groups.first { $0.dimension == "all" }
/// print(all?.scales.first?.change?.mean ?? .nan)
/// ```
public struct ReportSummary: Codable, Sendable, Hashable {
    /// A published count: shown, hidden (`"[c]"`), or, pooled, at least a partial sum.
    public enum Count: Codable, Sendable, Hashable {
        /// The count, shown.
        case shown(Int)
        /// Hidden to protect small numbers.
        case hidden
        /// A pooled cell some areas suppressed: at least `partial`, with `areas` areas' values missing.
        case atLeast(Int, areasSuppressed: Int)

        private enum CodingKeys: String, CodingKey { case atLeast, areasSuppressed }

        /// Decodes a number, `"[c]"` or `{"atLeast", "areasSuppressed"}`.
        public init(from decoder: any Decoder) throws {
            if let container = try? decoder.singleValueContainer() {
                if let value = try? container.decode(Int.self) {
                    self = .shown(value)
                    return
                }
                if let text = try? container.decode(String.self) {
                    guard text == ReportedCount.hiddenSymbol else {
                        throw DecodingError.dataCorruptedError(
                            in: container, debugDescription: "expected a count or \"\(ReportedCount.hiddenSymbol)\"")
                    }
                    self = .hidden
                    return
                }
            }
            let keyed = try decoder.container(keyedBy: CodingKeys.self)
            self = .atLeast(
                try keyed.decode(Int.self, forKey: .atLeast),
                areasSuppressed: try keyed.decode(Int.self, forKey: .areasSuppressed))
        }

        /// Encodes the count as the summary writes it.
        public func encode(to encoder: any Encoder) throws {
            switch self {
            case .shown(let value):
                var container = encoder.singleValueContainer()
                try container.encode(value)
            case .hidden:
                var container = encoder.singleValueContainer()
                try container.encode(ReportedCount.hiddenSymbol)
            case .atLeast(let partial, let areas):
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(partial, forKey: .atLeast)
                try container.encode(areas, forKey: .areasSuppressed)
            }
        }

        /// The count when it is shown exactly.
        public var value: Int? {
            if case .shown(let value) = self { return value }
            return nil
        }
    }

    /// A mean and standard deviation.
    public struct Statistics: Codable, Sendable, Hashable {
        /// The mean.
        public let mean: Double
        /// The standard deviation.
        public let sd: Double
    }

    /// Mean change from baseline to latest, with its 95% CI, paired t-test and effect size.
    public struct Change: Codable, Sendable, Hashable {
        /// Children followed up.
        public let n: Int
        /// Mean change.
        public let mean: Double
        /// Standard deviation of the changes.
        public let sd: Double
        /// The 95% confidence interval of the mean change, low then high.
        public let ci95: [Double]
        /// The paired t-test's two-sided p-value; `nil` when every change is the same (no spread to test).
        public let pairedTTestP: Double?
        /// Cohen's d_z; `nil` when every change is the same.
        public let cohensDz: Double?
    }

    /// One scale in one group.
    public struct Scale: Codable, Sendable, Hashable {
        /// The scale's id.
        public let scale: ScaleID
        /// Children with a baseline score.
        public let childrenWithBaseline: Count
        /// Children with a follow-up score.
        public let childrenWithFollowUp: Count
        /// Baseline scores of all children with one, when shown.
        public let baseline: Statistics?
        /// Baseline scores of the children followed up, when shown.
        public let pairedBaseline: Statistics?
        /// Latest scores of the children followed up, when shown.
        public let latest: Statistics?
        /// The change, when shown.
        public let change: Change?
        /// Children by reliable-change class.
        public let reliableChange: [String: Count]
        /// Children by meaningful-change class.
        public let meaningfulChange: [String: Count]
        /// Children by band at baseline.
        public let bandsAtBaseline: [String: Count]
        /// Children followed up by band at latest.
        public let bandsAtLatest: [String: Count]
        /// Children followed up by band movement, keyed `from>to`.
        public let bandMovement: [String: Count]
        /// The width of the change histogram's bins.
        public let changeHistogramBinWidth: Double
        /// Changes by bin: bin `k` holds changes from `k × changeHistogramBinWidth`.
        public let changeHistogram: [String: Count]
        /// Scores below the instrument's validated age (`nil` in a breakdown's category and a
        /// national picture, which do not carry it).
        public let scoresBelowValidatedAge: Count?
        /// Notes a reader needs (cautions, withheld statistics).
        public let notes: [String]
    }

    /// One outcome's contact-log counts in one group.
    public struct Log: Codable, Sendable, Hashable {
        /// The outcome asked about.
        public let outcome: OutcomeID
        /// Children with at least one log.
        public let childrenWithLogs: Count
        /// Logs.
        public let logs: Count
        /// Logs of a visit that happened.
        public let visitsHappened: Count
        /// Logs saying things changed for the better.
        public let positive: Count
        /// The share of logs of visits that said so, when shown.
        public let positiveShare: Double?
    }

    /// One scale's comparison of the matched children with the waiting list (see
    /// ``WaitingListComparison``); the numbers are `nil` when it is not shown.
    public struct ComparedScale: Codable, Sendable, Hashable {
        /// The scale's id.
        public let scale: ScaleID
        /// Whether the comparison is shown.
        public let shown: Bool
        /// Why it is not shown.
        public let reason: String?
        /// Matched children followed up.
        public let matchedN: Int?
        /// Their mean change.
        public let matchedMeanChange: Double?
        /// Their mean days from baseline to latest.
        public let matchedMeanDays: Double?
        /// Waiting children followed up.
        public let waitingN: Int?
        /// Their mean change.
        public let waitingMeanChange: Double?
        /// Their mean days from baseline to latest.
        public let waitingMeanDays: Double?
        /// Matched minus waiting mean change.
        public let difference: Double?
        /// The difference's 95% confidence interval, low then high.
        public let ci95: [Double]?
        /// Welch–Satterthwaite degrees of freedom.
        public let welchDF: Double?
        /// Welch's t-test two-sided p-value.
        public let welchTTestP: Double?
    }

    /// The comparison with the waiting list, and the caution the report shows near the top.
    public struct Comparison: Codable, Sendable, Hashable {
        /// ``ReportView/causalCaution``.
        public let caution: String
        /// One per scale; empty without a waiting list.
        public let scales: [ComparedScale]
    }

    /// One group: everyone, or one category of a breakdown.
    public struct Group: Codable, Sendable, Hashable {
        /// The breakdown (`all`, `age_band`, `match_length`, a children-file column, or `status`
        /// for the waiting list).
        public let dimension: String
        /// The category.
        public let category: String
        /// The categories of the children file it holds: one, or several for a merged category
        /// (absent before format version 5).
        public let members: [String]?
        /// Children in the group.
        public let children: Count
        /// The group's scales.
        public let scales: [Scale]
        /// The group's contact-log outcomes.
        public let logs: [Log]
    }

    /// `ivoutcomes-report`.
    public let format: String
    /// ``ReportView/formatVersion``.
    public let formatVersion: Int
    /// Set when unprotected areas are pooled in.
    public let warning: String?
    /// The report's title.
    public let title: String?
    /// The areas included.
    public let areas: [String]
    /// The as-of date, `YYYY-MM-DD`.
    public let asOf: String
    /// Counts under this are hidden.
    public let suppressionThreshold: Int
    /// How the numbers were protected.
    public let disclosureControl: DisclosureControl
    /// The instruments the data comes from.
    public let instruments: [InstrumentID]
    /// Data-quality counts by key (`rows_read`, `rows_invalid`, ...).
    public let dataQuality: [String: Count]
    /// `all` first, then each breakdown's categories, then the waiting list.
    public let groups: [Group]
    /// The comparison with the waiting list (absent from summaries before format version 4).
    public let comparison: Comparison?
    /// The breakdowns not shown, each with its one-line reason (absent before format version 5).
    public let breakdownsNotShown: [OmittedBreakdown]?

    /// A breakdown a report does not show, and why.
    public struct OmittedBreakdown: Codable, Sendable, Hashable {
        /// The breakdown, such as `local_area`.
        public let dimension: String
        /// Why it is not shown, in one line.
        public let reason: String
    }
}

extension ReportView {
    /// The JSON summary as `Codable` values (see ``ReportSummary``).
    ///
    /// - Throws: `DecodingError` only if the summary's writer and these types disagree, which
    ///   the tests rule out.
    public func summary() throws -> ReportSummary {
        try JSONDecoder().decode(ReportSummary.self, from: Data(jsonSummary().utf8))
    }
}
