/// A paired comparison from the sums of the changes: mean change, its 95% confidence interval,
/// the paired t-test, and the standardised effect size.
public struct PairedChange: Sendable, Hashable {
    /// Children with a baseline and a follow-up.
    public let count: Int
    /// The mean change (follow-up minus baseline).
    public let meanChange: Double
    /// The standard deviation of the changes.
    public let standardDeviation: Double
    /// 95% confidence interval of the mean change (t distribution, n - 1 degrees of freedom).
    public let confidenceInterval: ClosedRange<Double>
    /// Two-sided paired t-test of "no change"; `nil` when every change is the same.
    public let pValue: Double?
    /// Cohen's d for paired change (d_z): mean change divided by the SD of the changes.
    /// `nil` when the SD is 0.
    public let effectSize: Double?

    /// Needs at least 2 changes.
    public init?(changes: ValueSums) {
        guard let mean = changes.mean, let sd = changes.standardDeviation else { return nil }
        count = changes.count
        meanChange = mean
        standardDeviation = sd
        let df = Double(count - 1)
        let standardError = sd / Double(count).squareRoot()
        let critical = Distributions.tCritical95(df)
        confidenceInterval = (mean - critical * standardError)...(mean + critical * standardError)
        if standardError > 0 {
            pValue = Distributions.twoSidedTP(mean / standardError, df)
            effectSize = mean / sd
        } else {
            pValue = nil
            effectSize = nil
        }
    }
}
