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

    /// Why the policy cannot apply to a scale computed by `method`, or `nil` when it can: the one
    /// rule the definition reader, ``ScoringOptions`` and the command line share. Prorating needs
    /// items that add up or average (a conversion table converts another scale's whole score),
    /// and must leave at least one of them answered.
    ///
    /// ```swift
    /// MissingAnswerPolicy.prorate(maxMissing: 2).problem(applyingTo: .sum(items: ["a", "b"]))
    /// // "prorate:2 would allow every item of the scale to be missing"
    /// ```
    public func problem(applyingTo method: Scale.Method) -> String? {
        guard maxMissing > 0 else { return nil }
        switch method {
        case .lookup:
            return "\(self) can't apply to a conversion of another scale (only to a sum or a mean of items)"
        case .sum(let items), .mean(let items):
            return maxMissing >= items.count ? "\(self) would allow every item of the scale to be missing" : nil
        }
    }
}
