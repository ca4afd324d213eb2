/// The fields of one RFC 4180 record, parsed from a byte buffer without copying unquoted fields.
///
/// The one CSV parser of the package: ``CSVReader`` and the scoring fast path both use it, so
/// they agree on every quirk (quoted commas, doubled quotes and line breaks, CRLF, text after a
/// closing quote). Unquoted fields point into the parsed buffer; quoted ones are unescaped into a
/// scratch buffer owned by the record. Fields stay valid until the next parse.
///
/// The record is `~Copyable`: it owns its spans and scratch buffer (freed when it goes), and it
/// keeps the view of the buffer it last parsed, which its owner (a ``CSVReader``, a lane) keeps
/// alive and unchanged until the next parse.
struct CSVRecord: ~Copyable {
    /// Where a field's bytes are: offsets into the parsed buffer, or for a quoted field into the
    /// scratch buffer, marked by a negative start (`-1 - offset`). Small, so a record is cheap to
    /// fill; 32 bits are plenty, as readers refuse records over ``CSVReader/maximumRecordLength``.
    struct Span {
        var start: Int32
        var end: Int32

        /// A quoted field's span, unescaped into the scratch buffer at `start..<end`.
        static func unescaped(_ start: Int, _ end: Int) -> Span {
            Span(start: Int32(truncatingIfNeeded: -1 - start), end: Int32(truncatingIfNeeded: end))
        }

        /// Whether the field is in the scratch buffer, and where it starts there.
        var isUnescaped: Bool { start < 0 }
        var unescapedStart: Int { Int(-1 - start) }
    }

    enum Outcome: Equatable {
        /// A whole record: the next one starts at `next`; `newlines` line breaks were consumed.
        case record(next: Int, newlines: Int)
        /// The buffer ends inside the record: read more and parse again from the same start.
        case needMore
        /// No bytes are left.
        case end
        /// The file ends inside a quoted field.
        case unclosedQuote
    }

    /// The byte between fields: a comma, or a semicolon or tab for exports that use them.
    let delimiter: UInt8
    private let delimiterWord: UInt64
    private var spans = OwnedBuffer(repeating: Span(start: 0, end: 0), count: 64)
    private var spanCapacity: Int { spans.count }
    /// Whether the last record parsed had a quoted field (it was parsed a byte at a time).
    private(set) var hasQuotedField = false
    /// How many fields are kept: at most ``maximumStoredFields``.
    private(set) var storedFields = 0
    /// Fields past ``maximumStoredFields``, counted but not kept, so a runaway row of delimiters
    /// takes no more memory than a sensible one.
    private(set) var extraFields = 0
    /// The number of fields in the record.
    var fieldCount: Int { storedFields &+ extraFields }
    /// Far more columns than any questionnaire file has; fields after it are only counted.
    static let maximumStoredFields = 65_536
    private var scratch = OutputBytes(capacity: 256)
    /// The buffer last parsed (empty until then).
    private var base = ByteView.empty

    init(delimiter: UInt8 = UInt8(ascii: ",")) {
        self.delimiter = delimiter
        delimiterWord = ByteMask.splat(delimiter)
    }

    @inline(__always)
    private mutating func appendSpan(_ span: Span) {
        if storedFields == spanCapacity {
            var fields = storedFields
            makeRoom(1, after: &fields)
            storedFields = fields
        }
        spans[storedFields] = span
        storedFields += 1
    }

    /// Makes room for `count` more spans after the first `fields`: more memory up to
    /// ``maximumStoredFields``; past it, the spans after the limit are counted in ``extraFields``
    /// and their room is used again.
    private mutating func makeRoom(_ count: Int, after fields: inout Int) {
        let limit = CSVRecord.maximumStoredFields + 8
        if spanCapacity < limit { reserveSpans(min(fields + count, limit), keeping: fields) }
        if fields + count > spanCapacity {
            extraFields += fields - CSVRecord.maximumStoredFields
            fields = CSVRecord.maximumStoredFields
        }
    }

    /// Makes room for at least `minimum` spans (at most ``maximumStoredFields`` and a word's more), keeping the first `kept`.
    private mutating func reserveSpans(_ minimum: Int, keeping kept: Int) {
        let capacity = min(max(minimum, spanCapacity * 2), CSVRecord.maximumStoredFields + 8)
        spans.grow(to: capacity, keeping: kept, filling: Span(start: 0, end: 0))
    }

    /// The bytes of field `index` (valid until the next parse).
    @inline(__always)
    func field(_ index: Int) -> ByteView {
        precondition(index >= 0 && index < storedFields, "field index out of range")
        return field(unchecked: index)
    }

    /// Calls `body` with the scratch buffer (quoted fields, unescaped).
    @inline(__always)
    private func withScratch<Result>(_ body: (ByteView) -> Result) -> Result { scratch.withView(body) }

    /// ``field(_:)`` for a caller that has checked ``fieldCount`` (the scoring fast path, which
    /// takes only records with every column of the header): no range check on each field.
    @inline(__always)
    func field(unchecked index: Int) -> ByteView {
        assert(index >= 0 && index < storedFields, "field index out of range")
        let span = spans[index]
        if !span.isUnescaped {
            return base.extracting(unchecked: Int(span.start)..<Int(span.end))
        }
        return withScratch { $0.extracting(unchecked: span.unescapedStart..<Int(span.end)) }
    }

    /// The digit a field holds when it is exactly one byte `0`-`9` in the parsed buffer, else
    /// `nil`. Like ``field(unchecked:)``, for a caller that has checked ``fieldCount``.
    @inline(__always)
    func digit(unchecked index: Int) -> Int? {
        assert(index >= 0 && index < storedFields, "field index out of range")
        let span = spans[index]
        guard span.end &- span.start == 1, !span.isUnescaped else { return nil }
        let digit = base[Int(span.start)] &- 48
        return digit <= 9 ? Int(digit) : nil
    }

    @inline(__always)
    func withField<R>(_ index: Int, _ body: (ByteView) throws -> R) rethrows -> R {
        try body(field(index))
    }

    /// The record's bytes from its first field to its last, hashed in one run when no field was
    /// quoted (the common case; the parsed buffer is padded, so the last word is read whole),
    /// else field by field.
    func fingerprint() -> UInt64 {
        guard storedFields > 0, extraFields == 0 else { return RowFingerprint.seed }
        guard !hasQuotedField else {
            var hash = RowFingerprint.seed
            for index in 0..<storedFields { hash = RowFingerprint.mix(hash, field(unchecked: index)) }
            return hash
        }
        let start = Int(spans[0].start)
        return RowFingerprint.mix(
            RowFingerprint.seed, padded: base.extracting(unchecked: start..<Int(spans[storedFields - 1].end)))
    }

    /// Whether every field is empty or spaces (such as `,,,` from a spreadsheet).
    var isBlank: Bool {
        if extraFields > 0 { return false }
        for index in 0..<storedFields where !CellText.isBlank(field(index)) { return false }
        return true
    }

    private static let quote = UInt8(ascii: "\""), lf = UInt8(ascii: "\n"),
        cr = UInt8(ascii: "\r")

    /// Parses the record that starts at `start` in `buffer[0..<count]`. `atEnd` says whether the
    /// file ends with the buffer (otherwise a record cut off by the buffer's end asks for more).
    /// Eight bytes after `count` must be readable (buffers are padded: ``OwnedBuffer/padding``).
    mutating func parse(_ buffer: ByteView, from start: Int, atEnd: Bool) -> Outcome {
        let count = buffer.count
        if start >= count { return atEnd ? .end : .needMore }
        base = buffer
        storedFields = 0
        extraFields = 0
        hasQuotedField = false
        if let outcome = parseUnquoted(buffer, from: start, atEnd: atEnd) { return outcome }
        storedFields = 0
        extraFields = 0
        hasQuotedField = true
        return parseQuoted(buffer, from: start, atEnd: atEnd)
    }

    /// The common case, a record without quoted fields, found eight bytes at a time: each comma,
    /// quote or line break in a word is a bit of ``ByteMask/csvSpecial(_:delimiter:)``. `nil` when a field
    /// starts with a quote, for ``parseQuoted(_:from:atEnd:)`` to parse the record again.
    @inline(__always)
    private mutating func parseUnquoted(_ buffer: ByteView, from start: Int, atEnd: Bool) -> Outcome? {
        let count = buffer.count
        var fieldStart = start
        var p = start
        // The spans are written through a local pointer and count, room made for a whole word's
        // fields at a time, so the loop keeps them in registers.
        var fields = 0
        defer { storedFields = fields }
        while p < count {
            var mask = ByteMask.csvSpecial(buffer.paddedWord(at: p), delimiter: delimiterWord)
            mask &= ByteMask.firstBytes(count - p)
            if fields + 8 > spanCapacity { makeRoom(8, after: &fields) }
            while mask != 0 {
                let end = p + mask.trailingZeroBitCount >> 3
                mask &= mask &- 1
                let byte = buffer[end]
                if byte == delimiter {
                    spans[fields] = Span(
                        start: Int32(truncatingIfNeeded: fieldStart), end: Int32(truncatingIfNeeded: end))
                    fields += 1
                    fieldStart = end + 1
                } else if byte == CSVRecord.quote {
                    // A quote inside an unquoted field is an ordinary byte; one that opens a field
                    // starts a quoted field.
                    if end == fieldStart { return nil }
                } else {
                    if byte == CSVRecord.cr, end + 1 >= count, !atEnd { return .needMore }
                    spans[fields] = Span(
                        start: Int32(truncatingIfNeeded: fieldStart), end: Int32(truncatingIfNeeded: end))
                    fields += 1
                    let next =
                        byte == CSVRecord.cr && end + 1 < count && buffer[end + 1] == CSVRecord.lf ? end + 2 : end + 1
                    return .record(next: next, newlines: 1)
                }
            }
            p += 8
        }
        guard atEnd else { return .needMore }
        if fields + 1 > spanCapacity { makeRoom(1, after: &fields) }
        spans[fields] = Span(start: Int32(truncatingIfNeeded: fieldStart), end: Int32(truncatingIfNeeded: count))
        fields += 1
        return .record(next: count, newlines: 0)
    }

    /// Any record, a byte at a time, unescaping quoted fields into the scratch buffer.
    private mutating func parseQuoted(_ buffer: ByteView, from start: Int, atEnd: Bool) -> Outcome {
        let count = buffer.count
        var p = start
        scratch.removeAll()
        var newlines = 0
        while true {
            if p < count, buffer[p] == CSVRecord.quote {
                p += 1
                let scratchStart = scratch.count
                var segment = p
                while true {
                    while p < count, buffer[p] != CSVRecord.quote {
                        if buffer[p] == CSVRecord.lf { newlines += 1 }
                        p += 1
                    }
                    if p >= count { return atEnd ? .unclosedQuote : .needMore }
                    scratch.append(buffer.extracting(unchecked: segment..<p))
                    if p + 1 >= count, !atEnd { return .needMore }
                    if p + 1 < count, buffer[p + 1] == CSVRecord.quote {
                        scratch.append(CSVRecord.quote)
                        p += 2
                        segment = p
                        continue
                    }
                    p += 1
                    break
                }
                // Text after a closing quote is kept, as spreadsheets do (`"a"b` reads as `ab`).
                while p < count, buffer[p] != delimiter, buffer[p] != CSVRecord.lf, buffer[p] != CSVRecord.cr {
                    scratch.append(buffer[p])
                    p += 1
                }
                appendSpan(.unescaped(scratchStart, scratch.count))
            } else {
                let fieldStart = p
                while p < count {
                    let byte = buffer[p]
                    if byte == delimiter || byte == CSVRecord.lf || byte == CSVRecord.cr { break }
                    p += 1
                }
                appendSpan(Span(start: Int32(truncatingIfNeeded: fieldStart), end: Int32(truncatingIfNeeded: p)))
            }
            if p >= count { return atEnd ? .record(next: p, newlines: newlines) : .needMore }
            switch buffer[p] {
            case delimiter:
                p += 1
            case CSVRecord.cr:
                if p + 1 >= count, !atEnd { return .needMore }
                p += 1
                if p < count, buffer[p] == CSVRecord.lf { p += 1 }
                return .record(next: p, newlines: newlines + 1)
            default:
                return .record(next: p + 1, newlines: newlines + 1)
            }
        }
    }
}
