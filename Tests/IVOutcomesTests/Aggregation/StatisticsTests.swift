import Testing

@testable import IVOutcomes

@Suite("Aggregation: statistics")
struct StatisticsTests {
    @Test("sums are exact and give mean and SD (n - 1)")
    func valueSums() throws {
        var sums = ValueSums()
        for value in [20.73, 23.21, 26.02] { sums.add(value) }
        #expect(sums.count == 3)
        #expect(sums.sumHundredths == 6996)
        #expect(sums.sumOfSquaresTenThousandths == 2073 * 2073 + 2321 * 2321 + 2602 * 2602)
        #expect(abs(try #require(sums.mean) - 23.32) < 1e-12)
        // SD of 20.73, 23.21, 26.02 by hand: deviations -2.59, -0.11, 2.70; SS 14.0102; / 2 = 7.0051.
        #expect(abs(try #require(sums.standardDeviation) - 7.0051.squareRoot()) < 1e-12)
        #expect(ValueSums().mean == nil)
        var one = ValueSums()
        one.add(5)
        #expect(one.standardDeviation == nil)
    }

    /// Changes 1..6: mean 3.5, SD 1.870829, t = 4.582576 on 5 df, two-sided p = 0.0059335,
    /// t(0.975, 5) = 2.570582 so the CI is 1.536686 to 5.463314, and d_z = 3.5 / 1.870829 = 1.870829.
    /// (Worked by hand; p and the t quantile by numerical integration of the t density.)
    @Test("paired change: mean, 95% CI, paired t-test and Cohen's d_z against hand-computed values")
    func pairedChange() throws {
        var sums = ValueSums()
        for change in 1...6 { sums.add(Double(change)) }
        let change = try #require(PairedChange(changes: sums))
        #expect(change.meanChange == 3.5)
        #expect(abs(change.standardDeviation - 1.8708286934) < 1e-9)
        #expect(abs(change.confidenceInterval.lowerBound - 1.5366856926) < 1e-6)
        #expect(abs(change.confidenceInterval.upperBound - 5.4633143074) < 1e-6)
        #expect(abs(try #require(change.pValue) - 0.0059335445) < 1e-7)
        #expect(abs(try #require(change.effectSize) - 1.8708286934) < 1e-9)
    }

    @Test("no variation in change: no p-value or effect size, rather than a division by zero")
    func noVariation() throws {
        var sums = ValueSums()
        for _ in 0..<5 { sums.add(3) }
        let change = try #require(PairedChange(changes: sums))
        #expect(change.pValue == nil)
        #expect(change.effectSize == nil)
        #expect(change.confidenceInterval == 3...3)
        var one = ValueSums()
        one.add(3)
        #expect(PairedChange(changes: one) == nil)
    }
}

@Suite("Aggregation: small-number suppression")
struct SuppressionTests {
    let policy = SuppressionPolicy.standard
    func counts(_ values: [Int]) -> [PoolableCount] { values.map { PoolableCount($0) } }

    @Test(
        "1 to 4 are hidden as [c]; 0 and 5 and over are shown",
        arguments: [(0, "0"), (1, "[c]"), (4, "[c]"), (5, "5"), (12, "12")])
    func primary(value: Int, text: String) {
        #expect(policy.primary(PoolableCount(value)).text(threshold: 5) == text)
        // A complementary cell looks the same: the symbol says nothing about a cell's size.
        #expect(ReportedCount.secondary.text(threshold: 5) == "[c]")
    }

    @Test("a lone suppressed cell takes the next smallest non-zero cell with it")
    func secondary() {
        let cells = policy.suppress(counts([3, 20, 7, 0, 9]))
        #expect(cells == [.underThreshold, .count(20), .secondary, .count(0), .count(9)])
    }

    @Test("two suppressed cells already protect each other")
    func twoSuppressed() {
        #expect(policy.suppress(counts([3, 2, 20])) == [.underThreshold, .underThreshold, .count(20)])
    }

    @Test("when every other cell is zero, a zero is hidden so the total does not give the cell away")
    func otherwiseZero() {
        #expect(policy.suppress(counts([0, 3, 0])) == [.secondary, .underThreshold, .count(0)])
    }

    @Test("thresholds: raised freely, lowered only on purpose, never below 1")
    func thresholds() throws {
        #expect(try SuppressionPolicy(threshold: 10).primary(PoolableCount(7)) == .underThreshold)
        #expect(throws: SuppressionError.belowFive(3)) { try SuppressionPolicy(threshold: 3) }
        #expect(try SuppressionPolicy(threshold: 3, allowSmallNumbers: true).primary(PoolableCount(3)) == .count(3))
        #expect(throws: SuppressionError.belowOne(0)) { try SuppressionPolicy(threshold: 0, allowSmallNumbers: true) }
    }

    @Test("pooled cells: exact when no area suppressed them, 'at least' otherwise, and small partial sums stay hidden")
    func pooled() {
        #expect(policy.primary(PoolableCount(12, areasSuppressed: 1)) == .incomplete(partial: 12, areas: 1))
        #expect(
            policy.primary(PoolableCount(12, areasSuppressed: 1)).text(threshold: 5)
                == "at least 12 (1 area suppressed)")
        #expect(policy.primary(PoolableCount(3, areasSuppressed: 2)) == .underThreshold)
        #expect(policy.primary(PoolableCount(0, areasSuppressed: 2)).text(threshold: 5) == "2 areas suppressed")
    }
}

@Suite("Reports: table suppression")
struct TableSuppressionTests {
    @Test("in a table, no row or column is left with a single suppressed cell")
    func table() {
        let counts = [[20, 3, 9], [6, 30, 7], [8, 12, 40]].map { $0.map { PoolableCount($0) } }
        let cells = SuppressionPolicy.standard.suppress(table: counts)
        for line in cells + (0..<3).map({ column in cells.map { $0[column] } }) {
            let hidden = line.filter(\.isHidden).count
            #expect(hidden != 1, "\(line)")
        }
        #expect(cells[0][1] == .underThreshold)
        #expect(cells.joined().filter(\.isHidden).count >= 4)  // greedy: not the fewest possible, but safe
    }
}

@Suite("Report JSON numbers")
struct ReportNumberTests {
    @Test(
        "p-values keep full precision, so a very small one is never written as 0",
        arguments: [
            (3.2e-12, "3.2e-12"), (0.05, "0.05"), (0.000123456789, "0.000123456789"), (1.0, "1"),
        ])
    func fullPrecision(value: Double, text: String) {
        #expect(JSONNode.fullPrecision(value).rendered() == text)
        #expect(Double(text) == value)
    }
}
