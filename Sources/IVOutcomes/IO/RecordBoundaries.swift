/// Finds line breaks that end a record, in bytes that start on a record, without parsing the
/// records: only quotes at the start of a field matter (a quoted field may hold line breaks), so
/// the scan jumps from quote to quote. It follows ``CSVRecord``'s rules exactly: a quote opens a
/// field only as its first byte, `""` inside a quoted field is a quote, and any other quote is an
/// ordinary byte. The lanes split blocks here, so no part starts inside a quoted field and no
/// part's work is thrown away, whatever the shape of the file.
struct RecordBoundaries {
    private let bytes: ByteView
    private let delimiter: UInt8
    /// Everything before this offset is classified, and the offset is outside any quoted field.
    private var scanned = 0

    init(_ bytes: ByteView, delimiter: UInt8) {
        self.bytes = bytes
        self.delimiter = delimiter
    }

    /// The start of the first record after the first line break at or after `target` that ends a
    /// record, or `nil` when there is none in the bytes (or only at their very end). Calls must
    /// ask for increasing targets.
    mutating func recordStart(after target: Int) -> Int? {
        var from = max(target, scanned)
        while let lineBreak = find(10, from: from, to: bytes.count) {
            while scanned < lineBreak, let open = openingQuote(before: lineBreak) {
                guard let close = closingQuote(after: open) else { return nil }
                scanned = close + 1
            }
            if scanned > lineBreak {
                // The line break was inside a quoted field: look again after the field.
                from = scanned
                continue
            }
            scanned = lineBreak + 1
            return scanned < bytes.count ? scanned : nil
        }
        return nil
    }

    /// The first quote from ``scanned`` up to `end` that opens a quoted field, or `nil`.
    private mutating func openingQuote(before end: Int) -> Int? {
        var from = scanned
        while let quote = find(34, from: from, to: end) {
            if quote == 0 { return quote }
            let before = bytes[quote - 1]
            if before == delimiter || before == 10 || before == 13 { return quote }
            from = quote + 1
        }
        scanned = end
        return nil
    }

    /// The quote that closes the quoted field opened at `open`, or `nil` when the field runs past the bytes.
    private func closingQuote(after open: Int) -> Int? {
        var from = open + 1
        while let quote = find(34, from: from, to: bytes.count) {
            guard quote + 1 < bytes.count else { return nil }  // a doubled quote may follow
            if bytes[quote + 1] != 34 { return quote }
            from = quote + 2
        }
        return nil
    }

    private func find(_ byte: UInt8, from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        return bytes.extracting(unchecked: 0..<end).firstIndex(of: byte, from: start)
    }
}
