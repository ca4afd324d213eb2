/// Matched children's mean change beside waiting children's, from the sums of their changes:
/// the difference (matched minus waiting), its 95% confidence interval and p-value by Welch's
/// t-test (unequal variances, Welch–Satterthwaite degrees of freedom), and how long each group's
/// change took.
///
/// An observational comparison, not a trial: children are not given an IV at random, and the
/// groups may differ in ways that change their scores. It says what changed alongside, never
/// what the IV caused.
///
/// ```swift
/// var matched = ValueSums(), waiting = ValueSums()
/// for change in [4.0, 6, 2, 8, 5] { matched.add(change) }
/// for change in [1.0, -2, 3, 0, 1] { waiting.add(change) }
/// let comparison = ChangeComparison(matched: matched, waiting: waiting)
/// comparison?.difference   // 4.4
/// ```
public struct ChangeComparison: Sendable, Hashable {
    /// The matched children followed up.
    public let matchedCount: Int
    /// The matched children's mean change.
    public let matchedMeanChange: Double
    /// The waiting children followed up.
    public let waitingCount: Int
    /// The waiting children's mean change.
    public let waitingMeanChange: Double
    /// Matched minus waiting mean change.
    public let difference: Double
    /// The standard error of the difference: √(s₁²/n₁ + s₂²/n₂).
    public let standardError: Double
    /// Welch–Satterthwaite degrees of freedom; `nil` when neither group's changes vary.
    public let degreesOfFreedom: Double?
    /// 95% confidence interval of the difference (t distribution with ``degreesOfFreedom``);
    /// `nil` when neither group's changes vary.
    public let confidenceInterval: ClosedRange<Double>?
    /// Two-sided p-value of "no difference" (Welch's t-test); `nil` when neither group's changes vary.
    public let pValue: Double?
    /// The matched children's mean days from baseline to latest, when known.
    public let matchedMeanDays: Double?
    /// The waiting children's mean days from baseline to latest, when known.
    public let waitingMeanDays: Double?

    /// The comparison of two groups' changes; needs at least 2 changes in each group.
    /// - Parameters:
    ///   - matched: the matched children's changes (latest minus baseline).
    ///   - waiting: the waiting children's changes.
    ///   - matchedDays: the matched children's days from baseline to latest, if known.
    ///   - waitingDays: the waiting children's days from baseline to latest, if known.
    public init?(matched: ValueSums, waiting: ValueSums, matchedDays: ValueSums? = nil, waitingDays: ValueSums? = nil) {
        guard let meanMatched = matched.mean, let sdMatched = matched.standardDeviation,
            let meanWaiting = waiting.mean, let sdWaiting = waiting.standardDeviation
        else { return nil }
        matchedCount = matched.count
        waitingCount = waiting.count
        matchedMeanChange = meanMatched
        waitingMeanChange = meanWaiting
        difference = meanMatched - meanWaiting
        let varianceMatched = sdMatched * sdMatched / Double(matched.count)
        let varianceWaiting = sdWaiting * sdWaiting / Double(waiting.count)
        standardError = (varianceMatched + varianceWaiting).squareRoot()
        matchedMeanDays = matchedDays?.mean
        waitingMeanDays = waitingDays?.mean
        guard standardError > 0 else {
            (degreesOfFreedom, confidenceInterval, pValue) = (nil, nil, nil)
            return
        }
        let df =
            (varianceMatched + varianceWaiting) * (varianceMatched + varianceWaiting)
            / (varianceMatched * varianceMatched / Double(matched.count - 1) + varianceWaiting * varianceWaiting
                / Double(waiting.count - 1))
        degreesOfFreedom = df
        let critical = Distributions.tCritical95(df)
        confidenceInterval = (difference - critical * standardError)...(difference + critical * standardError)
        pValue = Distributions.twoSidedTP(difference / standardError, df)
    }
}
