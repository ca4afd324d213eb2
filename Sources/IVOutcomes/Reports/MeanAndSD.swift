/// A mean and standard deviation, shown only for groups at or over the suppression threshold.
public struct MeanAndSD: Sendable, Hashable {
    public let mean: Double
    public let standardDeviation: Double?
}
