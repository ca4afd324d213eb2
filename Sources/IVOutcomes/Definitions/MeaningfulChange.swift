import Foundation

/// A meaningful-change threshold in score points.
public struct MeaningfulChange: Sendable, Hashable {
    /// The smallest change, in points, that counts as meaningful.
    public let points: Double
    /// The source of the threshold.
    public let source: SourceID

    /// A meaningful-change threshold from `source`.
    public init(points: Double, source: SourceID) {
        self.points = points
        self.source = source
    }
}
