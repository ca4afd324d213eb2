/// How dates are written in an input file. The default is ISO `YYYY-MM-DD`, the only unambiguous
/// form; other orders must be chosen explicitly, because `03/04/2026` is 3 April in the UK and
/// 4 March in the US.
///
/// A date may be followed by a time of day, as survey tools export them (`2026-02-10 10:12:40`,
/// `10/02/2026 10:12`, `2026-02-10T10:12:40+01:00`, `2/10/2026 10:12 AM`): the date is read as
/// written, and the time and any time zone are checked to be a time but never converted, so a
/// form completed late in the evening keeps the day the young person saw.
///
/// ```swift
/// let format = try DateFormat(pattern: "DD/MM/YYYY")
/// format.parse("22/11/2026")   // 2026-11-22
/// ```
public struct DateFormat: Sendable, Hashable, CustomStringConvertible {
    enum Part: Sendable, Hashable { case year, month, day }

    let parts: [Part]
    let separator: UInt8
    /// The pattern, such as `DD/MM/YYYY`.
    public let pattern: String
    /// Whether this is ``iso``, known without comparing arrays and strings on every date.
    let isISO: Bool

    /// ISO 8601 calendar dates, `YYYY-MM-DD` (a time of day after `T` or a space is allowed; see above).
    public static let iso = DateFormat(
        parts: [.year, .month, .day], separator: UInt8(ascii: "-"), pattern: "YYYY-MM-DD")

    private init(parts: [Part], separator: UInt8, pattern: String) {
        self.parts = parts
        self.separator = separator
        self.pattern = pattern
        isISO = parts == [.year, .month, .day] && separator == UInt8(ascii: "-")
    }

    /// A format from a pattern of `DD`, `MM` and `YYYY` joined by `/`, `-` or `.`, such as `DD/MM/YYYY`.
    public init(pattern: String) throws(DateFormatError) {
        let upper = pattern.uppercased()
        guard
            let separator = upper.utf8.first(where: {
                $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".")
            })
        else { throw DateFormatError(pattern: pattern) }
        var parts: [Part] = []
        for piece in upper.split(separator: Character(UnicodeScalar(separator)), omittingEmptySubsequences: false) {
            switch piece {
            case "DD", "D": parts.append(.day)
            case "MM", "M": parts.append(.month)
            case "YYYY": parts.append(.year)
            default: throw DateFormatError(pattern: pattern)
            }
        }
        guard parts.count == 3, Set(parts).count == 3 else { throw DateFormatError(pattern: pattern) }
        self.init(parts: parts, separator: separator, pattern: upper)
    }

    /// The pattern.
    public var description: String { pattern }

    /// The date written in `bytes`, or `nil` when they do not follow this format or name no real day.
    func parse(_ cell: ByteView) -> CalendarDate? {
        let bytes = CellText.trimmed(cell)
        // The common case, a plain ISO date, read at fixed positions.
        if isISO, bytes.count == 10, bytes[4] == separator, bytes[7] == separator {
            @inline(__always) func digit(_ index: Int) -> Int { Int(bytes[index] &- 48) }
            if (0..<10).allSatisfy({ $0 == 4 || $0 == 7 || bytes[$0] &- 48 <= 9 }) {
                return CalendarDate(
                    year: digit(0) * 1000 + digit(1) * 100 + digit(2) * 10 + digit(3), month: digit(5) * 10 + digit(6),
                    day: digit(8) * 10 + digit(9))
            }
        }
        var values = (0, 0, 0)
        var digits = (0, 0, 0)
        var part = 0
        for index in bytes.indices {
            let byte = bytes[index]
            if part == 2, digits.2 > 0, byte == UInt8(ascii: "T") || byte == UInt8(ascii: " ") {
                // A date-time: the date is as written; the rest must be a time of day.
                guard DateFormat.isTimeOfDay(bytes[(index + 1)...]) else { return nil }
                break
            }
            if byte == separator {
                part += 1
                if part > 2 { return nil }
            } else if byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") {
                let value = Int(byte - UInt8(ascii: "0"))
                switch part {
                case 0: (values.0, digits.0) = (values.0 * 10 + value, digits.0 + 1)
                case 1: (values.1, digits.1) = (values.1 * 10 + value, digits.1 + 1)
                default: (values.2, digits.2) = (values.2 * 10 + value, digits.2 + 1)
                }
                if max(digits.0, digits.1, digits.2) > 4 { return nil }
            } else {
                return nil
            }
        }
        guard part == 2 else { return nil }
        var year = 0
        var month = 0
        var day = 0
        for (index, kind) in parts.enumerated() {
            let (value, count) =
                index == 0 ? (values.0, digits.0) : index == 1 ? (values.1, digits.1) : (values.2, digits.2)
            switch kind {
            case .year:
                guard count == 4 else { return nil }
                year = value
            case .month:
                guard (1...2).contains(count) else { return nil }
                month = value
            case .day:
                guard (1...2).contains(count) else { return nil }
                day = value
            }
        }
        return CalendarDate(year: year, month: month, day: day)
    }

    /// The rule for what may follow a date: a time of day `H:MM`, `HH:MM:SS` or `HH:MM:SS.fff`
    /// (hours 0-23, or 1-12 with `AM` or `PM`), then optionally a time zone (`Z`, `+01:00`,
    /// `-0500`, `UTC`, `GMT`, `BST`), each after optional spaces. Nothing of it changes the date.
    static func isTimeOfDay(_ text: some Collection<UInt8>) -> Bool {
        var bytes = Array(text)[...]
        func skipSpaces() { while bytes.first == UInt8(ascii: " ") { bytes = bytes.dropFirst() } }
        func number(maxDigits: Int) -> (value: Int, digits: Int) {
            var value = 0
            var count = 0
            while count < maxDigits, let byte = bytes.first, byte &- 48 <= 9 {
                value = value * 10 + Int(byte - 48)
                count += 1
                bytes = bytes.dropFirst()
            }
            return (value, count)
        }
        func take(_ byte: UInt8) -> Bool {
            guard bytes.first == byte else { return false }
            bytes = bytes.dropFirst()
            return true
        }
        skipSpaces()
        let hour = number(maxDigits: 2)
        guard hour.digits > 0, take(UInt8(ascii: ":")) else { return false }
        let minute = number(maxDigits: 2)
        guard minute.digits == 2, minute.value < 60 else { return false }
        if take(UInt8(ascii: ":")) {
            let second = number(maxDigits: 2)
            guard second.digits == 2, second.value <= 60 else { return false }
            if take(UInt8(ascii: ".")) || take(UInt8(ascii: ",")) {
                guard number(maxDigits: 9).digits > 0 else { return false }
            }
        }
        skipSpaces()
        let word = String(decoding: bytes.prefix { $0 != UInt8(ascii: " ") }, as: UTF8.self).uppercased()
        if word == "AM" || word == "PM" {
            guard (1...12).contains(hour.value) else { return false }
            bytes = bytes.dropFirst(2)
            skipSpaces()
        } else if hour.value > 23 {
            return false
        }
        if bytes.isEmpty { return true }
        let zone = String(decoding: bytes, as: UTF8.self).uppercased()
        if ["Z", "UTC", "GMT", "BST"].contains(zone) { return true }
        guard take(UInt8(ascii: "+")) || take(UInt8(ascii: "-")) else { return false }
        let zoneHours = number(maxDigits: 2)
        guard zoneHours.digits == 2, zoneHours.value <= 14 else { return false }
        _ = take(UInt8(ascii: ":"))
        if bytes.isEmpty { return true }
        let zoneMinutes = number(maxDigits: 2)
        return zoneMinutes.digits == 2 && zoneMinutes.value < 60 && bytes.isEmpty
    }

    /// The date written in `text`, or `nil`.
    public func parse(_ text: String) -> CalendarDate? {
        text.withUTF8View { parse($0) }
    }

    /// Whether `text` is digits laid out as this format lays them out (`2026-02-30` for ISO),
    /// whatever their values.
    private func hasShape(_ text: String) -> Bool {
        let pieces = text.utf8.split(separator: separator, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return false }
        return zip(parts, pieces).allSatisfy { part, piece in
            piece.allSatisfy { $0 >= 48 && $0 <= 57 }
                && (part == .year ? piece.count == 4 : (1...2).contains(piece.count))
        }
    }

    /// Why `text` is not a date in this format, in words a coordinator can act on.
    public func problem(with text: String) -> String {
        let whole = text.trimmingSpaces
        if whole.isEmpty { return "empty (every row needs the date the form was completed, as \(pattern))" }
        let shown = "\"\(whole)\""
        // A date-time: the date before the time is what the rest of the checks look at.
        var trimmed = whole
        if let timeStart = whole.firstIndex(where: { $0 == " " || $0 == "T" }),
            whole[..<timeStart].allSatisfy({ $0.isASCII && ($0.isNumber || "/-.".contains($0)) })
        {
            if !DateFormat.isTimeOfDay(whole[whole.index(after: timeStart)...].utf8) {
                return
                    "\(shown) has a time that is not a time of day (expected a date as \(pattern), optionally followed by a time such as 10:12 or 10:12:40)"
            }
            trimmed = String(whole[..<timeStart])
        }
        if isISO {
            let slashed = trimmed.split(whereSeparator: { $0 == "/" || $0 == "." || $0 == "-" })
            if slashed.count == 3, slashed.last?.count == 4, slashed.allSatisfy({ $0.allSatisfy(\.isNumber) }) {
                return
                    "\(shown) is ambiguous: day/month/year and month/day/year look alike; write dates as YYYY-MM-DD, or pass --date-format DD/MM/YYYY (or MM/DD/YYYY) to say which"
            }
            if trimmed.count == 5, trimmed.allSatisfy(\.isNumber) {
                return
                    "\(shown) looks like a spreadsheet serial number, not a date; format the column as a date (YYYY-MM-DD) before exporting"
            }
        }
        // A real date in another year-first form, such as 2026/01/10.
        for separator in ["-", "/", "."] {
            let pattern = "YYYY\(separator)MM\(separator)DD"
            guard pattern != self.pattern, let other = try? DateFormat(pattern: pattern),
                let date = other.parse(trimmed)
            else { continue }
            return
                "\(shown) is written \(pattern), not \(self.pattern): write it as \(isISO ? date.description : "\(self.pattern)"), or pass --date-format \(pattern)"
        }
        if hasShape(trimmed) {
            return "\(shown) is not a real date (the day or month does not exist; expected \(pattern))"
        }
        return
            "\(shown) is not a date (dates are read as \(pattern); --date-format reads DD/MM/YYYY, MM/DD/YYYY or YYYY/MM/DD instead)"
    }
}
