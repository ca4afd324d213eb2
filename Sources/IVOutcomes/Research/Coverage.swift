/// Which outcomes of the framework a set of instruments covers, from the item-to-outcome mappings
/// in their definitions.
///
/// **The rule:** an outcome is *covered* when at least ``coveredThreshold`` items of the set
/// inform it, *partly* covered when one item does, and *not covered* when none does. Two items is
/// the least that lets a score reflect the outcome rather than one question's wording. An item
/// asked by several instruments of the set (SWEMWBS's seven items are WEMWBS items, with the same
/// ids) is one question: it is counted once, in each outcome's items, in the questions and in the
/// minutes.
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

        /// Items of the whole set that inform the outcome, an item shared by several instruments once.
        public var itemCount: Int { Set(items.joined()).count }
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
            let count = Set(items.joined()).count
            let verdict: Verdict = count >= Coverage.coveredThreshold ? .covered : count == 1 ? .partly : .notCovered
            return Row(outcome: outcome, items: items, verdict: verdict)
        }
    }

    /// The verdict for one outcome, or `nil` when the framework has no such outcome.
    public func verdict(for outcome: OutcomeID) -> Verdict? { rows.first { $0.outcome.id == outcome }?.verdict }

    /// Outcomes the set covers fully.
    public var outcomesCovered: Int { rows.filter { $0.verdict == .covered }.count }

    /// Questions a respondent set answers across the set (free-text log examples included), an
    /// item shared by several instruments once.
    public var totalItems: Int { Set(instruments.flatMap { $0.items.map(\.id) }).count }

    /// Estimated minutes to complete the whole set, from each definition's `minutesToComplete`.
    ///
    /// An item shared by several instruments is timed once, at the time per item of the instrument
    /// with the most items that asks it (the form a respondent would be given), so the figure does
    /// not depend on the order of the set: WEMWBS with SWEMWBS is WEMWBS's 3.5 minutes.
    public var totalMinutes: Double {
        var timedBy: [ItemID: Int] = [:]
        for (index, instrument) in instruments.enumerated() {
            for item in instrument.items {
                let owner = timedBy[item.id].map { instruments[$0] }
                if owner == nil || instrument.items.count > owner!.items.count
                    || (instrument.items.count == owner!.items.count
                        && instrument.minutesToComplete > owner!.minutesToComplete)
                {
                    timedBy[item.id] = index
                }
            }
        }
        var itemsTimed = [Int](repeating: 0, count: instruments.count)
        for index in timedBy.values { itemsTimed[index] += 1 }
        return zip(instruments, itemsTimed).map { instrument, timed in
            timed == instrument.items.count
                ? instrument.minutesToComplete
                : instrument.minutesToComplete * Double(timed) / Double(instrument.items.count)
        }.reduce(0, +)
    }
}
