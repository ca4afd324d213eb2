/// Named counts in a fixed order (reliable-change classes, bands, histogram bins), merged by name.
public struct CountSet: Sendable, Hashable {
    /// The categories counted, in order.
    public private(set) var names: [String] = []
    /// The count of each category, in the order of ``names``.
    public private(set) var counts: [PoolableCount] = []

    /// Zero counts for `names`.
    public init(names: [String] = []) {
        self.names = names
        counts = names.map { _ in PoolableCount() }
    }

    /// The count of category `name` (zero for a name not in the set; setting one adds it).
    public subscript(name: String) -> PoolableCount {
        get { names.firstIndex(of: name).map { counts[$0] } ?? PoolableCount() }
        set {
            if let index = names.firstIndex(of: name) {
                counts[index] = newValue
            } else {
                names.append(name)
                counts.append(newValue)
            }
        }
    }

    /// Adds `other`'s counts, keeping this set's order and appending names it lacks.
    public static func + (lhs: Self, rhs: Self) -> Self {
        guard let sum = try? lhs.adding(rhs) else { preconditionFailure("count overflow") }
        return sum
    }

    /// ``+(_:_:)``, or ``SumOverflow`` when a count does not fit.
    public func adding(_ other: Self) throws(SumOverflow) -> Self {
        var result = self
        for (name, count) in zip(other.names, other.counts) { result[name] = try result[name].adding(count) }
        return result
    }
}
