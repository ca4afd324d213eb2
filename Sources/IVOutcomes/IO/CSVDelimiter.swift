/// The byte between a CSV file's fields.
public enum CSVDelimiter: String, Sendable, Hashable, CaseIterable {
    /// A comma, a semicolon or a tab.
    case comma, semicolon, tab

    var byte: UInt8 {
        switch self {
        case .comma: return UInt8(ascii: ",")
        case .semicolon: return UInt8(ascii: ";")
        case .tab: return 9
        }
    }

}
