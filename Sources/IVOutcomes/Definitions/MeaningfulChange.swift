import Foundation

/// A meaningful-change threshold in score points.
public struct MeaningfulChange: Sendable, Hashable {
    public let points: Double
    public let source: SourceID

    public init(points: Double, source: SourceID) {
        self.points = points
        self.source = source
    }
}
