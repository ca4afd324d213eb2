/// A mean and standard deviation, shown only for groups at or over the suppression threshold.
public struct MeanAndSD: Sendable, Hashable {
    /// The mean.
    public let mean: Double
    /// The standard deviation, when there are at least two values.
    public let standardDeviation: Double?
}
