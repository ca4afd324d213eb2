#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One scored row as values, lent to a closure: what a consumer that keeps rows rather than
/// writing them (the follow-up tracker) needs of it, the same from the CSV lanes and the general
/// path. The views last only as long as the call.
struct RowValues {
    /// The child id cell, trimmed.
    var child: ByteView
    /// `nil` when the date is missing or not a date.
    var date: CalendarDate?
    /// The line the row starts on.
    var line: Int
    /// The reader's engine that scored the row, or -1 when it names no known instrument.
    var engine: Int
    var status: ScoreStatus
    /// Every scale's value in the engine's order, NaN when not scored (empty without an engine).
    var values: BufferView<Double>
    /// The answers' ``ResolvedAnswer/comparisonCode``s, when kept (empty otherwise).
    var answers: ByteView
    /// ``RowFields/fingerprint()`` of the row (0 for an invalid row).
    var fingerprint: UInt64
}

extension ResponseFileReader {
    /// A generous guess at the rows of a CSV file on disk (no administration takes fewer than 32
    /// bytes), for a consumer to make room once; `nil` for other input.
    var rowCountGuess: Int? {
        guard source is CSVReader, !isInMemory else { return nil }
        var status = stat()
        return stat(file, &status) == 0 ? Int(status.st_size) / 32 : nil
    }

    /// Calls `body` with every row as values, in file order, and `onProblem` with each row's
    /// problems just before it (and the problems of rows that give no values, such as blank ones
    /// with a problem, in their place).
    ///
    /// CSV is read through lanes on every core (``forEachLane(_:of:_:)``) unless the fast path is
    /// off; there the answers' codes are kept for the engines `keepsAnswers` marks. The general
    /// path keeps every engine's codes.
    func forEachRowValues(
        keepingAnswersOf keepsAnswers: [Bool], onProblem: (RowProblem) -> Void, _ body: (RowValues) -> Void
    ) throws {
        if let reader = source as? CSVReader, usesFastPath {
            try forEachLaneRow(of: reader, keepingAnswersOf: keepsAnswers, onProblem: onProblem, body)
            return
        }
        var values: [Double] = []
        var codes: [UInt8] = []
        while try nextRow() {
            for problem in state.problems { onProblem(problem) }
            let engine = state.engine
            values.removeAll(keepingCapacity: true)
            codes.removeAll(keepingCapacity: true)
            if engine >= 0 {
                values.append(contentsOf: state.outcomes[engine].lazy.map(\.scoredValueOrNaN))
                codes.append(contentsOf: state.answers[engine].lazy.map(\.comparisonCode))
            }
            let fingerprint = state.status == .invalid ? 0 : source.fingerprint()
            withBaseField(layout.childColumn) { child in
                values.withView { values in
                    codes.withView { answers in
                        body(
                            RowValues(
                                child: CellText.trimmed(child), date: state.date, line: state.line, engine: engine,
                                status: state.status, values: values, answers: answers, fingerprint: fingerprint))
                    }
                }
            }
        }
    }

    /// The lanes' part of ``forEachRowValues(keepingAnswersOf:onProblem:_:)``: each lane's kept
    /// rows point into its arrays of child ids, values and codes.
    private func forEachLaneRow(
        of reader: CSVReader, keepingAnswersOf keepsAnswers: [Bool], onProblem: (RowProblem) -> Void,
        _ body: (RowValues) -> Void
    ) throws {
        let scaleCounts = layout.engines.map(\.scales.count)
        let itemCounts = layout.engines.map(\.items.count)
        let writer = ScoreWriter(layout: layout, format: .csv)
        var blankRows = 0
        let makeLane = {
            ScoringLane(
                layout: self.layout, writer: writer, mode: .keepValues(keepsAnswers: keepsAnswers),
                delimiter: reader.delimiter)
        }
        try forEachLane(makeLane, of: reader) { lane, firstLine in
            let problems = lane.problems
            var next = 0
            lane.childBytes.withView { child in
                lane.values.withView { values in
                    lane.codes.withView { answers in
                        for row in lane.rows {
                            let line = Int(row.line)
                            while next < problems.count, problems[next].line == line {
                                onProblem(problem(next, of: lane, firstLine: firstLine))
                                next += 1
                            }
                            let engine = Int(row.engine)
                            let firstValue = Int(row.firstValue)
                            let firstAnswer = max(Int(row.firstAnswer), 0)
                            let valueCount = engine >= 0 ? scaleCounts[engine] : 0
                            let answerCount = row.firstAnswer >= 0 ? itemCounts[engine] : 0
                            body(
                                RowValues(
                                    child: child.extracting(Int(row.childStart)..<Int(row.childEnd)), date: row.date,
                                    line: firstLine + line, engine: engine, status: row.status,
                                    values: values.extracting(firstValue..<(firstValue + valueCount)),
                                    answers: answers.extracting(firstAnswer..<(firstAnswer + answerCount)),
                                    fingerprint: row.fingerprint))
                        }
                    }
                }
            }
            for index in next..<problems.count { onProblem(problem(index, of: lane, firstLine: firstLine)) }
            blankRows += lane.blankRows
        }
        blankRowsSkipped += blankRows
    }
}
