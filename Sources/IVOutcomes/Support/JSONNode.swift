/// A JSON document built in code and written with its keys in the order given (so output is
/// stable and readable), numbers preformatted.
indirect enum JSONNode: Sendable, Hashable {
    case object([(String, JSONNode)])
    case array([JSONNode])
    case string(String)
    /// A number already formatted (`42`, `20.73`).
    case number(String)
    case bool(Bool)
    case null

    static func == (lhs: JSONNode, rhs: JSONNode) -> Bool { lhs.rendered() == rhs.rendered() }
    func hash(into hasher: inout Hasher) { hasher.combine(rendered()) }

    static func integer(_ value: Int) -> JSONNode { .number(String(value)) }
    static func double(_ value: Double?, decimals: Int = 6) -> JSONNode {
        guard let value, value.isFinite else { return .null }
        return .number(formatNumber(value, decimals: decimals))
    }

    /// A number in full precision, in scientific notation where it is very small or large
    /// (`3.2e-12`): for p-values, which fixed decimals would round to 0.
    static func fullPrecision(_ value: Double?) -> JSONNode {
        guard let value, value.isFinite else { return .null }
        return .number(numberText(value))
    }

    /// The document on one line, with no spaces (for NDJSON).
    func compact() -> String {
        switch self {
        case .object(let fields):
            return "{" + fields.map { JSONText.quoted($0.0) + ":" + $0.1.compact() }.joined(separator: ",") + "}"
        case .array(let elements): return "[" + elements.map { $0.compact() }.joined(separator: ",") + "]"
        default: return rendered()
        }
    }

    /// The document, indented by two spaces per level.
    func rendered(indent: Int = 0) -> String {
        let pad = String(repeating: "  ", count: indent + 1)
        let close = String(repeating: "  ", count: indent)
        switch self {
        case .object(let fields):
            if fields.isEmpty { return "{}" }
            return "{\n"
                + fields.map { pad + JSONText.quoted($0.0) + ": " + $0.1.rendered(indent: indent + 1) }.joined(
                    separator: ",\n") + "\n" + close + "}"
        case .array(let elements):
            if elements.isEmpty { return "[]" }
            return "[\n" + elements.map { pad + $0.rendered(indent: indent + 1) }.joined(separator: ",\n") + "\n"
                + close + "]"
        case .string(let text): return JSONText.quoted(text)
        case .number(let text): return text
        case .bool(let flag): return flag ? "true" : "false"
        case .null: return "null"
        }
    }
}
