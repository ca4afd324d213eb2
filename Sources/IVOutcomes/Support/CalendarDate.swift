import Foundation

/// A calendar date without a time or time zone, as written in data files (`2026-11-22`).
///
/// Dates of administrations are days, not instants: using a plain year-month-day avoids
/// time-zone shifts that `Date` invites.
///
/// ```swift
/// let date = CalendarDate(iso: "2026-11-22")   // Optional(2026-11-22)
/// date?.daysSinceEpoch                          // days since 1970-01-01
/// ```
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    /// The year.
    public let year: Int
    /// The month, 1-12.
    public let month: Int
    /// The day of the month.
    public let day: Int

    /// A date, or `nil` when the day does not exist (such as 2026-02-30).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses an ISO date `YYYY-MM-DD`; `nil` for anything else.
    public init?(iso text: some StringProtocol) {
        let utf8 = Array(text.utf8)
        guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-"),
            let year = CalendarDate.digits(utf8[0..<4]), let month = CalendarDate.digits(utf8[5..<7]),
            let day = CalendarDate.digits(utf8[8..<10])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// Parses an ISO date `YYYY-MM-DD`, throwing when the text is not one.
    ///
    /// ```swift
    /// let date = try CalendarDate(validating: "2026-11-22")
    /// ```
    public init(validating text: String) throws(InvalidDateError) {
        guard let date = CalendarDate(iso: text) else { throw InvalidDateError(text: text) }
        self = date
    }

    /// Today's date in UTC.
    public static var today: CalendarDate {
        CalendarDate(daysSinceEpoch: Int((Date().timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// The number of days since 1970-01-01 (negative before it).
    public var daysSinceEpoch: Int {
        // Howard Hinnant's days_from_civil algorithm.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let monthIndex = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * monthIndex + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The date `days` days later (or earlier, for a negative number).
    public func adding(days: Int) -> CalendarDate {
        CalendarDate(daysSinceEpoch: daysSinceEpoch + days)
    }

    /// The date `months` calendar months later, clamped to the month's last day (31 Aug + 6 months = 28/29 Feb).
    public func adding(months: Int) -> CalendarDate {
        let index = year * 12 + (month - 1) + months
        let newYear = index / 12
        let newMonth = index % 12 + 1
        let newDay = min(day, CalendarDate.daysIn(month: newMonth, year: newYear))
        return CalendarDate(uncheckedYear: newYear, month: newMonth, day: newDay)
    }

    /// The date that is `days` days after 1970-01-01.
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days algorithm.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        let month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        self.init(uncheckedYear: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month: month, day: day)
    }

    private init(uncheckedYear year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// `YYYY-MM-DD`.
    public var description: String { String(decoding: isoBytes, as: UTF8.self) }

    /// `YYYY-MM-DD` as UTF-8 bytes.
    var isoBytes: [UInt8] {
        var out = OutputBytes(capacity: 10)
        out.append(isoDate: self)
        return out.array
    }

    /// Orders dates in time.
    public static func < (lhs: Self, rhs: Self) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Decodes `YYYY-MM-DD`.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a date (expected YYYY-MM-DD)")
        }
        self = date
    }

    /// Encodes `YYYY-MM-DD`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private static func digits(_ bytes: ArraySlice<UInt8>) -> Int? {
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

extension OutputBytes {
    /// Appends a date as `YYYY-MM-DD`.
    @inline(__always)
    mutating func append(isoDate date: CalendarDate) {
        append(digits: date.year, width: 4)
        append(UInt8(ascii: "-"))
        append(digits: date.month, width: 2)
        append(UInt8(ascii: "-"))
        append(digits: date.day, width: 2)
    }
}
