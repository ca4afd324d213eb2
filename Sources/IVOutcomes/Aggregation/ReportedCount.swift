/// A count as published.
public enum ReportedCount: Sendable, Hashable {
    /// The count, shown.
    case count(Int)
    /// From 1 to the threshold minus 1 (shown as ``hiddenSymbol``, like every hidden count).
    case underThreshold
    /// Hidden so that a hidden neighbour can't be worked out (shown as ``hiddenSymbol`` too).
    case secondary
    /// Pooled from areas of which some suppressed the cell: at least `partial`.
    case incomplete(partial: Int, areas: Int)

    /// How every hidden count is shown: "[c]" (confidential), the UK official statistics symbol.
    public static let hiddenSymbol = "[c]"

    /// Whether the count is hidden (shown as ``hiddenSymbol``).
    public var isHidden: Bool {
        switch self {
        case .underThreshold, .secondary: return true
        case .count, .incomplete: return false
        }
    }

    /// The exact value, when shown and complete.
    public var exactValue: Int? {
        if case .count(let value) = self { return value }
        return nil
    }

    /// "12", "[c]" for any hidden count (one symbol, whatever the reason it is hidden, so it
    /// says nothing about the count's size), "at least 12 (1 area suppressed)", "2 areas suppressed".
    public func text(threshold: Int) -> String {
        switch self {
        case .count(let value): return String(value)
        case .underThreshold, .secondary: return ReportedCount.hiddenSymbol
        case .incomplete(let partial, let areas):
            let suppressed = "\(areas) area\(areas == 1 ? "" : "s") suppressed"
            return partial == 0 ? suppressed : "at least \(partial) (\(suppressed))"
        }
    }
}
