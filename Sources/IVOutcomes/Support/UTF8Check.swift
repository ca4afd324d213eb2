/// Checks UTF-8 (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), ASCII
/// eight bytes at a time.
enum UTF8Check {
    /// The Unicode scalar of a Windows-1252 byte, or `nil` for the five bytes it leaves undefined.
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar? {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = windows1252High[Int(byte - 0x80)]
        return value == 0 ? nil : Unicode.Scalar(value)
    }

    /// Windows-1252 0x80-0x9F, from the WHATWG Encoding Standard's index-windows-1252 (0 = undefined);
    /// the other bytes are the Unicode scalars of the same value.
    private static let windows1252High: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E,
        0x0178,
    ]

    /// Where the first byte of `data` that is not UTF-8 is, and what the file probably is, as
    /// `line L, column C: not UTF-8: ...`; `nil` for valid UTF-8 (for whole files read at once).
    static func problem(in data: [UInt8]) -> String? {
        data.withView { bytes in
            guard let bad = firstInvalidByte(in: bytes) else { return nil }
            let (lines, column) = location(of: bad, in: bytes)
            return "line \(lines + 1), column \(column): not UTF-8: " + diagnosis(of: bytes, at: bad, converts: false)
        }
    }

    /// The offset of the first byte that does not belong to valid UTF-8, or `nil`. A sequence
    /// cut off by the end counts as invalid, so call it on whole records or lines.
    static func firstInvalidByte(in bytes: ByteView) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            if index + 8 <= count, bytes.word(at: index) & 0x8080_8080_8080_8080 == 0 {
                index += 8
                continue
            }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
            let length: Int
            var low: UInt8 = 0x80
            var high: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: (length, low) = (3, 0xA0)
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: (length, high) = (3, 0x9F)
            case 0xF0: (length, low) = (4, 0x90)
            case 0xF1...0xF3: length = 4
            case 0xF4: (length, high) = (4, 0x8F)
            default: return index
            }
            guard index + length <= count else { return index }
            let second = bytes[index + 1]
            guard second >= low, second <= high else { return index }
            for offset in 2..<length where bytes[index + offset] & 0xC0 != 0x80 { return index }
            index += length
        }
        return nil
    }

    /// How many line breaks come before `offset` in `bytes`, and the column of the byte at
    /// `offset` on its line (1 for the first; characters, since the bytes before it are UTF-8).
    static func location(of offset: Int, in bytes: ByteView) -> (lines: Int, column: Int) {
        var lines = 0
        var column = 1
        for byte in bytes[..<offset] {
            if byte == 10 {
                lines += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (lines, column)
    }

    /// What a file whose byte at `offset` is not UTF-8 probably is, and how to fix it, for the
    /// message: UTF-16 when it has NUL bytes between characters, otherwise Windows-1252.
    /// `converts` says whether the reader offers `--encoding` to convert it.
    static func diagnosis(of bytes: ByteView, at offset: Int, converts: Bool = true) -> String {
        let byte = bytes[offset]
        let hex = "0x" + String(byte, radix: 16, uppercase: true)
        let sample = bytes[max(0, offset - 64)..<min(bytes.count, offset + 64)]
        if sample.contains(0) {
            return "byte \(hex); the file looks like UTF-16 without a byte-order mark: save it as UTF-8"
                + (converts ? ", or give --encoding utf-16" : "")
        }
        let character = windows1252Scalar(byte).map { " (\"\(Character($0))\" in Windows-1252)" } ?? ""
        guard converts else { return "byte \(hex)\(character); the file is probably Windows-1252: save it as UTF-8" }
        return
            "byte \(hex)\(character); the file is probably Windows-1252 (older Excel's \"CSV (Comma delimited)\"): save it from Excel as \"CSV UTF-8 (Comma delimited)\", or give --encoding windows-1252 to convert it"
    }
}
