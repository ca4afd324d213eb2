import Foundation

/// Reads administrations from JSON Lines: one object per line with `child_id`, `administered_on`,
/// `instrument` and `answers` (an object of item id to code, label or null).
final class JSONLinesRows: RowSource {
    private let reader: LineReader
    private let columnIndex: [String: Int]
    private var fields: [[UInt8]]
    /// Problems found while decoding the current line, before scoring.
    private(set) var decodeProblems: [RowDecodeProblem] = []
    private(set) var unknownKeys: [String] = []
    private var seenUnknownKeys: Set<String> = []

    init(_ source: TextSource, columns: [String], encoding: TextEncoding? = nil) throws(InputError) {
        reader = try LineReader(source, encoding: encoding)
        var index: [String: Int] = [:]
        for (position, name) in columns.enumerated() { index[name] = position }
        columnIndex = index
        fields = Array(repeating: [], count: columns.count)
    }

    var line: Int { reader.line }
    var fieldCount: Int { fields.count }

    func withField<R>(_ index: Int, _ body: (ByteView) throws -> R) rethrows -> R {
        try fields[index].withView(body)
    }

    func next(blankRows: inout Int) throws(InputError) -> Bool {
        while try reader.next() {
            let bytes = reader.bytes
            if Array(bytes).withView({ CellText.isBlank($0) }) {
                blankRows += 1
                continue
            }
            decode(Data(bytes))
            return true
        }
        return false
    }

    private func decode(_ data: Data) {
        for index in fields.indices { fields[index].removeAll(keepingCapacity: true) }
        decodeProblems.removeAll()
        let parsed = JSONValue.parse(data)
        if case .failure(let error) = parsed {
            // One row is one line, so the column alone says where.
            decodeProblems.append((.rowNotJSON, nil, "not valid JSON: column \(error.column): \(error.reason)"))
            return
        }
        guard case .success(.object(let object)) = parsed else {
            decodeProblems.append(
                (
                    .rowNotJSON, nil,
                    "not a JSON object (expected {\"child_id\": ..., \"administered_on\": ..., \"instrument\": ..., \"answers\": {...}})"
                ))
            return
        }
        for (key, value) in object.sorted(by: { $0.key < $1.key }) {
            switch key {
            case ResponseColumns.child, ResponseColumns.date, ResponseColumns.instrument:
                store(value, column: key, shownAs: key)
            case "answers":
                guard case .object(let answers) = value else {
                    decodeProblems.append((.rowJSONShape, "answers", "expected an object of item id to answer"))
                    continue
                }
                for (item, answer) in answers.sorted(by: { $0.key < $1.key }) {
                    let name = item.trimmingSpaces.lowercased()
                    guard columnIndex[name] != nil else {
                        decodeProblems.append(
                            (
                                .answerUnknownItem, "answers.\(item)",
                                "not an item of any instrument\(suggestion(for: name, in: columnIndex.keys))"
                            ))
                        continue
                    }
                    store(answer, column: name, shownAs: "answers.\(item)")
                }
            default:
                if seenUnknownKeys.insert(key).inserted { unknownKeys.append(key) }
            }
        }
    }

    private func store(_ value: JSONValue, column: String, shownAs name: String) {
        guard let index = columnIndex[column] else { return }
        switch value {
        case .string(let text):
            fields[index] = Array(text.utf8)
        case .null:
            fields[index] = []
        case .number(let double):
            fields[index] = Array(numberText(double).utf8)
        default:
            decodeProblems.append((.rowJSONShape, name, "expected a string or a number"))
        }
    }
}
