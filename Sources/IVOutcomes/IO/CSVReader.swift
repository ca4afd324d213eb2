#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A streaming RFC 4180 CSV reader that works on bytes.
///
/// It reads the file in chunks, so memory stays flat whatever the file's size, and handles what
/// spreadsheets and form tools export: quoted fields with commas, doubled quotes and line breaks,
/// CRLF or LF line ends, a byte-order mark, and blank lines; semicolon- or tab-separated files
/// when told (``delimiter``); UTF-16 and Windows-1252 converted through ``TextInput``. Every
/// record is checked to be UTF-8 (a file that is not is refused, naming the first bad byte's line
/// and column). Fields are handed out as byte buffers that stay valid until the next call to ``next()``.
///
/// ```swift
/// let reader = try CSVReader(path: "responses.csv")
/// while try reader.next() {
///     print(reader.line, reader.string(at: 0))
/// }
/// ```
final class CSVReader {
    /// The name used in messages.
    let file: String
    private let input: TextInput
    /// The byte between fields (a comma unless the file uses `;` or a tab).
    private(set) var delimiter: UInt8
    /// Whether ``delimiter`` was found from the header rather than given.
    private(set) var delimiterWasGuessed = false
    private let guessesDelimiter: Bool
    /// Where the last record parsed starts in ``buffer``.
    private var recordStart = 0
    /// The bytes read: ``position``..<``count`` are unread.
    private var buffer: OwnedBuffer<UInt8>
    private var capacity: Int { buffer.count }
    private var count = 0
    private var position = 0
    private var atEnd = false
    private var nextLine = 1
    private var record: CSVRecord

    /// The line on which the current record starts (1 for the header).
    private(set) var line = 0

    /// Records longer than this are refused (an unclosed quote would otherwise swallow the file).
    static let maximumRecordLength = 64 * 1_048_576

    /// Opens a file; `-` reads standard input.
    /// - Parameters:
    ///   - encoding: the file's encoding when it is not UTF-8 (a UTF-16 byte-order mark is enough).
    ///   - delimiter: the byte between fields; `nil` for a comma, or the semicolon or tab of a
    ///     header that has no comma but one of those (see ``delimiterWasGuessed``).
    convenience init(
        path: String, chunkSize: Int = 1 << 20, encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil
    ) throws(InputError) {
        try self.init(input: TextInput(path: path, encoding: encoding), chunkSize: chunkSize, delimiter: delimiter)
    }

    /// Reads CSV from a file or from text held in memory.
    convenience init(
        _ source: TextSource, chunkSize: Int = 1 << 20, encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil
    ) throws(InputError) {
        try self.init(input: TextInput(source, encoding: encoding), chunkSize: chunkSize, delimiter: delimiter)
    }

    private init(input: TextInput, chunkSize: Int, delimiter: CSVDelimiter?) {
        file = input.file
        self.input = input
        self.delimiter = (delimiter ?? .comma).byte
        guessesDelimiter = delimiter == nil
        record = CSVRecord(delimiter: self.delimiter)
        buffer = OwnedBuffer(repeating: 0, count: max(chunkSize, 64))
    }

    /// The file's encoding (UTF-16 when its byte-order mark says so).
    var encoding: TextEncoding { input.encoding }

    /// How the file was read when it is not plain comma-separated UTF-8, for a note to the user
    /// (`"converted from utf-16; read as semicolon-separated (the header has no commas)"`), else `nil`.
    var formatNote: String? {
        var parts: [String] = []
        if encoding != .utf8 { parts.append("converted from \(encoding.rawValue)") }
        if delimiterWasGuessed {
            let name = delimiter == CSVDelimiter.tab.byte ? "tab" : "semicolon"
            parts.append("read as \(name)-separated (the header has no commas; --delimiter chooses)")
        }
        return parts.isEmpty ? nil : parts.joined(separator: "; ")
    }

    static func errorText(_ code: Int32) -> String { TextInput.errorText(code) }

    /// The number of fields in the current record.
    /// Fields past the first 65,536 of a record are counted here but can't be read (no
    /// questionnaire has that many columns; a runaway row of delimiters stays small in memory).
    var fieldCount: Int { record.fieldCount }

    /// Calls `body` with the bytes of field `index` of the current record.
    @inline(__always)
    func withField<R>(_ index: Int, _ body: (ByteView) throws -> R) rethrows -> R {
        try body(record.field(index))
    }

    func fingerprint() -> UInt64 { record.fingerprint() }

    /// Field `index` of the current record as a string (invalid UTF-8 is repaired).
    func string(at index: Int) -> String {
        withField(index) { String(decoding: $0) }
    }

    /// Reads the header: the first record that is not blank.
    /// - Throws: ``InputError/empty(file:)`` when the file has none.
    func readHeader() throws(InputError) -> [String] {
        while try next() {
            if isBlankRecord { continue }
            if guessesDelimiter, fieldCount == 1, let guess = CSVReader.delimiter(ofHeaderField: record.field(0)) {
                // Read the header again with the delimiter it uses.
                delimiter = guess.byte
                delimiterWasGuessed = true
                record = CSVRecord(delimiter: delimiter)
                position = recordStart
                nextLine = line
                guard try next() else { break }
            }
            guard record.extraFields == 0 else {
                throw .tooManyColumns(file: file, limit: CSVRecord.maximumStoredFields)
            }
            return (0..<fieldCount).map { string(at: $0) }
        }
        throw .empty(file: file)
    }

    /// A semicolon or tab, for a header read with commas that is one field holding one of them
    /// (a European Excel or a tab-separated export), else `nil`.
    private static func delimiter(ofHeaderField field: ByteView) -> CSVDelimiter? {
        let semicolons = field.lazy.filter { $0 == CSVDelimiter.semicolon.byte }.count
        let tabs = field.lazy.filter { $0 == CSVDelimiter.tab.byte }.count
        if semicolons == 0, tabs == 0 { return nil }
        return tabs > semicolons ? .tab : .semicolon
    }

    /// The position of each non-empty header name (already trimmed and lower-cased).
    /// - Throws: ``InputError/duplicateColumn(file:column:first:second:)`` for a name given twice.
    static func columnPositions(_ names: [String], file: String) throws(InputError) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (index, name) in names.enumerated() where !name.isEmpty {
            if let first = positions[name] {
                throw .duplicateColumn(file: file, column: name, first: first + 1, second: index + 1)
            }
            positions[name] = index
        }
        return positions
    }

    /// Whether every field of the current record is empty or spaces (such as `,,,` from a spreadsheet).
    var isBlankRecord: Bool { record.isBlank }

    /// Advances to the next record. Returns `false` at the end of the file.
    func next() throws(InputError) -> Bool {
        while true {
            switch try parseRecord() {
            case .record: return true
            case .end: return false
            case .unclosedQuote: throw .unclosedQuote(file: file, line: nextLine)
            case .needMore: try refill()
            }
        }
    }

    /// Parses the record at ``position`` into ``record`` (one exclusive access for the whole parse).
    private func parseRecord() throws(InputError) -> CSVRecord.Outcome {
        let (outcome, bad) = buffer.withView(count: count) { bytes in
            let outcome = record.parse(bytes, from: position, atEnd: atEnd)
            guard case .record(let next, _) = outcome else { return (outcome, nil as InputError?) }
            let record = bytes.extracting(position..<next)
            guard let bad = UTF8Check.firstInvalidByte(in: record) else { return (outcome, nil) }
            return (outcome, CSVReader.notUTF8(file: file, record, at: bad, firstLine: nextLine))
        }
        if let bad { throw bad }
        if case .record(let next, let newlines) = outcome {
            recordStart = position
            position = next
            line = nextLine
            nextLine += newlines
        }
        return outcome
    }

    /// The error for the byte at `offset` of `bytes`, which start on line `firstLine`, that is not UTF-8.
    static func notUTF8(file: String, _ bytes: ByteView, at offset: Int, firstLine: Int) -> InputError {
        let (lines, column) = UTF8Check.location(of: offset, in: bytes)
        return .badEncoding(
            file: file, line: firstLine + lines, column: column,
            message: "not UTF-8: " + UTF8Check.diagnosis(of: bytes, at: offset))
    }

    /// Moves the unread part of the buffer to the front and reads more, growing the buffer when a
    /// single record fills it.
    private func refill() throws(InputError) {
        compact()
        if count == capacity { try grow() }
        try readOnce()
    }

    /// Calls `body` with the unread input in blocks of about `blockSize` bytes (less at the end)
    /// until the file is read, for callers that parse many records at once. `body` gets the bytes,
    /// whether the file ends with them, the line they start on, and a ``ReadAhead`` to run once
    /// on any thread while it works (it reads the next bytes into a second buffer, so reading
    /// overlaps parsing); it returns how many bytes of whole records it consumed and how many
    /// line breaks those held. When it consumes nothing, the block grows (a record longer than a
    /// block), up to ``maximumRecordLength``.
    func forEachBlock(
        blockSize: Int,
        _ body: (ByteView, _ atEnd: Bool, _ firstLine: Int, ReadAhead) throws -> (consumed: Int, newlines: Int)
    ) throws {
        compact()
        while capacity < blockSize { try grow() }
        var spare = OwnedBuffer<UInt8>(repeating: 0, count: capacity)
        // Bytes read ahead into `spare` that did not fit the buffer yet: they come before the file.
        var pending = 0..<0
        while true {
            if !pending.isEmpty {
                let moved = min(pending.count, capacity - count)
                buffer.copyElements(of: spare, pending.lowerBound..<(pending.lowerBound + moved), to: count)
                count += moved
                pending = (pending.lowerBound + moved)..<pending.upperBound
            }
            while pending.isEmpty, count < capacity, !atEnd { try readOnce() }
            let blockEndsFile = atEnd && pending.isEmpty
            if position >= count, blockEndsFile { return }
            if pending.isEmpty, spare.count != capacity {
                spare = OwnedBuffer(repeating: 0, count: capacity)
            }
            // Bytes read ahead go after room for the unread end of this block (usually part of a
            // record), which is then copied in front of them. Nothing is read ahead while bytes
            // read before are still waiting in the spare buffer.
            let front = min(1 << 16, capacity / 4)
            let limit = pending.isEmpty && !atEnd ? capacity - front : 0
            // Converted text is read on this thread only (``TextInput`` holds state).
            let direct = input.isDirect
            let ahead = ReadAhead(
                descriptor: input.descriptor, into: spare, at: front, limit: direct ? limit : 0,
                atEnd: !direct || limit == 0)
            let (consumed, newlines) = try buffer.withView(position..<count) { block in
                try body(block, blockEndsFile, nextLine, ahead)
            }
            spare = ahead.takeBuffer()
            position += consumed
            nextLine += newlines
            if blockEndsFile, position >= count { return }
            if let code = ahead.failure { throw InputError.unreadable(file: file, reason: CSVReader.errorText(code)) }
            let unread = count - position
            if ahead.done, direct, limit > 0, consumed > 0, unread <= front {
                // The next block, in the spare buffer: the unread end of this one, then the bytes read ahead.
                spare.copyElements(of: buffer, position..<count, to: front - unread)
                swap(&buffer, &spare)
                position = front - unread
                count = front + ahead.count
                atEnd = ahead.atEnd
                continue
            }
            compact()
            if consumed == 0 { try grow() }
            if ahead.done, direct, limit > 0 {
                // Too much was left unread to go in front: the bytes read ahead follow as room allows.
                pending = front..<(front + ahead.count)
                atEnd = ahead.atEnd
            }
        }
    }

    private func compact() {
        guard position > 0 else { return }
        let unread = count - position
        buffer.moveElements(position..<count, to: 0)
        position = 0
        count = unread
    }

    private func grow() throws(InputError) {
        guard capacity < CSVReader.maximumRecordLength else {
            throw .recordTooLong(file: file, line: nextLine, limit: CSVReader.maximumRecordLength)
        }
        buffer.grow(to: capacity * 2, keeping: count, filling: 0)
    }

    private func readOnce() throws(InputError) {
        let got = try buffer.withMutableView(count..<capacity) { (room) throws(InputError) in try input.read(into: room)
        }
        if got == 0 { atEnd = true }
        count += got
    }
}

/// The next bytes of a file, read into a buffer of their own while the reader's caller works on
/// the block before (see ``CSVReader/forEachBlock(blockSize:_:)``). Its results are read once
/// the caller has waited for the work it ran on.
///
/// It holds the reader's spare buffer while it reads (``takeBuffer()`` hands it back), so the
/// memory it fills on another thread is its own.
// Unchecked: the buffer it fills on another thread is its own until the caller has waited for it.
final class ReadAhead: @unchecked Sendable {
    private let descriptor: Int32
    private var buffer: OwnedBuffer<UInt8>?
    private let start: Int
    private let limit: Int
    private(set) var count = 0
    /// Whether the file ends with these bytes.
    private(set) var atEnd: Bool
    /// The `errno` of a failed read.
    private(set) var failure: Int32?
    private(set) var done = false

    init(descriptor: Int32, into buffer: consuming OwnedBuffer<UInt8>, at start: Int, limit: Int, atEnd: Bool) {
        self.descriptor = descriptor
        self.buffer = .some(buffer)
        self.start = start
        self.limit = limit
        self.atEnd = atEnd
    }

    /// Reads up to the limit or the end of the file; only the first call reads.
    func read() {
        guard !done else { return }
        done = true
        guard let owned = buffer.take() else { return }
        while count < limit, !atEnd {
            let got = owned.withMutableView((start + count)..<(start + limit)) {
                SystemCalls.read(descriptor, into: $0)
            }
            if got < 0 {
                if errno == EINTR { continue }
                failure = errno
                break
            }
            if got == 0 { atEnd = true }
            count += got
        }
        buffer = .some(owned)
    }

    /// The buffer, once the read is over (or was never started).
    func takeBuffer() -> OwnedBuffer<UInt8> { buffer.take()! }
}
