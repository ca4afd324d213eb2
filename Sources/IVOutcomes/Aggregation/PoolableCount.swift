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

    /// The sum of two counts. Traps on overflow: counts read from files are added with ``adding(_:)``.
    public static func + (lhs: Self, rhs: Self) -> Self {
        guard let sum = try? lhs.adding(rhs) else { preconditionFailure("count overflow") }
        return sum
    }

    /// The sum of two counts, or ``SumOverflow`` when it does not fit.
    public func adding(_ other: Self) throws(SumOverflow) -> Self {
        PoolableCount(try checkedSum(value, other.value), areasSuppressed: try checkedSum(areasSuppressed, other.areasSuppressed))
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

    /// The sum of two sets of sums. Traps on overflow: sums read from files are added with ``adding(_:)``.
    public static func + (lhs: Self, rhs: Self) -> Self {
        guard let sum = try? lhs.adding(rhs) else { preconditionFailure("sum overflow") }
        return sum
    }

    /// The sum of two sets of sums, or ``SumOverflow`` when one does not fit.
    public func adding(_ other: Self) throws(SumOverflow) -> Self {
        PoolableSums(try sums.adding(other.sums), areasSuppressed: try checkedSum(areasSuppressed, other.areasSuppressed))
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

/// A count or sum too large to add exactly (only from numbers read from a file).
public struct SumOverflow: Error, Sendable, Hashable {}

/// `a + b`, or ``SumOverflow``.
@inline(__always)
func checkedSum(_ a: Int, _ b: Int) throws(SumOverflow) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    if overflow { throw SumOverflow() }
    return sum
}
