/// Why a suppression threshold was refused.
public enum SuppressionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A threshold under 5 without the analyst's explicit permission.
    case belowFive(Int)
    /// A threshold under 1.
    case belowOne(Int)

    /// What is wrong, for a coordinator.
    public var description: String {
        switch self {
        case .belowFive(let threshold):
            return
                "a suppression threshold of \(threshold) would publish counts under 5; pass --allow-small-numbers only if every reader may see them"
        case .belowOne(let threshold):
            return "a suppression threshold must be at least 1, not \(threshold)"
        }
    }
}
