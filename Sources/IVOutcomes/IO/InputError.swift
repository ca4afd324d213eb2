/// Why an input file could not be read at all. Problems with single rows are not errors: they
/// are reported row by row and the rest of the file goes on.
public enum InputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file does not exist or cannot be opened.
    case unreadable(file: String, reason: String)
    /// The header lacks a column the rows need.
    case missingColumn(file: String, column: String, hint: String)
    /// Two header cells name the same column.
    case duplicateColumn(file: String, column: String, first: Int, second: Int)
    /// The file has no header row.
    case empty(file: String)
    /// A quoted field never ends, so no later row can be trusted.
    case unclosedQuote(file: String, line: Int)
    /// A single record is larger than the reader accepts.
    case recordTooLong(file: String, line: Int, limit: Int)
    /// The header has more columns than the reader keeps.
    case tooManyColumns(file: String, limit: Int)
    /// Bytes that are not text in the file's encoding (not UTF-8, or not the `--encoding` given).
    case badEncoding(file: String, line: Int, column: Int, message: String)

    /// What went wrong, naming the file (and line and column where known).
    public var description: String {
        switch self {
        case .unreadable(let file, let reason):
            return "\(file): cannot read the file: \(reason)"
        case .missingColumn(let file, let column, let hint):
            return "\(file):1: the header has no '\(column)' column\(hint)"
        case .duplicateColumn(let file, let column, let first, let second):
            return "\(file):1: columns \(first) and \(second) are both named '\(column)'; rename or remove one"
        case .empty(let file):
            return "\(file): the file is empty (expected a header row: child_id,administered_on,instrument,...)"
        case .unclosedQuote(let file, let line):
            return "\(file):\(line): a quoted field starts here and is never closed; check the quotes on this line"
        case .recordTooLong(let file, let line, let limit):
            return "\(file):\(line): a row longer than \(limit / 1_048_576) MB; is a quote left open?"
        case .tooManyColumns(let file, let limit):
            return "\(file):1: the header has more than \(limit) columns; is this a questionnaire file?"
        case .badEncoding(let file, let line, let column, let message):
            return "\(file):\(line):\(column): not readable text: \(message)"
        }
    }
}

// Errors of survey exports, as `unreadable` so that the enum gains no case before a release that
// may break the API (a new case breaks a caller's exhaustive switch).
extension InputError {
    /// A header is the question text of more than one item, and nothing in the file tells which;
    /// `items` names each with its instruments.
    static func ambiguousColumn(file: String, position: Int, header: String, items: [String]) -> InputError {
        .unreadable(
            file: file,
            reason:
                "column \(position) \"\(header)\" is the question text of \(items.count) items, \(items.joined(separator: " and ")); pass --instrument ID, or say which with --columns MAPPING.csv (header,field)"
        )
    }

    /// A column mapping (`--columns`) can't be used: its header, a row, or a field it names.
    static func badColumnMapping(file: String, line: Int?, message: String) -> InputError {
        .unreadable(file: file, reason: (line.map { "line \($0): " } ?? "") + message)
    }
}
