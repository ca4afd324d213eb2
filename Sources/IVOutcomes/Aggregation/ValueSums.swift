/// Sufficient statistics of a set of scores: how many, their sum and their sum of squares, kept
/// exactly (scores have at most 2 decimals, so sums are whole numbers of hundredths and sums of
/// squares whole numbers of ten-thousandths). Adding two areas' sums gives exactly the sums of
/// their combined children, so pooled means and SDs equal those computed on the combined data.
///
/// ```swift
/// var sums = ValueSums()
/// sums.add(40); sums.add(47)
/// sums.mean                 // 43.5
/// sums.standardDeviation    // 4.95 (n - 1 denominator)
/// ```
public struct ValueSums: Sendable, Hashable, Codable {
    /// Values added.
    public private(set) var count = 0
    /// Sum of the values in hundredths.
    public private(set) var sumHundredths = 0
    /// Sum of the squared values in ten-thousandths.
    public private(set) var sumOfSquaresTenThousandths = 0

    /// Empty sums.
    public init() {}

    /// Sums as a pooling summary holds them: values in hundredths, squares in ten-thousandths.
    public init(count: Int, sumHundredths: Int, sumOfSquaresTenThousandths: Int) {
        self.count = count
        self.sumHundredths = sumHundredths
        self.sumOfSquaresTenThousandths = sumOfSquaresTenThousandths
    }

    /// Adds a value with at most 2 decimals (it is rounded to hundredths).
    public mutating func add(_ value: Double) {
        let hundredths = Int((value * 100).rounded())
        count += 1
        sumHundredths += hundredths
        sumOfSquaresTenThousandths += hundredths * hundredths
    }

    /// The sums of the values of both. Traps on overflow: sums read from files are added with ``adding(_:)``.
    public static func + (lhs: ValueSums, rhs: ValueSums) -> ValueSums {
        guard let sum = try? lhs.adding(rhs) else { preconditionFailure("sum overflow") }
        return sum
    }

    /// The sums of the values of both, or ``SumOverflow`` when one does not fit.
    public func adding(_ other: ValueSums) throws(SumOverflow) -> ValueSums {
        ValueSums(
            count: try checkedSum(count, other.count),
            sumHundredths: try checkedSum(sumHundredths, other.sumHundredths),
            sumOfSquaresTenThousandths: try checkedSum(sumOfSquaresTenThousandths, other.sumOfSquaresTenThousandths))
    }

    /// The mean, or `nil` without values.
    public var mean: Double? { count > 0 ? Double(sumHundredths) / 100 / Double(count) : nil }

    /// The sample standard deviation (n - 1), or `nil` for fewer than 2 values.
    public var standardDeviation: Double? {
        guard count > 1 else { return nil }
        // From the exact integer sums, so equal sums always give the identical SD.
        let n = Double(count)
        let sum = Double(sumHundredths)
        let squares = (Double(sumOfSquaresTenThousandths) - sum * sum / n) / (n - 1)
        return max(0, squares).squareRoot() / 100
    }
}
