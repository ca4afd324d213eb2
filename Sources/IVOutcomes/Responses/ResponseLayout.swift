/// How the columns of one response file map onto the catalogue's instruments, worked out once
/// from the header so that each row costs only array lookups.
final class ResponseLayout {
    let file: String
    let columnNames: [String]
    let childColumn: Int
    let dateColumn: Int
    let instrumentColumn: Int?
    /// Header cells that are neither a base column nor an item id, as (1-based position, name).
    let unknownColumns: [(position: Int, name: String)]
    /// The header cells read, each with its field (``ColumnMatcher``).
    let matchedColumns: [MatchedColumn]
    let engines: [ScoringEngine]
    /// Per engine, per item position: the column holding its answers, or -1.
    let itemColumns: [[Int]]
    /// Per engine: item columns of the file that belong to other instruments only.
    let foreignColumns: [[Int]]
    /// Lower-cased instrument ids as bytes, per engine, to match the instrument cell without a string.
    private let instrumentKeys: [[UInt8]]
    let defaultEngine: Int?
    /// Engines whose items appear in the file (or the default one), in output order.
    let presentEngines: [Int]
    let options: ReadingOptions

    /// Builds the layout from header names.
    /// - Throws: ``InputError`` when a required column is missing or named twice.
    init(file: String, header: [String], catalog: InstrumentCatalog, options: ReadingOptions) throws(InputError) {
        self.file = file
        self.options = options
        let matches = try ColumnMatcher.match(
            header: header, catalog: catalog, mapping: options.columns, instrument: options.instrument, file: file)
        matchedColumns = matches.compactMap { $0 }
        // Each column by the field it holds; a column holding none keeps its header (never read).
        let names = zip(header, matches).map { cell, match in match?.field ?? cell.trimmingSpaces.lowercased() }
        columnNames = names
        let positions = try CSVReader.columnPositions(names, file: file)
        let knownItems = Set(catalog.instruments.flatMap { $0.items.map(\.id.rawValue) })
        func require(_ column: String, _ hint: String) throws(InputError) -> Int {
            guard let index = positions[column] else {
                let others = names.filter { !knownItems.contains($0) && !$0.isEmpty }
                let near =
                    closestMatch(to: column, in: others)
                    ?? others.first { ($0.count >= 3 && column.hasPrefix($0)) || $0.hasPrefix(column) }
                let found =
                    near.map {
                        "; found '\($0)': rename it to '\(column)', or map it with --columns MAPPING.csv (a row \"\($0)\",\(column))"
                    } ?? hint
                throw .missingColumn(file: file, column: column, hint: found)
            }
            return index
        }
        childColumn = try require(ResponseColumns.child, " (every row needs a child's pseudonymous id)")
        dateColumn = try require(ResponseColumns.date, " (the date each form was completed, as YYYY-MM-DD)")
        instrumentColumn = positions[ResponseColumns.instrument]
        if instrumentColumn == nil, options.instrument == nil {
            _ = try require(
                ResponseColumns.instrument, " (or pass --instrument ID when every row is the same instrument)")
        }
        unknownColumns = matches.enumerated().compactMap { index, match in
            match == nil ? (index + 1, header[index]) : nil
        }
        let engines = catalog.instruments.map {
            ScoringEngine(instrument: $0, options: options.scoring, translations: catalog.translations(of: $0.id))
        }
        let itemColumns = engines.map { engine in engine.items.map { positions[$0.id.rawValue] ?? -1 } }
        let allItemColumns = Set(names.indices.filter { knownItems.contains(names[$0]) })
        let defaultEngine = options.instrument.flatMap { id in engines.firstIndex { $0.instrument.id == id } }
        // Output order: by the first column of each instrument's items, larger instruments first on ties.
        let present = engines.indices.filter { index in
            index == defaultEngine || itemColumns[index].contains { $0 >= 0 }
        }
        let firstColumn = { (index: Int) in itemColumns[index].filter { $0 >= 0 }.min() ?? Int.max }
        presentEngines = present.sorted {
            (firstColumn($0), -engines[$0].items.count, $0) < (firstColumn($1), -engines[$1].items.count, $1)
        }
        self.engines = engines
        self.itemColumns = itemColumns
        self.defaultEngine = defaultEngine
        foreignColumns = itemColumns.map { own in allItemColumns.subtracting(own).sorted() }
        instrumentKeys = engines.map { Array($0.instrument.id.rawValue.lowercased().utf8) }
    }

    /// The rule for which engine scores a row: the one its instrument cell names (`named`:
    /// trimmed, case-insensitive; a blank cell takes `--instrument`), or `--instrument` for a file
    /// without an instrument column; `nil` for none. `named` is ``engineIndex(named:)`` or a
    /// cache around it (the fast path's).
    @inline(__always)
    func engineIndex(instrumentCell cell: ByteView?, named: (ByteView) -> Int?) -> Int? {
        guard let cell else { return defaultEngine }
        return named(cell)
    }

    /// The items no column of the file holds, per instrument the file is for: `--instrument`'s
    /// in a file without an instrument column, else each present one, except one whose columns
    /// another present instrument that has all its items explains (the SWEMWBS items of a
    /// SWEMWBS file are WEMWBS items too).
    var itemsWithoutColumn: [(instrument: InstrumentID, items: [ItemID])] {
        let missing = { (index: Int) in self.engines[index].items.indices.filter { self.itemColumns[index][$0] < 0 } }
        let complete = presentEngines.filter { missing($0).isEmpty }
        let candidates = instrumentColumn == nil ? (defaultEngine.map { [$0] } ?? []) : presentEngines
        return candidates.compactMap { index in
            let absent = missing(index)
            let present = Set(itemColumns[index].filter { $0 >= 0 })
            guard !absent.isEmpty, !complete.contains(where: { present.isSubset(of: itemColumns[$0]) }) else {
                return nil
            }
            return (engines[index].instrument.id, absent.map { engines[index].items[$0].id })
        }
    }

    /// The engine named by an instrument cell (trimmed, case-insensitive), or `nil`.
    func engineIndex(named bytes: ByteView) -> Int? {
        let range = CellText.trimmedRange(bytes)
        let (start, end) = (range.lowerBound, range.upperBound)
        if start == end { return defaultEngine }
        candidates: for (index, key) in instrumentKeys.enumerated() where key.count == end - start {
            for offset in 0..<key.count {
                var byte = bytes[start + offset]
                if byte >= 65, byte <= 90 { byte += 32 }
                if byte != key[offset] { continue candidates }
            }
            return index
        }
        return nil
    }
}

/// The working state of one row, reused from row to row so the hot path allocates nothing.
struct RowState {
    var line = 0
    var engine = -1
    var status = ScoreStatus.invalid
    var date: CalendarDate?
    /// Per engine, the resolved answers (sized to that engine's items).
    var answers: [[ResolvedAnswer]]
    var outcomes: [[ScaleOutcome]]
    var problems: [RowProblem] = []
    /// Whether row-level problems (id, date, instrument, field count) were found.
    var rowInvalid = false

    /// A state with no room for answers, to stand in while the real one is moved out.
    init(placeholder: ()) {
        answers = []
        outcomes = []
    }

    init(layout: ResponseLayout) {
        answers = layout.engines.map { [ResolvedAnswer](repeating: .blank, count: $0.items.count) }
        outcomes = layout.engines.map { [ScaleOutcome](repeating: ScaleOutcome(), count: $0.scales.count) }
        problems.reserveCapacity(16)
    }
}

extension ResponseLayout {
    /// The general path's row scorer: validates and scores one row of any format into `state`.
    /// Every row goes through it except the CSV rows the fast path (``FastRowScorer``) scores
    /// itself from tables prepared from the same rules; the rows it cannot take come here.
    func scoreRow<Row: RowFields & ~Copyable>(_ row: borrowing Row, line: Int, into state: inout RowState) {
        state.line = line
        state.problems.removeAll(keepingCapacity: true)
        state.rowInvalid = false
        state.date = nil
        state.engine = -1
        let fieldCount = row.fieldCount
        if !hasEveryColumn(fieldCount) {
            state.rowInvalid = true
            state.status = .invalid
            state.problems.append(
                RowProblem(
                    code: .rowFieldCount, file: file, line: line, column: nil,
                    message:
                        "\(fieldCount) fields, but the header has \(columnNames.count) columns; nothing in this row was scored (check for an unquoted comma)"
                ))
            return
        }
        checkChildAndDate(of: row, into: &state)
        guard let engineIndex = engine(of: row, into: &state) else { return }
        state.engine = engineIndex
        let foreign = resolveAnswers(of: row, engine: engineIndex, into: &state)
        let engine = engines[engineIndex]
        let status = engine.compute(
            state.answers[engineIndex], forceInvalid: state.rowInvalid || !foreign.isEmpty,
            into: &state.outcomes[engineIndex])
        state.status = status
        guard status != .scored || hasScaleNotes(engineIndex, state) else { return }
        explain(row, engine: engineIndex, foreign: foreign, into: &state)
    }

    /// The child id (``ChildID/problem(in:)``) and the date (one that parses, within the expected dates).
    private func checkChildAndDate<Row: RowFields & ~Copyable>(of row: borrowing Row, into state: inout RowState) {
        let line = state.line
        if let reason = row.withField(childColumn, { ChildID.problem(in: $0) }) {
            state.rowInvalid = true
            let error = ChildIDError(reason: reason)
            state.problems.append(
                RowProblem(
                    code: error.code, file: file, line: line, column: ResponseColumns.child,
                    message: error.description))
        }
        state.date = row.withField(dateColumn) { options.dateFormat.parse($0) }
        if let date = state.date {
            if let message = unexpectedDateMessage(dateSide(date)) {
                state.problems.append(
                    RowProblem(
                        code: .dateOutOfRange, file: file, line: line, column: ResponseColumns.date,
                        message: message))
            }
        } else {
            state.rowInvalid = true
            let text = row.withField(dateColumn) { String(decoding: $0) }
            state.problems.append(
                RowProblem(
                    code: .dateInvalid, file: file, line: line, column: ResponseColumns.date, value: text,
                    message: options.dateFormat.problem(with: text)))
        }
    }

    /// The engine the instrument cell (or `--instrument`) names; `nil`, with the row marked
    /// invalid and its problem, when it names none.
    private func engine<Row: RowFields & ~Copyable>(of row: borrowing Row, into state: inout RowState) -> Int? {
        let chosen: Int?
        if let instrumentColumn {
            chosen = row.withField(instrumentColumn) { engineIndex(instrumentCell: $0, named: engineIndex(named:)) }
        } else {
            chosen = engineIndex(instrumentCell: nil, named: engineIndex(named:))
        }
        if let chosen { return chosen }
        state.rowInvalid = true
        state.status = .invalid
        let text = instrumentColumn.map { column in row.withField(column) { String(decoding: $0) } } ?? ""
        let known = engines.map(\.instrument.id.rawValue)
        let message =
            text.trimmingSpaces.isEmpty
            ? "empty (name the instrument, one of \(known.joined(separator: ", ")), or pass --instrument ID)"
            : "unknown instrument \"\(text.trimmingSpaces)\"\(suggestion(for: text.trimmingSpaces.lowercased(), in: known)) (known: \(known.joined(separator: ", ")))"
        state.problems.append(
            RowProblem(
                code: text.trimmingSpaces.isEmpty ? .instrumentMissing : .instrumentUnknown, file: file,
                line: state.line, column: ResponseColumns.instrument, value: text, message: message))
        return nil
    }

    /// Resolves the engine's answers into `state`, and returns the answers in other instruments'
    /// columns (which make the row invalid).
    private func resolveAnswers<Row: RowFields & ~Copyable>(
        of row: borrowing Row, engine engineIndex: Int, into state: inout RowState
    ) -> [AnswerProblem] {
        let engine = engines[engineIndex]
        let columns = itemColumns[engineIndex]
        state.answers[engineIndex].withMutableView { answers in
            for position in 0..<columns.count {
                let column = columns[position]
                answers[position] =
                    column < 0 ? .blank : row.withField(column) { engine.resolve(utf8: $0, item: position) }
            }
        }
        var foreign: [AnswerProblem] = []
        for column in foreignColumns[engineIndex] {
            let item = ItemID(columnNames[column])
            if let problem = row.withField(column, { ScoringEngine.unknownItemProblem(item: item, answer: $0) }) {
                foreign.append(problem)
            }
        }
        return foreign
    }

    /// The problems of a row that is not plainly scored, in column order: its answers', then
    /// its scales'.
    private func explain<Row: RowFields & ~Copyable>(
        _ row: borrowing Row, engine engineIndex: Int, foreign: [AnswerProblem], into state: inout RowState
    ) {
        let engine = engines[engineIndex]
        let line = state.line
        let rawTexts = itemColumns[engineIndex].map { column in
            column < 0 ? "" : row.withField(column) { String(decoding: $0) }
        }
        for problem in engine.answerProblems(state.answers[engineIndex], rawAnswers: { rawTexts[$0] }) + foreign {
            state.problems.append(problem.rowProblem(file: file, line: line))
        }
        for (index, outcome) in state.outcomes[engineIndex].enumerated() {
            if let problem = engine.scaleRowProblem(at: index, outcome, file: file, line: line) {
                state.problems.append(problem)
            }
        }
    }

    /// The rule for a row's shape: it has exactly the header's number of fields (anything else
    /// is likely an unquoted comma, and nothing in the row is scored).
    @inline(__always)
    func hasEveryColumn(_ fieldCount: Int) -> Bool { fieldCount == columnNames.count }

    /// Where a date falls against ``ReadingOptions/expectedDates``.
    enum DateSide: Int {
        case expected, before, after
    }

    @inline(__always)
    func dateSide(_ date: CalendarDate) -> DateSide {
        guard let range = options.expectedDates else { return .expected }
        return date < range.lowerBound ? .before : date > range.upperBound ? .after : .expected
    }

    /// The problem of a date outside ``ReadingOptions/expectedDates``: the row is still scored.
    /// No date in the text (the row has it), so the fast path writes it from prepared bytes.
    func unexpectedDateMessage(_ side: DateSide) -> String? {
        guard let range = options.expectedDates else { return nil }
        switch side {
        case .expected: return nil
        case .before: return "before \(range.lowerBound): scored but left out by change and report (check the year)"
        case .after: return "after \(range.upperBound): scored but left out by change and report (check the year)"
        }
    }

    /// Whether a scored row still has something to say (a prorated scale).
    private func hasScaleNotes(_ engine: Int, _ state: RowState) -> Bool {
        state.outcomes[engine].contains { $0.prorated }
    }
}
