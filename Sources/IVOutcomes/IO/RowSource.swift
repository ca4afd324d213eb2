/// A source of administrations, read one row of fields at a time: a CSV file's records, JSON
/// Lines' objects, FHIR QuestionnaireResponses. Every format lays its rows out into the same
/// fields (a CSV file by its header, the others by the catalogue's `ResponseColumns`), so every rule after
/// reading is the same.
///
/// A new input format is one conforming type, its case of `InputFormat` (with its detection),
/// and one line of `InputFormat.open` (see ARCHITECTURE.md, "Where a change goes"). What each member means:
///
/// ```swift
/// while try rows.next(blankRows: &skipped) {
///     rows.withField(0) { print(rows.line, String(decoding: $0, as: UTF8.self)) }
///     for problem in rows.decodeProblems { print(problem.message) }
/// }
/// ```
protocol RowSource: RowFields, AnyObject {
    /// The line the current row starts on (a CSV record's first line, a JSON line, the number of
    /// a resource in a JSON document).
    var line: Int { get }
    /// Reads the next row that is not blank, counting the blank ones skipped in `blankRows`.
    /// Returns `false` at the end.
    func next(blankRows: inout Int) throws(InputError) -> Bool
    /// Problems found while decoding the current row, before any rule of scoring (such as a JSON
    /// line that is not an object); each makes the row invalid. Empty by default.
    var decodeProblems: [RowDecodeProblem] { get }
    /// Whether the fields come from a header the file wrote (CSV), so that a column can be
    /// unknown, unmapped or missing; `false` for rows that name their fields.
    var hasHeader: Bool { get }
    /// Keys of the rows that are not fields, in the order first seen (JSON Lines); empty by default.
    var unknownKeys: [String] { get }
    /// How the file was read when it is not plain comma-separated UTF-8; `nil` by default.
    var formatNote: String? { get }
    /// Records skipped because they are not administrations, by type (a FHIR Bundle's Patient
    /// entries); empty by default.
    var ignoredRecords: [String: Int] { get }
    /// The current row's id and subject as its sender gave them; `nil` by default.
    var origin: RowOrigin? { get }
}

/// A problem found decoding a row before scoring: its code, the field it is about (as the input
/// names it, such as `answers.wemwbs_3`), and what is wrong.
typealias RowDecodeProblem = (code: ProblemCode, column: String?, message: String)

extension RowSource {
    var decodeProblems: [RowDecodeProblem] { [] }
    var hasHeader: Bool { false }
    var unknownKeys: [String] { [] }
    var formatNote: String? { nil }
    var ignoredRecords: [String: Int] { [:] }
    var origin: RowOrigin? { nil }
}

extension CSVReader: RowSource {
    var hasHeader: Bool { true }

    func next(blankRows: inout Int) throws(InputError) -> Bool {
        while try next() {
            if isBlankRecord {
                blankRows += 1
                continue
            }
            return true
        }
        return false
    }
}
