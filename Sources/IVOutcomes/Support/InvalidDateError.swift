import Foundation

/// Text that is not an ISO date.
public struct InvalidDateError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The text that is not a date.
    public let text: String
    /// `"31/02/2026" is not a date (expected YYYY-MM-DD)`.
    public var description: String { "\"\(text)\" is not a date (expected YYYY-MM-DD)" }
}
