import Foundation

/// Text that is not an ISO date.
public struct InvalidDateError: Error, Sendable, Hashable, CustomStringConvertible {
    public let text: String
    public var description: String { "\"\(text)\" is not a date (expected YYYY-MM-DD)" }
}
