/// How the text of every cell is read, in every input format (CSV, JSON Lines, in-memory
/// administrations, the children file, definitions' labels): one rule for white space and one for
/// whole numbers.
///
/// - White space around a cell's text is not part of it: every Unicode scalar with the
///   `White_Space` property (space, tab, line breaks, no-break space, ideographic space...) is
///   trimmed from both ends, in answers, ids, instruments and dates alike. A cell of white space
///   only is blank.
/// - A whole number is an optional `+` or `-`, digits, and optionally a decimal point followed
///   by zeros only: `3`, `03`, `+3`, `3.0` and `3.00` all mean 3; `3.5`, `3.`, `.0`, `3e0` and
///   `three` are not whole numbers.
///
/// ```swift
/// CellText.wholeNumber(" 3.0\u{A0}")   // 3
/// CellText.wholeNumber("3.5")          // nil
/// ```
enum CellText {
    /// The range of `bytes` (valid UTF-8) without the white space at either end.
    @inline(__always)
    static func trimmedRange(_ bytes: ByteView) -> Range<Int> {
        var start = 0
        var end = bytes.count
        while start < end {
            let byte = bytes[start]
            if byte < 0x80 {
                guard isASCIISpace(byte) else { break }
                start += 1
            } else {
                guard let length = spaceLength(bytes, at: start) else { break }
                start += length
            }
        }
        while end > start {
            let byte = bytes[end - 1]
            if byte < 0x80 {
                guard isASCIISpace(byte) else { break }
                end -= 1
            } else {
                // The start of the last scalar: back over continuation bytes (10xxxxxx).
                var lead = end - 1
                while lead > start, bytes[lead] & 0xC0 == 0x80 { lead -= 1 }
                guard spaceLength(bytes, at: lead) == end - lead else { break }
                end = lead
            }
        }
        return start..<end
    }

    /// `bytes` without the white space at either end.
    @inline(__always)
    static func trimmed(_ bytes: ByteView) -> ByteView { bytes.extracting(trimmedRange(bytes)) }

    /// Whether `bytes` are empty or white space only.
    @inline(__always)
    static func isBlank(_ bytes: ByteView) -> Bool { trimmedRange(bytes).isEmpty }

    /// `text` without the white space at either end.
    static func trimmed(_ text: String) -> String { text.withUTF8View { String(decoding: trimmed($0)) } }

    /// Whether `text` is empty or white space only.
    static func isBlank(_ text: String) -> Bool { text.withUTF8View { isBlank($0) } }

    /// The whole number `bytes` spell (white space around it allowed), or `nil`.
    static func wholeNumber(_ bytes: ByteView) -> Int? {
        let range = trimmedRange(bytes)
        var index = range.lowerBound
        guard index < range.upperBound else { return nil }
        let negative = bytes[index] == UInt8(ascii: "-")
        if negative || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var value = 0
        var digits = 0
        while index < range.upperBound, bytes[index] &- UInt8(ascii: "0") <= 9 {
            // Leading zeros add no digits; more than 18 significant ones is no answer code.
            if value > 0 || bytes[index] != UInt8(ascii: "0") { digits += 1 }
            guard digits <= 18 else { return nil }
            value = value * 10 + Int(bytes[index] &- UInt8(ascii: "0"))
            index += 1
        }
        guard index > range.lowerBound + (negative || bytes[range.lowerBound] == UInt8(ascii: "+") ? 1 : 0) else {
            return nil
        }
        if index < range.upperBound {
            guard bytes[index] == UInt8(ascii: "."), index + 1 < range.upperBound else { return nil }
            index += 1
            while index < range.upperBound {
                guard bytes[index] == UInt8(ascii: "0") else { return nil }
                index += 1
            }
        }
        return negative ? -value : value
    }

    /// The whole number `text` spells (white space around it allowed), or `nil`.
    static func wholeNumber(_ text: String) -> Int? { text.withUTF8View { wholeNumber($0) } }

    @inline(__always)
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
    }

    /// The length of the white-space scalar at `offset` (a lead byte of valid UTF-8), or `nil`
    /// when the scalar there is not white space.
    private static func spaceLength(_ bytes: ByteView, at offset: Int) -> Int? {
        let lead = bytes[offset]
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard offset + length <= bytes.count else { return nil }
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for index in 1..<length { value = value << 6 | UInt32(bytes[offset + index] & 0x3F) }
        guard let scalar = Unicode.Scalar(value), scalar.properties.isWhitespace else { return nil }
        return length
    }
}
