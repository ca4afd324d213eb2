/// How a report protected its small numbers, stated in the report and its JSON.
///
/// ```swift
/// let view = ReportView(aggregate: aggregate, catalog: catalog, policy: .standard)
/// view.disclosure.auditPassed              // true
/// view.disclosure.cellsHiddenToProtectOthers
/// ```
public struct DisclosureControl: Sendable, Hashable, Codable {
    /// The smallest count shown.
    public let threshold: Int
    /// Every small hidden count keeps an interval of at least `threshold` possible values, by the
    /// audit (always true for a written report: cells are hidden until it is).
    public let auditPassed: Bool
    /// Hidden counts of 1 to `threshold - 1`.
    public let smallCountsHidden: Int
    /// Counts hidden although not small, so that small ones cannot be worked out.
    public let cellsHiddenToProtectOthers: Int
    /// Of those, the ones the audit added to the first pattern (a second cell in every table).
    public let cellsHiddenByAudit: Int
    /// Group statistics (mean, SD, change) not shown although the group is large enough,
    /// because the children left over in its breakdown would be fewer than `threshold`.
    public let statisticsWithheld: Int
    /// Pooled areas whose own summary used a threshold under 5 (only with `--allow-small-numbers`).
    public let unprotectedAreas: [String]
    /// Pooled areas whose summary (format version 1) was written before reports were audited.
    public let unauditedAreas: [String]

    /// What a national picture says first when it holds unprotected areas; `nil` otherwise.
    public var warning: String? {
        guard !unprotectedAreas.isEmpty else { return nil }
        return "contains unprotected areas (published with counts under 5 shown): "
            + unprotectedAreas.joined(separator: ", ") + "; not for publication"
    }

    /// Whether nothing is hidden: an analyst's unsuppressed view (threshold 1).
    public var hidesNothing: Bool { threshold <= 1 }

    /// The method in one sentence, for the JSON and the report.
    public var method: String {
        if hidesNothing {
            return
                "nothing hidden: every count is shown exactly (threshold 1, an unsuppressed view not for publication)"
        }
        return
            "counts from 1 to \(threshold - 1) hidden; further counts hidden so that no hidden count can be worked out "
            + "from totals, other tables or other breakdowns; audited by linear programming (every hidden count of 1 to "
            + "\(threshold - 1) keeps at least \(threshold) possible values); statistics shown only for groups of at "
            + "least \(threshold) children whose breakdown leaves none or at least \(threshold) children in hidden categories"
    }
}
