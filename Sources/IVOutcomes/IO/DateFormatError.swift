/// A `--date-format` pattern that can't be used.
public struct DateFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern given.
    public let pattern: String
    /// What is wrong with the pattern.
    public var description: String {
        "'\(pattern)' is not a date format (use DD, MM and YYYY joined by /, - or ., such as DD/MM/YYYY)"
    }
}
