#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

extension ResponseFileReader {
    /// Scores every row and adds it to `tracker`. `onProblem` sees every problem of every row
    /// that is not plainly scored, and why a row is not used (a duplicate, an impossible date).
    ///
    /// The reader and the tracker must use the same catalogue: an instrument the tracker does not
    /// know (or knows with a different definition) is reported and its rows not used.
    ///
    /// ```swift
    /// try reader.track(into: tracker) { problem in print(problem) }
    /// ```
    ///
    /// - Throws: ``InputError`` when the input can't be read.
    public func track(into tracker: FollowUpTracker, onProblem: (RowProblem) -> Void = { _ in }) throws(InputError) {
        do {
            try trackUntyped(into: tracker, onProblem: onProblem)
        } catch let error as InputError {
            throw error
        } catch {
            preconditionFailure("only input errors are thrown while tracking: \(error)")
        }
    }

    private func trackUntyped(into tracker: FollowUpTracker, onProblem: (RowProblem) -> Void) throws {
        var adder = RowAdder(reader: self, tracker: tracker)
        if let reader = source as? CSVReader, usesFastPath {
            // A generous guess at the rows (no administration takes fewer than 32 bytes).
            var status = stat()
            if !isInMemory, stat(file, &status) == 0 { tracker.reserveCapacity(forRows: Int(status.st_size) / 32) }
            // Every used form's answers are kept: forms of one child and day are compared.
            let keepsAnswers = adder.slots.map { $0 >= 0 }
            let writer = ScoreWriter(layout: layout, format: .csv)
            var blankRows = 0
            let makeLane = {
                ScoringLane(
                    layout: self.layout, writer: writer, mode: .track(keepsAnswers: keepsAnswers),
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
                                let valueCount = engine >= 0 ? adder.scaleCounts[engine] : 0
                                let answerCount = row.firstAnswer >= 0 ? adder.itemCounts[engine] : 0
                                adder.add(
                                    child: child.extracting(Int(row.childStart)..<Int(row.childEnd)), date: row.date,
                                    line: firstLine + line, engine: engine, status: row.status,
                                    values: values.extracting(firstValue..<(firstValue + valueCount)),
                                    answers: answers.extracting(firstAnswer..<(firstAnswer + answerCount)),
                                    fingerprint: row.fingerprint, onProblem: onProblem)
                            }
                        }
                    }
                }
                for index in next..<problems.count { onProblem(problem(index, of: lane, firstLine: firstLine)) }
                blankRows += lane.blankRows
            }
            blankRowsSkipped += blankRows
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
                        adder.add(
                            child: CellText.trimmed(child), date: state.date, line: state.line, engine: engine,
                            status: state.status,
                            values: values, answers: answers, fingerprint: fingerprint, onProblem: onProblem)
                    }
                }
            }
        }
    }
}

/// Adds scored rows to a tracker, saying once per instrument when the tracker's catalogue does
/// not define it the same way (its rows are then not used).
private struct RowAdder {
    let reader: ResponseFileReader
    let tracker: FollowUpTracker
    /// Per engine of the reader: the tracker's instrument index, or -1.
    let slots: [Int]
    /// Per engine of the reader: its scales and items.
    let scaleCounts: [Int]
    let itemCounts: [Int]
    /// The reader's file in the tracker's list of files.
    let file: Int
    var reported = Set<Int>()

    init(reader: ResponseFileReader, tracker: FollowUpTracker) {
        self.reader = reader
        self.tracker = tracker
        file = tracker.index(ofFile: reader.file, options: reader.layout.options.scoring)
        slots = reader.layout.engines.map { engine in
            tracker.catalog.instruments.firstIndex { $0 == engine.instrument } ?? -1
        }
        scaleCounts = reader.layout.engines.map(\.scales.count)
        itemCounts = reader.layout.engines.map(\.items.count)
    }

    mutating func add(
        child: ByteView, date: CalendarDate?, line: Int, engine: Int, status: ScoreStatus,
        values: BufferView<Double>, answers: ByteView, fingerprint: UInt64,
        onProblem: (RowProblem) -> Void
    ) {
        let instrument = engine >= 0 ? slots[engine] : -1
        if engine >= 0, instrument < 0, status != .invalid, reported.insert(engine).inserted {
            onProblem(
                RowProblem(
                    code: .instrumentUnknown, file: reader.file, line: line, column: "instrument",
                    message:
                        "\(reader.layout.engines[engine].instrument.id) is not defined the same way in the tracker's catalogue; its rows are not used"
                ))
        }
        let reason = tracker.ledger.record(
            child: child, date: date, line: line, file: file, instrument: instrument,
            status: instrument < 0 ? .invalid : status,
            values: values, codes: answers, fingerprint: fingerprint, in: tracker)
        if let reason {
            onProblem(
                RowProblem(
                    code: reason.code, file: reader.file, line: line, column: reason.column, message: reason.message))
        }
    }
}
