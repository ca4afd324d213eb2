import Foundation

/// Any JSON value, decoded without a schema so that a definition's every problem can be reported
/// with its JSON path instead of stopping at the first type mismatch.
enum JSONValue: Sendable, Hashable, Decodable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

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

    /// Decodes JSON bytes, or explains where the syntax is wrong.
    static func parse(_ data: Data) -> Result<JSONValue, JSONSyntaxError> {
        if let value = value(of: data) { return .success(value) }
        return .failure(JSONSyntaxError(detail: syntaxProblem(in: data)))
    }

    /// The value JSON bytes hold, or `nil` when they are not JSON: read by ``JSONScanner``, or by
    /// Foundation for what the scanner leaves to it.
    static func value(of data: Data) -> JSONValue? {
        JSONScanner.value(of: data) ?? (try? JSONDecoder().decode(JSONValue.self, from: data))
    }

    /// JSONDecoder says only that data is not JSON; JSONSerialization names the byte offset,
    /// which is turned into a line and column here.
    private static func syntaxProblem(in data: Data) -> String {
        do {
            _ = try JSONSerialization.jsonObject(with: data, options: [.fragmentsAllowed])
            return "the file could not be decoded"
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? "\(error)"
            guard let range = detail.range(of: #"character (\d+)"#, options: .regularExpression),
                let offset = Int(detail[range].dropFirst("character ".count))
            else { return detail }
            var line = 1
            var column = 1
            for byte in data.prefix(offset) {
                if byte == UInt8(ascii: "\n") {
                    line += 1
                    column = 1
                } else if byte & 0xC0 != 0x80 {
                    column += 1
                }
            }
            let what = detail[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            return "\(what.lowercased()) line \(line), column \(column) (a missing comma, quote or bracket?)"
        }
    }
}

/// Why a file is not JSON at all.
struct JSONSyntaxError: Error, Sendable {
    let detail: String
}
