import struct Foundation.Data

/// Reads administrations from a CSV, JSON Lines or FHIR file and scores each row as it streams by.
///
/// Memory stays flat whatever the file's size. Every row is either scored or comes with the
/// problems that explain why not (file, line, column and value), so rows read always equal rows
/// scored plus rows reported. Rows whose every cell is blank (`,,,,` from a spreadsheet) are
/// skipped and counted in ``blankRowsSkipped``.
///
/// ```swift
/// let reader = try ResponseFileReader(path: "responses.csv", catalog: try .builtIn)
/// try reader.forEachRow { row in
///     print(row.line, row.status, row.scores.map { $0.value ?? .nan })
/// }
/// ```
public final class ResponseFileReader: ScoredRowSource {
    /// The file's path, or the name given to text read from memory.
    public let file: String
    /// Whether the text is held in memory rather than read from a file.
    let isInMemory: Bool
    let layout: ResponseLayout
    /// The rows, in the file's format.
    let source: any RowSource
    var state: RowState
    /// Whether CSV-to-CSV scoring may take its fast path (the tests turn it off to compare).
    var usesFastPath = true
    /// How many bytes of CSV are read per round of lanes (smaller in tests, to make many rounds).
    var blockSize = ResponseFileReader.standardBlockSize
    /// Parts of blocks whose lanes' work was thrown away because the part before did not end
    /// where they started (the tests check that record boundaries make this 0).
    var partsRedone = 0
    /// Blank lines and rows of empty cells that were skipped.
    public internal(set) var blankRowsSkipped = 0

    /// Opens a file and reads its header.
    /// - Throws: ``InputError`` when the file can't be read or its header lacks a required column.
    public convenience init(path: String, catalog: InstrumentCatalog, options: ReadingOptions = ReadingOptions())
        throws(InputError)
    {
        try self.init(.file(path), catalog: catalog, options: options, chunkSize: 1 << 20)
    }

    /// Reads CSV or JSON Lines held in memory, such as an upload a server received.
    ///
    /// The format is ``ReadingOptions/format``, or the one `name` suggests (CSV unless it ends
    /// in `.jsonl` or `.ndjson`); problems name the input `name`.
    ///
    /// ```swift
    /// let reader = try ResponseFileReader(data: upload, name: "upload.csv", catalog: catalog)
    /// ```
    /// - Throws: ``InputError`` when the text can't be read or its header lacks a required column.
    public convenience init(
        data: Data, name: String = "input", catalog: InstrumentCatalog, options: ReadingOptions = ReadingOptions()
    ) throws(InputError) {
        try self.init(.memory(name: name, bytes: [UInt8](data)), catalog: catalog, options: options, chunkSize: 1 << 20)
    }

    /// Reads CSV or JSON Lines text held in memory (see ``init(data:name:catalog:options:)``).
    ///
    /// ```swift
    /// let csv = "child_id,administered_on,instrument,wemwbs_1\nC1,2026-02-10,wemwbs,4\n"
    /// let reader = try ResponseFileReader(text: csv, name: "app.csv", catalog: catalog)
    /// ```
    public convenience init(
        text: String, name: String = "input", catalog: InstrumentCatalog, options: ReadingOptions = ReadingOptions()
    ) throws(InputError) {
        try self.init(
            .memory(name: name, bytes: Array(text.utf8)), catalog: catalog, options: options, chunkSize: 1 << 20)
    }

    /// Opens a file, reading CSV `chunkSize` bytes at a time (at least ``blockSize`` through lanes).
    convenience init(path: String, catalog: InstrumentCatalog, options: ReadingOptions, chunkSize: Int)
        throws(InputError)
    {
        try self.init(.file(path), catalog: catalog, options: options, chunkSize: chunkSize)
    }

    init(_ input: TextSource, catalog: InstrumentCatalog, options: ReadingOptions, chunkSize: Int) throws(InputError) {
        let path = input.name
        file = path
        if case .memory = input { isInMemory = true } else { isInMemory = false }
        let format = options.format ?? InputFormat.detect(input)
        let opened = try format.open(input, catalog: catalog, options: options, chunkSize: chunkSize)
        layout = try ResponseLayout(file: path, header: opened.header, catalog: catalog, options: options)
        source = opened.rows
        state = RowState(layout: layout)
    }

    /// How the file was read when it is not plain comma-separated UTF-8 (see `CSVReader.formatNote`).
    public var formatNote: String? { source.formatNote }

    /// Header cells that are neither a base column nor an item of any instrument: ignored.
    public var unknownColumns: [String] {
        source.hasHeader ? layout.unknownColumns.map(\.name) : source.unknownKeys
    }

    /// For FHIR input, the resources skipped because they are not QuestionnaireResponses, by
    /// `resourceType` (such as a Bundle's Patient entries); empty for other input.
    public var ignoredResources: [String: Int] { source.ignoredRecords }

    /// The header cells read, each with the field it holds: by name, by the column mapping
    /// (``ReadingOptions/columns``) or by its question text (a survey tool's export). Every other
    /// column is in ``unknownColumns`` and never read.
    public var matchedColumns: [MatchedColumn] { layout.matchedColumns }

    /// The rows of the column mapping (``ReadingOptions/columns``) whose header no column of
    /// this file has: a sign of a mapping made for another export, or a header edited since.
    public var unusedColumnMappings: [ColumnMapping.Entry] {
        guard source.hasHeader, let mapping = layout.options.columns else { return [] }
        let used = Set(layout.matchedColumns.filter { $0.how == .mapping }.map { ColumnMatcher.key($0.header) })
        return mapping.entries.filter { !used.contains(ColumnMatcher.key($0.header)) }
    }

    /// The items of the file's instruments that no column holds, per instrument: every row of
    /// that instrument lacks their answers (reported as missing, row by row, never read as blank
    /// answers without a word). Empty for JSON Lines and FHIR, whose rows name their answers.
    ///
    /// ```swift
    /// for (instrument, items) in reader.itemsWithoutColumn { print(instrument, items) }
    /// ```
    public var itemsWithoutColumn: [(instrument: InstrumentID, items: [ItemID])] {
        source.hasHeader ? layout.itemsWithoutColumn : []
    }

    /// Reads and scores the next row into ``state``. Returns `false` at the end of the file.
    func nextRow() throws(InputError) -> Bool {
        guard try source.next(blankRows: &blankRowsSkipped) else { return false }
        layout.scoreRow(source, line: source.line, into: &state)
        addDecodeProblems(source.decodeProblems)
        return true
    }

    /// Problems found decoding a row (JSON) make it invalid, before the problems scoring found.
    private func addDecodeProblems(_ problems: [RowDecodeProblem]) {
        guard !problems.isEmpty else { return }
        let line = state.line
        state.status = .invalid
        state.problems.insert(
            contentsOf: problems.map {
                RowProblem(code: $0.code, file: file, line: line, column: $0.column, message: $0.message)
            },
            at: 0)
        if state.engine >= 0 {
            for index in state.outcomes[state.engine].indices {
                state.outcomes[state.engine][index] = ScaleOutcome(reason: .invalidAnswers)
            }
        }
    }

    /// Calls `body` with the bytes of a base column of the current row (empty when absent).
    func withBaseField<R>(_ column: Int?, _ body: (ByteView) throws -> R) rethrows -> R {
        try source.withCell(column, body)
    }

    /// The current row as a value.
    var currentRow: ScoredRow {
        let text = { (column: Int?) in self.withBaseField(column) { String(decoding: $0, as: UTF8.self) }.trimmingSpaces
        }
        let engine = state.engine >= 0 ? layout.engines[state.engine] : nil
        let scores = engine.map { engine in
            state.outcomes[state.engine].indices.map { engine.scaleScore(at: $0, state.outcomes[state.engine][$0]) }
        }
        var row = ScoredRow(
            line: state.line, childID: ChildID(rawValue: text(layout.childColumn)),
            childIDText: text(layout.childColumn), administeredOn: state.date,
            instrument: engine?.instrument.id ?? InstrumentID(text(layout.instrumentColumn)),
            isKnownInstrument: engine != nil, status: state.status, scores: scores ?? [], problems: state.problems)
        row.origin = source.origin
        return row
    }

    /// Calls `body` with every row, scored, in file order.
    ///
    /// - Throws: ``InputError`` when the input can't be read, and whatever `body` throws (so
    ///   this is untyped: a caller's closure may throw its own errors).
    public func forEachRow(_ body: (ScoredRow) throws -> Void) throws {
        while try nextRow() { try body(currentRow) }
    }
}
