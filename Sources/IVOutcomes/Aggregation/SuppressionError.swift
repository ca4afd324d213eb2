/// Why a suppression threshold was refused.
public enum SuppressionError: Error, Sendable, Hashable, CustomStringConvertible {
    case belowFive(Int)
    case belowOne(Int)

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
