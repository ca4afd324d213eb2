import Foundation

/// Why output could not be written.
public struct OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { "\(file): cannot write: \(reason)" }
}
