/// A column of a response file and the field it was read as (see ``ResponseFileReader/matchedColumns``).
///
/// ```swift
/// for column in reader.matchedColumns where column.how == .questionText {
///     print("\"\(column.header)\" is \(column.field)")
/// }
/// ```
public struct MatchedColumn: Sendable, Hashable {
    /// How a header was matched to its field.
    public enum How: String, Sendable, Hashable, Codable {
        /// The header is the field's name (`child_id`, an item id).
        case name
        /// The column mapping (`--columns`) names it.
        case mapping
        /// The header is the item's question text.
        case questionText = "question_text"
    }

    /// The header as written in the file.
    public let header: String
    /// The field: `child_id`, `administered_on`, `instrument` or an item id.
    public let field: String
    /// How the header was matched.
    public let how: How

    /// A header read as `field`.
    public init(header: String, field: String, how: How) {
        self.header = header
        self.field = field
        self.how = how
    }
}
