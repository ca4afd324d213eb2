/// Which outcomes of the framework a set of instruments covers, from the item-to-outcome mappings
/// in their definitions.
///
/// **The rule:** an outcome is *covered* when at least ``coveredThreshold`` items of the set
/// inform it, *partly* covered when one item does, and *not covered* when none does. Two items is
/// the least that lets a score reflect the outcome rather than one question's wording.
///
/// ```swift
/// let coverage = Coverage(of: [wemwbs], framework: catalog.framework)
/// coverage.verdict(for: "life_skills")   // .notCovered
/// ```
public struct Coverage: Sendable, Hashable {
    /// How much of an outcome a set of instruments covers.
    public enum Verdict: String, Sendable, Hashable, Codable {
        /// Enough items bear on the outcome.
        case covered
        /// Some items bear on it, fewer than ``Coverage/coveredThreshold``.
        case partly
        /// No item bears on it.
        case notCovered = "not_covered"
    }

    /// Items needed for an outcome to count as covered.
    public static let coveredThreshold = 2

    /// One outcome's row of the matrix.
    public struct Row: Sendable, Hashable {
        /// The outcome.
        public let outcome: Outcome
        /// Per instrument, in the order given, the items informing the outcome.
        public let items: [[ItemID]]
        /// How well the instruments cover it.
        public let verdict: Verdict

        /// Items of the whole set that inform the outcome.
        public var itemCount: Int { items.map(\.count).reduce(0, +) }
    }

    /// The instruments checked.
    public let instruments: [Instrument]
    /// One row per outcome of the framework.
    public let rows: [Row]

    /// The coverage matrix of `instruments` (in the order given) over the framework's outcomes.
    public init(of instruments: [Instrument], framework: OutcomeFramework) {
        self.instruments = instruments
        rows = framework.outcomes.map { outcome in
            let items = instruments.map { instrument in
                instrument.items.filter { $0.outcomes.contains { $0.outcome == outcome.id } }.map(\.id)
            }
            let count = items.map(\.count).reduce(0, +)
            let verdict: Verdict = count >= Coverage.coveredThreshold ? .covered : count == 1 ? .partly : .notCovered
            return Row(outcome: outcome, items: items, verdict: verdict)
        }
    }

    /// The verdict for one outcome, or `nil` when the framework has no such outcome.
    public func verdict(for outcome: OutcomeID) -> Verdict? { rows.first { $0.outcome.id == outcome }?.verdict }

    /// Outcomes the set covers fully.
    public var outcomesCovered: Int { rows.filter { $0.verdict == .covered }.count }

    /// Questions a respondent set answers across the set (free-text log examples included).
    public var totalItems: Int { instruments.map(\.items.count).reduce(0, +) }

    /// Estimated minutes to complete the whole set, from each definition's `minutesToComplete`.
    public var totalMinutes: Double { instruments.map(\.minutesToComplete).reduce(0, +) }
}
