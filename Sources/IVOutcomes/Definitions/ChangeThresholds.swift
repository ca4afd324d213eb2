import Foundation

/// The sizes of change that matter for one person on a scale, each with its source.
public struct ChangeThresholds: Sendable, Hashable {
    /// A change of at least this size is meaningful (Warwick: "3 or more points" on WEMWBS).
    public let meaningful: MeaningfulChange?
    /// A change larger than this is reliable: unlikely to be measurement error (Jacobson & Truax 1991).
    public let reliable: ReliableChange?

    public init(meaningful: MeaningfulChange?, reliable: ReliableChange?) {
        self.meaningful = meaningful
        self.reliable = reliable
    }
}

/// A meaningful-change threshold in score points.
public struct MeaningfulChange: Sendable, Hashable {
    public let points: Double
    public let source: String

    public init(points: Double, source: String) {
        self.points = points
        self.source = source
    }
}

/// A reliable-change threshold, either stated in points or derived from a standard deviation and
/// a reliability coefficient.
public struct ReliableChange: Sendable, Hashable {
    public enum Basis: Sendable, Hashable {
        /// A published threshold in points.
        case points(Double)
        /// Jacobson & Truax (1991): SEM = SD * sqrt(1 - r), S_diff = sqrt(2) * SEM, and change is
        /// reliable when it exceeds 1.96 * S_diff.
        case reliability(standardDeviation: Double, reliability: Double)
    }

    public let basis: Basis
    public let source: String

    public init(basis: Basis, source: String) {
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
