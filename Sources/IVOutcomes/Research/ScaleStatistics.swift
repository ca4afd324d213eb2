/// How one scale behaves in a sample: reliability, item statistics, floor and ceiling effects, and
/// the reliable-change threshold the data implies.
public struct ScaleStatistics: Sendable, Hashable {
    public let scale: ScaleID
    /// Complete administrations analysed (by default the first per child).
    public let n: Int
    public let itemCount: Int
    public let mean: Double
    /// Sample standard deviation (n - 1).
    public let standardDeviation: Double
    /// Cronbach's alpha; `nil` when the scale's total has no variance.
    public let alpha: Double?
    /// 95% confidence interval for alpha (Feldt 1965); `nil` without alpha.
    public let alphaInterval: ClosedRange<Double>?
    /// Percentage of administrations at the lowest and highest possible score.
    public let floorPercent: Double
    public let ceilingPercent: Double
    /// SEM = SD * sqrt(1 - alpha), in scale points.
    public let standardErrorOfMeasurement: Double?
    /// 1.96 * sqrt(2) * SEM: the reliable-change threshold this sample implies.
    public let impliedReliableChange: Double?
    /// The threshold the definition declares, for comparison; `nil` when none is declared.
    public let declaredReliableChange: Double?
    public let items: [ItemStatistics]
    /// Administrations of the instrument read from the file (complete or not), for missingness.
    public let administrationsRead: Int
}

/// How one item behaves in a sample.
public struct ItemStatistics: Sendable, Hashable {
    public let item: ItemID
    public let mean: Double
    public let standardDeviation: Double
    public let floorPercent: Double
    public let ceilingPercent: Double
    /// Correlation of the item with the total of the other items; `nil` when the item (or the rest)
    /// has no variance.
    public let correctedItemTotal: Double?
    /// Alpha of the scale without this item; `nil` when undefined.
    public let alphaIfDeleted: Double?
    /// Administrations without a scored answer to the item (blank, declined or "not sure"), of all read.
    public let missing: Int
    public let missingPercent: Double
}

/// Why psychometrics could not be computed.
public enum PsychometricsError: Error, Sendable, Hashable, CustomStringConvertible {
    case tooFewAdministrations(found: Int, needed: Int)
    case notAnItemScale(ScaleID, source: ScaleID?)
    case unknownScale(ScaleID, known: [ScaleID])
    case tooFewItems(ScaleID, count: Int)

    public var description: String {
        switch self {
        case .tooFewAdministrations(let found, let needed):
            return "too few complete administrations to analyse: found \(found), need at least \(needed) (one per child)"
        case .notAnItemScale(let scale, let source):
            return "\(scale) is a conversion of another scale, not a sum or mean of items"
                + (source.map { "; analyse \($0) instead (--scale \($0))" } ?? "")
        case .unknownScale(let scale, let known):
            return "unknown scale '\(scale)'\(suggestion(for: scale.rawValue, in: known.map(\.rawValue))) (this instrument has: \(known.map(\.rawValue).joined(separator: ", ")))"
        case .tooFewItems(let scale, let count):
            return "\(scale) has \(count) item; reliability needs at least 2"
        }
    }
}
