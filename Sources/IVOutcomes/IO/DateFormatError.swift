/// A `--date-format` pattern that can't be used.
public struct DateFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    public var description: String {
        "'\(pattern)' is not a date format (use DD, MM and YYYY joined by /, - or ., such as DD/MM/YYYY)"
    }
}
