/// Sufficient statistics that may have been pooled from several areas (see ``PoolableCount``).
public struct PoolableSums: Sendable, Hashable {
    /// The exact sums of the values.
    public var sums: ValueSums
    /// Pooled areas that suppressed these sums, so ``sums`` is only part of the total.
    public var areasSuppressed: Int

    /// Sums, complete unless `areasSuppressed` areas left them out.
    public init(_ sums: ValueSums = ValueSums(), areasSuppressed: Int = 0) {
        self.sums = sums
        self.areasSuppressed = areasSuppressed
    }

    /// Whether every area's values are in ``sums``.
    public var isComplete: Bool { areasSuppressed == 0 }

    /// The sum of two sets of sums. Traps on overflow: sums read from files are added with ``adding(_:)``.
    public static func + (lhs: Self, rhs: Self) -> Self {
        guard let sum = try? lhs.adding(rhs) else { preconditionFailure("sum overflow") }
        return sum
    }

    /// The sum of two sets of sums, or ``SumOverflow`` when one does not fit.
    public func adding(_ other: Self) throws(SumOverflow) -> Self {
        PoolableSums(
            try sums.adding(other.sums), areasSuppressed: try checkedSum(areasSuppressed, other.areasSuppressed))
    }
}
