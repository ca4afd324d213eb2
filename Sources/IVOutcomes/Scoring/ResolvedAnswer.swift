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

extension ResolvedAnswer {
    /// The answer as compared between two forms of one child and day: 0 for no answer (blank,
    /// free text or invalid), 1 for declined, and 2 + the option's code for an answer, so a label
    /// and its code compare equal (codes from 0 to 253; response scales use small codes).
    @inline(__always)
    var comparisonCode: UInt8 {
        switch self {
        case .blank, .text, .invalid: return 0
        case .declined: return ResolvedAnswer.declinedComparisonCode
        case .scored(let code), .unscored(let code): return UInt8(clamping: code + 2)
        }
    }

    static let declinedComparisonCode: UInt8 = 1

    /// The answer to `item` that has this ``comparisonCode`` (no answer reads as blank).
    init(comparisonCode code: UInt8, of item: Item) {
        if code == ResolvedAnswer.declinedComparisonCode {
            self = .declined
        } else if let value = ResolvedAnswer.code(fromComparisonCode: code) {
            let option = item.responseScale?.options.first { $0.code == value }
            self = option.map { $0.isScored ? .scored(value) : .unscored(value) } ?? .invalid
        } else {
            self = .blank
        }
    }

    /// The option code of a ``comparisonCode``, or `nil` for no answer or declined.
    @inline(__always)
    static func code(fromComparisonCode code: UInt8) -> Int? { code >= 2 ? Int(code) - 2 : nil }
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
