/// How one scale behaves in a sample: reliability, item statistics, floor and ceiling effects, and
/// the reliable-change threshold the data implies.
public struct ScaleStatistics: Sendable, Hashable {
    /// The scale analysed.
    public let scale: ScaleID
    /// Complete administrations analysed (by default the first per child).
    public let n: Int
    /// The scale's number of items.
    public let itemCount: Int
    /// The mean score.
    public let mean: Double
    /// Sample standard deviation (n - 1).
    public let standardDeviation: Double
    /// Cronbach's alpha; `nil` when the scale's total has no variance.
    public let alpha: Double?
    /// 95% confidence interval for alpha (Feldt 1965); `nil` without alpha.
    public let alphaInterval: ClosedRange<Double>?
    /// Percentage of administrations at the lowest and highest possible score.
    public let floorPercent: Double
    /// The share of scores at the maximum, in percent.
    public let ceilingPercent: Double
    /// SEM = SD * sqrt(1 - alpha), in scale points.
    public let standardErrorOfMeasurement: Double?
    /// 1.96 * sqrt(2) * SEM: the reliable-change threshold this sample implies.
    public let impliedReliableChange: Double?
    /// The threshold the definition declares, for comparison; `nil` when none is declared.
    public let declaredReliableChange: Double?
    /// Each item's statistics, in the scale's order.
    public let items: [ItemStatistics]
    /// Administrations of the instrument read from the file (complete or not), for missingness.
    public let administrationsRead: Int
}
