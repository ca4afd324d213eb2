import Foundation

/// A meaningful-change threshold in score points.
public struct MeaningfulChange: Sendable, Hashable {
    public let points: Double
    public let source: String

    public init(points: Double, source: String) {
        self.points = points
        self.source = source
    }
}
