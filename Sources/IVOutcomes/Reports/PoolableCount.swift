/// A count that may have been pooled from several areas, some of which suppressed it.
///
/// In a local report `areasSuppressed` is always 0. When area summaries are pooled, a cell an
/// area showed only as "under 5" adds nothing to ``value`` and one to ``areasSuppressed``, so
/// the pooled value is exact when ``isComplete`` and a lower bound otherwise.
public struct PoolableCount: Sendable, Hashable {
    public var value: Int
    public var areasSuppressed: Int

    public init(_ value: Int = 0, areasSuppressed: Int = 0) {
        self.value = value
        self.areasSuppressed = areasSuppressed
    }

    public var isComplete: Bool { areasSuppressed == 0 }

    public static func + (lhs: Self, rhs: Self) -> Self {
        PoolableCount(lhs.value + rhs.value, areasSuppressed: lhs.areasSuppressed + rhs.areasSuppressed)
    }
}

/// Sufficient statistics that may have been pooled from several areas (see ``PoolableCount``).
public struct PoolableSums: Sendable, Hashable {
    public var sums: ValueSums
    public var areasSuppressed: Int

    public init(_ sums: ValueSums = ValueSums(), areasSuppressed: Int = 0) {
        self.sums = sums
        self.areasSuppressed = areasSuppressed
    }

    public var isComplete: Bool { areasSuppressed == 0 }

    public static func + (lhs: Self, rhs: Self) -> Self {
        PoolableSums(lhs.sums + rhs.sums, areasSuppressed: lhs.areasSuppressed + rhs.areasSuppressed)
    }
}

/// Named counts in a fixed order (reliable-change classes, bands, histogram bins), merged by name.
public struct CountSet: Sendable, Hashable {
    public private(set) var names: [String] = []
    public private(set) var counts: [PoolableCount] = []

    public init(names: [String] = []) {
        self.names = names
        counts = names.map { _ in PoolableCount() }
    }

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
        var result = lhs
        for (name, count) in zip(rhs.names, rhs.counts) { result[name] = result[name] + count }
        return result
    }
}
