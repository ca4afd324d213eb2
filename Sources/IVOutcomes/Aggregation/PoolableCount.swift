/// A count that may have been pooled from several areas, some of which suppressed it.
///
/// In a local report `areasSuppressed` is always 0. When area summaries are pooled, a cell an
/// area showed only as "under 5" adds nothing to ``value`` and one to ``areasSuppressed``, so
/// the pooled value is exact when ``isComplete`` and a lower bound otherwise.
public struct PoolableCount: Sendable, Hashable {
    /// The count (pooled: the sum over the areas that showed it).
    public var value: Int
    /// Pooled areas that suppressed this cell, so ``value`` is only part of the total.
    public var areasSuppressed: Int

    /// A count of `value`, complete unless `areasSuppressed` areas left it out.
    public init(_ value: Int = 0, areasSuppressed: Int = 0) {
        self.value = value
        self.areasSuppressed = areasSuppressed
    }

    /// Whether every area's value is in ``value``.
    public var isComplete: Bool { areasSuppressed == 0 }

    /// The sum of two counts. Traps on overflow: counts read from files are added with ``adding(_:)``.
    public static func + (lhs: Self, rhs: Self) -> Self {
        guard let sum = try? lhs.adding(rhs) else { preconditionFailure("count overflow") }
        return sum
    }

    /// The sum of two counts, or ``SumOverflow`` when it does not fit.
    public func adding(_ other: Self) throws(SumOverflow) -> Self {
        PoolableCount(
            try checkedSum(value, other.value), areasSuppressed: try checkedSum(areasSuppressed, other.areasSuppressed))
    }
}

/// `a + b`, or ``SumOverflow``.
@inline(__always)
func checkedSum(_ a: Int, _ b: Int) throws(SumOverflow) -> Int {
    let (sum, overflow) = a.addingReportingOverflow(b)
    if overflow { throw SumOverflow() }
    return sum
}
