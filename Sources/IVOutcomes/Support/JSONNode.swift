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
        var text = ""
        write(into: &text, indent: nil)
        return text
    }

    /// The document, indented by two spaces per level.
    func rendered(indent: Int = 0) -> String {
        var text = ""
        write(into: &text, indent: indent)
        return text
    }

    /// Appends the document: indented from level `indent`, or compact when `indent` is `nil`.
    private func write(into text: inout String, indent: Int?) {
        func items<Member>(
            _ items: [Member], open: String, close: String, _ write: (Member, inout String, Int?) -> Void
        ) {
            guard !items.isEmpty else {
                text += open + close
                return
            }
            text += open
            let inner = indent.map { $0 + 1 }
            for (offset, item) in items.enumerated() {
                if offset > 0 { text += "," }
                if let inner { text += "\n" + String(repeating: "  ", count: inner) }
                write(item, &text, inner)
            }
            if let indent { text += "\n" + String(repeating: "  ", count: indent) }
            text += close
        }
        switch self {
        case .object(let fields):
            items(fields, open: "{", close: "}") { field, text, inner in
                JSONText.appendQuoted(field.0, to: &text)
                text += inner == nil ? ":" : ": "
                field.1.write(into: &text, indent: inner)
            }
        case .array(let elements):
            items(elements, open: "[", close: "]") { element, text, inner in element.write(into: &text, indent: inner) }
        case .string(let value): JSONText.appendQuoted(value, to: &text)
        case .number(let value): text += value
        case .bool(let flag): text += flag ? "true" : "false"
        case .null: text += "null"
        }
    }
}
