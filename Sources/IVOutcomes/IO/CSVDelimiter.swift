/// The byte between a CSV file's fields.
public enum CSVDelimiter: String, Sendable, Hashable, CaseIterable {
    case comma, semicolon, tab

    public var byte: UInt8 {
        switch self {
        case .comma: return UInt8(ascii: ",")
        case .semicolon: return UInt8(ascii: ";")
        case .tab: return 9
        }
    }

}
