import Foundation

/// Any JSON value, read without a schema so that a definition's every problem can be reported
/// with its JSON path instead of stopping at the first type mismatch.
enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    /// A short name of the value's type for messages: "a string", "an array".
    var kindDescription: String {
        switch self {
        case .null: return "null"
        case .bool: return "a boolean"
        case .number: return "a number"
        case .string: return "a string"
        case .array: return "an array"
        case .object: return "an object"
        }
    }

    /// Reads JSON bytes (``JSONScanner``), or explains where the syntax is wrong.
    static func parse(_ data: Data) -> Result<JSONValue, JSONSyntaxError> { JSONScanner.parse(data) }
}

/// Why bytes are not JSON, and where: `line 4, column 3: expected ',' or '}' (a missing comma,
/// quote or bracket?)`.
struct JSONSyntaxError: Error, Sendable, Hashable {
    /// 1-based; the column counts characters, not bytes.
    let line: Int
    let column: Int
    let reason: String

    var detail: String { "line \(line), column \(column): \(reason)" }
}
