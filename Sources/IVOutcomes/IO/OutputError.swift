import Foundation

/// Why output could not be written.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The output file.
    public let file: String
    /// Why it can't be written.
    public let reason: String

    /// The error for `file`.
    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    /// `scores.csv: cannot write: permission denied`.
    public var description: String { "\(file): cannot write: \(reason)" }
}
