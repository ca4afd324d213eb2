/// A problem with one input row or administration: a stable ``code``, where it is (file, line,
/// column) and an English ``message``.
///
/// A problem found in a file has its ``file`` and ``line``; one found in an administration built
/// in memory has neither, and its ``description`` names no file. A tool that shows problems in
/// its own words or language works from ``code`` and the context fields, never from the text.
///
/// ```swift
/// for problem in tracker.add(form) where problem.code == .answerNotAnOption {
///     print(problem.column ?? "", problem.value ?? "")   // wemwbs_4 6
/// }
/// ```
public struct RowProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of problem it is, such as ``ProblemCode/answerNotAnOption``.
    public let code: ProblemCode
    /// The file the row is in, or `nil` for an administration built in memory.
    public let file: String?
    /// The row's line (a CSV record's first line, a JSON Lines line), or `nil` in memory.
    public let line: Int?
    /// The column (an item id for answers), or `nil` for the row as a whole.
    public let column: String?
    /// The value found, where one is at fault (an answer that is not an option, a date that does
    /// not parse), cut to its start when it is long; `nil` otherwise. A child id that looks like a
    /// name is never repeated here.
    public let value: String?
    /// What is wrong and what happens to the row, in English, without the location:
    /// `"6" is not an answer (expected 1-5 or a label such as "Often")`.
    public let message: String

    /// A problem with its code, location, value and message.
    public init(
        code: ProblemCode, file: String?, line: Int?, column: String?, value: String? = nil, message: String
    ) {
        self.code = code
        self.file = file.flatMap { $0.isEmpty ? nil : $0 }
        self.line = line.flatMap { $0 > 0 ? $0 : nil }
        self.column = column
        self.value = value.map(RowProblem.shown)
        self.message = message
    }

    /// The same problem at `line`.
    func at(line: Int) -> RowProblem {
        RowProblem(code: code, file: file, line: line, column: column, value: value, message: message)
    }

    /// The longest value kept in ``value``; a longer one is cut to its first 40 characters with
    /// its length, so a message never repeats a whole runaway cell.
    public static let longestValueShown = 80

    /// `value`, cut as ``longestValueShown`` says.
    static func shown(_ value: String) -> String {
        guard value.utf8.count > longestValueShown else { return value }
        let count = value.count
        return count > longestValueShown ? "\(value.prefix(40))... (\(count) characters)" : value
    }

    /// `responses.csv:17: column wemwbs_4: "6" is not an answer (expected 1-5 or a label such as "Often")`;
    /// without a file and line for an administration built in memory.
    public var description: String {
        var location = ""
        if let file { location = line.map { "\(file):\($0): " } ?? "\(file): " }
        return location + (column.map { "column \($0): " } ?? "") + message
    }

    /// The message without the file and line, as written in a row's `problems` cell.
    public var cellText: String {
        (column.map { "\($0): " } ?? "") + message
    }
}
