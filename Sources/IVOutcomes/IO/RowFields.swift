/// Something that hands out a row's fields as bytes: a CSV record or a decoded JSON line.
protocol RowFields: ~Copyable {
    var fieldCount: Int { get }
    func withField<R>(_ index: Int, _ body: (ByteView) throws -> R) rethrows -> R
    /// A 64-bit fingerprint of the row as read, so that forms which read the same otherwise are
    /// ordered by their content, not by their place in a file. Both ways through a CSV file
    /// compute it with ``CSVRecord/fingerprint()``.
    func fingerprint() -> UInt64
}

extension RowFields where Self: ~Copyable {
    /// ``RowFields/fingerprint()`` of any row: its fields one by one.
    func fingerprint() -> UInt64 {
        var hash = RowFingerprint.seed
        for index in 0..<fieldCount { withField(index) { hash = RowFingerprint.mix(hash, $0) } }
        return hash
    }

    /// Calls `body` with the bytes of a column (empty when there is no such column or the row is short).
    @inline(__always)
    func withCell<R>(_ column: Int?, _ body: (ByteView) throws -> R) rethrows -> R {
        guard let column, column < fieldCount else { return try body(.empty) }
        return try withField(column, body)
    }
}

extension CSVReader: RowFields {}

extension CSVRecord: RowFields {}
