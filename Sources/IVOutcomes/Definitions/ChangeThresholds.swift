import Foundation

/// The sizes of change that matter for one person on a scale, each with its source.
public struct ChangeThresholds: Sendable, Hashable {
    /// A change of at least this size is meaningful (Warwick: "3 or more points" on WEMWBS).
    public let meaningful: MeaningfulChange?
    /// A change larger than this is reliable: unlikely to be measurement error (Jacobson & Truax 1991).
    public let reliable: ReliableChange?

    /// Thresholds; either may be `nil` where none is established.
    public init(meaningful: MeaningfulChange?, reliable: ReliableChange?) {
        self.meaningful = meaningful
        self.reliable = reliable
    }
}
