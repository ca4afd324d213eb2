/// A year and month of birth (`2014-03`): all a children file records, so that no full date of
/// birth is ever needed.
public struct BirthMonth: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month, 1-12.
    public let month: Int

    /// The earliest year of birth read.
    public static let earliestYear = 1900

    /// A birth month, or `nil` for a month outside 1-12 or a year before ``earliestYear``.
    public init?(year: Int, month: Int) {
        guard (BirthMonth.earliestYear...9999).contains(year), (1...12).contains(month) else { return nil }
        self.year = year
        self.month = month
    }

    /// Parses exactly `YYYY-MM`.
    public init?(text: some StringProtocol) {
        guard BirthMonth.hasShape(text) else { return nil }
        let bytes = Array(text.utf8)
        let digits = { (range: Range<Int>) in bytes[range].reduce(0) { $0 * 10 + Int($1 - 48) } }
        self.init(year: digits(0..<4), month: digits(5..<7))
    }

    /// Whether `text` is four digits, `-` and two digits, whatever their values.
    static func hasShape(_ text: some StringProtocol) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 7 && bytes[4] == UInt8(ascii: "-")
            && bytes.enumerated().allSatisfy({ $0.offset == 4 || (48...57).contains($0.element) })
    }

    /// The child's age in whole years on `date`, counted cautiously: a birthday is taken to fall
    /// on the last day of the birth month, so a child born in `2014-03` is 12 until 30 March 2027
    /// and 13 from 31 March 2027. Where the exact day is unknown, this never makes a child older
    /// than they may be, so an administration is never wrongly taken as within an instrument's
    /// validated ages.
    public func age(on date: CalendarDate) -> Int {
        var months = (date.year * 12 + date.month) - (year * 12 + month)
        // The month of the date counts only from its last day, the latest the birthday can be.
        if date.day < CalendarDate.daysIn(month: date.month, year: date.year) { months -= 1 }
        return max(0, months) / 12
    }

    /// The oldest the child may be in whole years on `date`: a birthday is taken to fall on the
    /// first day of the birth month, so a child born in `2011-03` may be 16 from 1 March 2027. Used
    /// against an instrument's oldest validated age, where this is the cautious direction: an
    /// administration is never wrongly taken as within the validated ages.
    public func oldestAge(on date: CalendarDate) -> Int {
        max(0, (date.year * 12 + date.month) - (year * 12 + month)) / 12
    }

    /// Orders birth months by date.
    public static func < (lhs: Self, rhs: Self) -> Bool { (lhs.year, lhs.month) < (rhs.year, rhs.month) }

    /// `2014-03`.
    public var description: String {
        let monthText = month < 10 ? "0\(month)" : "\(month)"
        return "\(year)-\(monthText)"
    }

    /// Decodes `YYYY-MM`.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let value = BirthMonth(text: text) else {
            throw DecodingError.dataCorrupted(
                .init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not YYYY-MM"))
        }
        self = value
    }

    /// Encodes `YYYY-MM`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
