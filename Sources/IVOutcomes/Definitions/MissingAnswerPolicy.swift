/// What a scale does when some of its items have no usable answer (blank, declined, or "not sure").
///
/// The published rule for WEMWBS and SWEMWBS is not settled, so the default is the common
/// practice of scoring complete forms only. Prorating is an explicit, named, non-default choice
/// that shows in every output where it was used.
public enum MissingAnswerPolicy: Sendable, Hashable, CustomStringConvertible {
    /// Score only when every item of the scale is answered. The default.
    case complete
    /// When at most `maxMissing` items are unanswered, the score is the mean of the answered items
    /// times the number of items (for a sum) or their mean (for a mean). The result may not be a
    /// whole number and is never rounded.
    case prorate(maxMissing: Int)

    /// The policy's name as written in definitions and on the command line: `complete`, `prorate:2`.
    public var description: String {
        switch self {
        case .complete: return "complete"
        case .prorate(let maxMissing): return "prorate:\(maxMissing)"
        }
    }

    /// Parses `complete` or `prorate:N`; `nil` for anything else.
    public init?(_ text: String) {
        if text == "complete" {
            self = .complete
        } else if text.hasPrefix("prorate:"), let n = Int(text.dropFirst("prorate:".count)), n >= 1 {
            self = .prorate(maxMissing: n)
        } else {
            return nil
        }
    }

    /// How many unanswered items the policy tolerates.
    public var maxMissing: Int {
        switch self {
        case .complete: return 0
        case .prorate(let maxMissing): return maxMissing
        }
    }
}
