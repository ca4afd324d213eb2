/// What makes an instrument a volunteer's contact log, so that its answers can be summarised per
/// child and outcome: which item records whether the visit happened, and which options of the
/// "what has changed?" questions report a change for the better.
///
/// The outcome questions are the log's items that take options and map to an outcome.
///
/// ```swift
/// let log = try catalog.instrument(id: "iv-log")
/// log.contactLog?.visitItem           // "visit_happened"
/// log.contactLog?.positiveCodes       // [3, 4]: "A little more", "A lot more"
/// ```
public struct ContactLog: Sendable, Hashable {
    /// The item that records whether the planned visit happened.
    public let visitItem: ItemID
    /// The code of that item's "yes" option.
    public let visitHappenedCode: Int
    /// Codes of the outcome questions that report more of an outcome ("a little more", "a lot more").
    public let positiveCodes: [Int]

    /// What a contact log's answers mean for its summaries.
    public init(visitItem: ItemID, visitHappenedCode: Int, positiveCodes: [Int]) {
        self.visitItem = visitItem
        self.visitHappenedCode = visitHappenedCode
        self.positiveCodes = positiveCodes
    }
}

extension Instrument {
    /// The items that ask about change in an outcome: those with options and an outcome mapping.
    public var outcomeQuestions: [(item: Item, outcome: OutcomeID)] {
        items.compactMap { item in
            guard item.responseScale != nil, let outcome = item.outcomes.first?.outcome else { return nil }
            return (item, outcome)
        }
    }
}
