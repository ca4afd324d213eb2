import Foundation

/// A reliable-change threshold, either stated in points or derived from a standard deviation and
/// a reliability coefficient.
public struct ReliableChange: Sendable, Hashable {
    /// How the threshold is found.
    public enum Basis: Sendable, Hashable {
        /// A published threshold in points.
        case points(Double)
        /// Jacobson & Truax (1991): SEM = SD * sqrt(1 - r), S_diff = sqrt(2) * SEM, and change is
        /// reliable when it exceeds 1.96 * S_diff.
        case reliability(standardDeviation: Double, reliability: Double)
    }

    /// How the threshold is found.
    public let basis: Basis
    /// The source of the figures.
    public let source: SourceID

    /// A reliable-change threshold from `source`.
    public init(basis: Basis, source: SourceID) {
        self.basis = basis
        self.source = source
    }

    /// The standard error of measurement, when the basis gives one.
    public var standardErrorOfMeasurement: Double? {
        guard case .reliability(let sd, let r) = basis else { return nil }
        return sd * (1 - r).squareRoot()
    }

    /// The threshold in points: a change must be larger than this to be reliable.
    /// With SD 6.8 and reliability 0.87 (Clarke et al. 2011) it is 6.80 points.
    public var threshold: Double {
        switch basis {
        case .points(let points): return points
        case .reliability(let sd, let r): return 1.96 * 2.0.squareRoot() * sd * (1 - r).squareRoot()
        }
    }
}
