/// A problem with one input row, located by file, line and column.
public struct RowProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public let file: String
    public let line: Int
    /// The column (an item id for answers), or `nil` for the row as a whole.
    public let column: String?
    public let message: String

    public init(file: String, line: Int, column: String?, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `responses.csv:17: column wemwbs_4: "6" is not an answer (expected 1-5 or a label such as "Often")`.
    public var description: String {
        "\(file):\(line): " + (column.map { "column \($0): " } ?? "") + message
    }

    /// The message without the file and line, as written in a row's `problems` cell.
    public var cellText: String {
        (column.map { "\($0): " } ?? "") + message
    }
}
