/// The lean path of CSV scoring for the rows that make up almost every real file: the right
/// number of fields, a child id, a date, a known instrument, and answers that are codes, blank or
/// declined.
///
/// It scores with the same ``ScoringEngine`` and writes with the same ``ScoreWriter`` as the
/// general path, but reads the answers through tables prepared once and writes the usual problem
/// texts ("wemwbs_5: no answer", a scale's "not scored" message) from prepared bytes, so a row
/// costs no strings and no reference counting. A row it can't take whole (a wrong field count,
/// a bad date or instrument, an invalid answer, answers to another instrument's items, a prorated
/// score) is handed back untouched, for the general path to score and explain: both paths write
/// byte-identical rows, which the tests check.
final class FastRowScorer {
    /// A row the fast path took: its engine, status and date, and how many problems it has (they
    /// are ``problem(_:)`` 0 up to that); its answers and scale outcomes are in the scorer until
    /// the next row (``withOutcomes(of:_:)``, ``appendValues(of:to:)``, ``appendCodes(of:to:)``).
    struct Evaluation {
        let engine: Int
        let status: ScoreStatus
        let date: CalendarDate
        let problems: Int
        let itemCount: Int
        let scaleCount: Int
    }

    struct EnginePlan {
        var firstItem: Int
        var itemCount: Int
        var firstForeign: Int
        var foreignCount: Int
        var firstScale: Int
        var scaleCount: Int
    }

    private let layout: ResponseLayout
    private let writer: ScoreWriter
    private let plans: FixedArray<EnginePlan>
    private let engines: FixedArray<ScoringEngine>
    private let kernels: FixedArray<ScoringKernel>
    private let dateFormat: DateFormat
    /// A problem text as the fast path knows it.
    enum PreparedText: Equatable {
        /// The answer or date is not a problem.
        case notAProblem
        /// The text needs quoting or neutralising in CSV: the general path writes it.
        case leftToGeneralPath
        /// A text of ``problemTexts``, by number.
        case text(Int)
    }

    /// The problem text of a date before and after the expected dates (``ResponseLayout/unexpectedDateMessage(_:)``).
    private let dateProblem: FixedArray<PreparedText>
    /// Per item (all engines' items in a row): its column, or -1.
    private let itemColumns: FixedArray<Int>
    /// Per item, what each single digit 0-9 resolves to.
    private let digitAnswers: FixedArray<ResolvedAnswer>
    /// Per item, the problem text of a blank and of a declined answer.
    private let blankProblem: FixedArray<PreparedText>
    private let declinedProblem: FixedArray<PreparedText>
    private let foreignColumns: FixedArray<Int>
    /// Per scale (all engines' scales in a row): the problem text for 0 missing answers (the texts
    /// for 1, 2, ... missing follow it in ``problemTexts``), and for "its source was not scored".
    private let firstMissingProblem: FixedArray<PreparedText>
    private let sourceProblem: FixedArray<PreparedText>
    private let scaleItemCounts: FixedArray<Int>
    private let problemTexts: FrozenTextPool
    /// Per problem text, the problem it is (without a line), for ``RowProblem`` values.
    private let problemParts: [RowProblem]
    private let answers: OwnedBuffer<ResolvedAnswer>
    private let outcomes: OwnedBuffer<ScaleOutcome>
    /// The prepared texts of the last row's problems.
    private let found: OwnedBuffer<Int>
    /// The last instrument cell that named an engine: its bytes as two words, its length, the engine.
    private let lastInstrument = OwnedBuffer<UInt64>(repeating: .max, count: 4)

    private static var noBytes: ByteView { .empty }

    init(layout: ResponseLayout, writer: ScoreWriter) {
        self.layout = layout
        self.writer = writer
        var tables = Tables()
        for (index, engine) in layout.engines.enumerated() { tables.add(engine, index: index, of: layout) }
        dateProblem = FixedArray(
            [ResponseLayout.DateSide.expected, .before, .after].map { side in
                tables.text(
                    layout.unexpectedDateMessage(side).map {
                        RowProblem(
                            code: .dateOutOfRange, file: layout.file, line: nil,
                            column: ResponseColumns.date, message: $0)
                    })
            })
        plans = FixedArray(tables.plans)
        engines = FixedArray(layout.engines)
        kernels = FixedArray(layout.engines.map(\.storage.kernel))
        dateFormat = layout.options.dateFormat
        itemColumns = FixedArray(tables.itemColumns)
        digitAnswers = FixedArray(tables.digitAnswers)
        blankProblem = FixedArray(tables.blank)
        declinedProblem = FixedArray(tables.declined)
        foreignColumns = FixedArray(tables.foreign)
        firstMissingProblem = FixedArray(tables.firstMissing)
        sourceProblem = FixedArray(tables.source)
        scaleItemCounts = FixedArray(tables.scaleItems)
        problemTexts = tables.pool.frozen()
        problemParts = tables.parts
        let mostItems = tables.plans.map(\.itemCount).max() ?? 0
        let mostScales = tables.plans.map(\.scaleCount).max() ?? 0
        answers = OwnedBuffer(repeating: .blank, count: max(mostItems, 1))
        outcomes = OwnedBuffer(repeating: ScaleOutcome(), count: max(mostScales, 1))
        found = OwnedBuffer(repeating: 0, count: mostItems + mostScales + 2)
    }

    /// The tables, as arrays while they are prepared: each engine's plan, columns, answers to a
    /// digit, and problem texts, from the engines' own rules.
    private struct Tables {
        var plans: [EnginePlan] = []
        var itemColumns: [Int] = []
        var digitAnswers: [ResolvedAnswer] = []
        var foreign: [Int] = []
        var blank: [PreparedText] = []
        var declined: [PreparedText] = []
        var firstMissing: [PreparedText] = []
        var source: [PreparedText] = []
        var scaleItems: [Int] = []
        var pool = TextPool()
        var parts: [RowProblem] = []

        /// A problem's prepared text (texts that would need quoting or neutralising are left to
        /// the general path).
        mutating func text(_ problem: RowProblem?) -> PreparedText {
            guard let problem else { return .notAProblem }
            let cell = problem.cellText
            if cell.utf8.contains(where: CSVCell.needsQuoting) { return .leftToGeneralPath }
            if let first = cell.utf8.first, CSVCell.isFormulaStart(first) { return .leftToGeneralPath }
            parts.append(problem)
            return .text(pool.add(cell.utf8))
        }

        /// The text of a blank or declined answer, from the engine's rule for answer problems.
        mutating func answerText(_ answer: ResolvedAnswer, at position: Int, of engine: ScoringEngine, file: String)
            -> PreparedText
        {
            text(engine.answerProblem(answer, at: position, raw: { _ in "" })?.rowProblem(file: file, line: nil))
        }

        /// Adds the engine at `index` of the layout.
        mutating func add(_ engine: ScoringEngine, index: Int, of layout: ResponseLayout) {
            let storage = engine.storage
            plans.append(
                EnginePlan(
                    firstItem: itemColumns.count, itemCount: storage.items.count, firstForeign: foreign.count,
                    foreignCount: layout.foreignColumns[index].count, firstScale: firstMissing.count,
                    scaleCount: storage.scales.count))
            itemColumns.append(contentsOf: layout.itemColumns[index])
            foreign.append(contentsOf: layout.foreignColumns[index])
            for position in storage.items.indices {
                for digit in 0...9 { digitAnswers.append(engine.resolve(String(digit), item: position)) }
                blank.append(answerText(.blank, at: position, of: engine, file: layout.file))
                declined.append(answerText(.declined, at: position, of: engine, file: layout.file))
            }
            for (position, plan) in storage.scales.enumerated() {
                let missing = storage.missingMessages[position].map {
                    text(RowProblem(code: .scaleIncomplete, file: layout.file, line: nil, column: nil, message: $0))
                }
                firstMissing.append(missing.contains(.leftToGeneralPath) ? .leftToGeneralPath : missing[0])
                source.append(
                    text(
                        RowProblem(
                            code: .scaleSourceNotScored, file: layout.file, line: nil, column: nil,
                            message: storage.sourceMessages[position])))
                scaleItems.append(plan.itemCount)
            }
        }
    }

    /// Appends the scale values of the row ``evaluate(_:)`` took last (NaN when not scored), as a
    /// tracker keeps them.
    @inline(__always)
    func appendValues(of row: Evaluation, to values: inout [Double]) {
        for index in 0..<row.scaleCount { values.append(outcomes[index].scoredValueOrNaN) }
    }

    /// Appends the answers' ``ResolvedAnswer/comparisonCode``s of the row ``evaluate(_:)`` took last.
    @inline(__always)
    func appendCodes(of row: Evaluation, to codes: inout [UInt8]) {
        for index in 0..<row.itemCount { codes.append(answers[index].comparisonCode) }
    }

    /// Calls `body` with the scale outcomes of the row ``evaluate(_:)`` took last.
    @inline(__always)
    func withOutcomes<Result>(of row: Evaluation, _ body: (BufferView<ScaleOutcome>) -> Result) -> Result {
        outcomes.withView(count: row.scaleCount, body)
    }

    /// Scores `record`, or returns `nil` when the general path must (nothing is written either way).
    @inline(__always)
    func evaluate(_ record: borrowing CSVRecord) -> Evaluation? {
        guard layout.hasEveryColumn(record.fieldCount) else { return nil }
        // Every column of the header is there, so fields are read without a range check each.
        let child = record.field(unchecked: layout.childColumn)
        guard ChildID.isPlainlyValid(padded: child) || ChildID.problem(in: child) == nil,
            let date = dateFormat.parse(record.field(unchecked: layout.dateColumn))
        else { return nil }
        let dateText = dateProblem[layout.dateSide(date).rawValue]
        if dateText == .leftToGeneralPath { return nil }
        let cell = layout.instrumentColumn.map { record.field(unchecked: $0) }
        guard let engineIndex = layout.engineIndex(instrumentCell: cell, named: cachedEngineIndex(named:)) else {
            return nil
        }
        let plan = plans[engineIndex]
        for position in 0..<plan.itemCount {
            let item = plan.firstItem + position
            let column = itemColumns[item]
            var answer = ResolvedAnswer.blank
            if column >= 0 {
                if let digit = record.digit(unchecked: column) {
                    answer = digitAnswers[item &* 10 &+ digit]
                } else {
                    let bytes = record.field(unchecked: column)
                    if !bytes.isEmpty { answer = engines[engineIndex].resolve(utf8: bytes, item: position) }
                }
            }
            if case .invalid = answer { return nil }
            answers[position] = answer
        }
        for index in plan.firstForeign..<(plan.firstForeign + plan.foreignCount) {
            let bytes = record.field(unchecked: foreignColumns[index])
            if ScoringEngine.isAnswerToUnknownItem(bytes) { return nil }
        }
        let status = answers.withView(count: plan.itemCount) { answers in
            outcomes.withMutableView(0..<plan.scaleCount) {
                kernels[engineIndex].compute(answers, forceInvalid: false, into: $0)
            }
        }
        var problems = 0
        if case .text(let number) = dateText {
            found[0] = number
            problems = 1
        }
        if status == .scored {
            for index in 0..<plan.scaleCount where outcomes[index].prorated { return nil }
        } else {
            guard let count = listProblems(plan, after: problems) else { return nil }
            problems = count
        }
        return Evaluation(
            engine: engineIndex, status: status, date: date, problems: problems, itemCount: plan.itemCount,
            scaleCount: plan.scaleCount)
    }

    /// Appends the output row of a record ``evaluate(_:)`` took.
    @inline(__always)
    func write(_ row: Evaluation, of record: borrowing CSVRecord, to out: inout OutputBytes) {
        let dateText = record.field(unchecked: layout.dateColumn)
        // Ten bytes from a digit to a digit that parse as an ISO date (nothing trimmed) are already
        // the date as the writer would spell it.
        let copiesDate =
            dateFormat.isISO && dateText.count == 10 && dateText[0] &- 48 <= 9 && dateText[9] &- 48 <= 9
        withOutcomes(of: row) { outcomes in
            writer.appendCSVCells(
                child: record.field(unchecked: layout.childColumn), date: copiesDate ? nil : row.date,
                dateText: dateText,
                engine: row.engine, instrumentText: FastRowScorer.noBytes, status: row.status, outcomes: outcomes,
                padded: true,
                to: &out)
        }
        for index in 0..<row.problems {
            if index > 0 { CSVCell.appendProblemSeparator(to: &out) }
            problemTexts.append(found[index], to: &out)
        }
        out.append(10)
    }

    /// The engine an instrument cell names. Rows of one instrument usually come together, so the
    /// last cell that named an engine (up to 16 bytes, compared a word at a time from the padded
    /// input) is checked before the name lookup.
    @inline(__always)
    private func cachedEngineIndex(named cell: ByteView) -> Int? {
        let count = cell.count
        guard count <= 16, count > 0 else { return layout.engineIndex(named: cell) }
        let low = cell.paddedWord(at: 0) & ByteMask.firstBytes(count)
        let high = count > 8 ? cell.paddedWord(at: 8) & ByteMask.firstBytes(count - 8) : 0
        if lastInstrument[2] == UInt64(count), lastInstrument[0] == low, lastInstrument[1] == high {
            return Int(lastInstrument[3])
        }
        let found = layout.engineIndex(named: cell)
        if let found {
            lastInstrument[0] = low
            lastInstrument[1] = high
            lastInstrument[2] = UInt64(count)
            lastInstrument[3] = UInt64(found)
        }
        return found
    }

    /// The prepared text number of problem `index` of the row just written.
    @inline(__always)
    func problem(_ index: Int) -> Int { found[index] }

    /// A prepared problem text as a value.
    func rowProblem(text: Int, line: Int) -> RowProblem {
        problemParts[text].at(line: line)
    }

    /// Puts the problem texts of an unscored row in ``found`` after the `first` already there (the
    /// date's), in the general path's order (answers in item order, then scales); `nil` when one
    /// has no prepared text.
    @inline(__always)
    private func listProblems(_ plan: EnginePlan, after first: Int) -> Int? {
        var count = first
        for position in 0..<plan.itemCount {
            let text: PreparedText
            switch answers[position] {
            case .blank: text = blankProblem[plan.firstItem + position]
            case .declined: text = declinedProblem[plan.firstItem + position]
            default: continue
            }
            switch text {
            case .notAProblem: continue
            case .leftToGeneralPath: return nil
            case .text(let number):
                found[count] = number
                count += 1
            }
        }
        for index in 0..<plan.scaleCount {
            let scale = plan.firstScale + index
            let outcome = outcomes[index]
            let number: Int
            switch (
                ScoringEngine.problemTextChoice(for: outcome, itemCount: scaleItemCounts[scale]),
                firstMissingProblem[scale], sourceProblem[scale]
            ) {
            case (.none, _, _): continue
            case (.missingAnswers(let missing), .text(let first), _): number = first + missing
            case (.sourceNotScored, _, .text(let source)): number = source
            default: return nil
            }
            found[count] = number
            count += 1
        }
        return count
    }
}
