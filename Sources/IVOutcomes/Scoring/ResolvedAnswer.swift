/// One answer after matching it against its item's response scale.
enum ResolvedAnswer: Sendable, Hashable {
    case blank
    case declined
    /// An option whose code counts towards scores.
    case scored(Int)
    /// A real answer that is not added into scores, such as "not sure".
    case unscored(Int)
    /// Free text, stored but never scored.
    case text
    /// Neither a code nor a label of the item's scale.
    case invalid
}

/// Why a scale was not scored, kept as a value so the hot path builds no strings.
enum UnscoredReason: Sendable, Hashable {
    case none
    case missingAnswers(allowed: Int)
    case invalidAnswers
    /// The scale converted from (by index in the engine) was not scored.
    case sourceNotScored(source: Int)
    case notWholeNumber(Double)
    case outsideTable(Int)
}

/// A scale's result before it is turned into a public ``ScaleScore``.
struct ScaleOutcome: Sendable, Hashable {
    var status: ScoreStatus = .invalid
    var value: Double = 0
    var answered = 0
    var missing = 0
    var declined = 0
    var prorated = false
    var reason: UnscoredReason = .none
    /// For a lookup scale, the index of the value in its conversion table (lets writers reuse
    /// preformatted text); -1 otherwise.
    var tableIndex = -1

    var scoredValue: Double? { status == .scored ? value : nil }
    /// ``scoredValue`` with NaN for not scored (scores are finite): how scale values are handed
    /// to a ``FollowUpTracker`` in bulk.
    var scoredValueOrNaN: Double { status == .scored ? value : .nan }
}
