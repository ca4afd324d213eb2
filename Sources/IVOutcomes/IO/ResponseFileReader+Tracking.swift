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
    public func track(into tracker: FollowUpTracker, onProblem: (RowProblem) -> Void = { _ in }) throws {
        var adder = RowAdder(reader: self, tracker: tracker)
        if case .csv(let reader) = source, usesFastPath {
            let keepsAnswers = adder.slots.map { $0 >= 0 && tracker.logPlans[$0] != nil }
            let writer = ScoreWriter(layout: layout, format: .csv)
            var blankRows = 0
            try forEachLane({ ScoringLane(layout: layout, writer: writer, mode: .track(keepsAnswers: keepsAnswers)) }, of: reader) {
                lane, firstLine in
                let problems = lane.problems
                var next = 0
                lane.childBytes.withUnsafeBufferPointer { child in
                    lane.outcomes.withUnsafeBufferPointer { outcomes in
                        lane.answers.withUnsafeBufferPointer { answers in
                            for row in lane.rows {
                                while next < problems.count, problems[next].line == row.line {
                                    onProblem(problem(next, of: lane, firstLine: firstLine))
                                    next += 1
                                }
                                let engine = row.engine
                                let scales = engine >= 0 ? layout.engines[engine].scales.count : 0
                                let items = row.firstAnswer >= 0 ? layout.engines[engine].items.count : 0
                                adder.add(
                                    child: UnsafeBufferPointer(rebasing: child[row.child]), date: row.date, line: firstLine + row.line,
                                    engine: engine, status: row.status,
                                    outcomes: UnsafeBufferPointer(rebasing: outcomes[row.firstOutcome..<(row.firstOutcome + scales)]),
                                    answers: UnsafeBufferPointer(rebasing: answers[max(row.firstAnswer, 0)..<(max(row.firstAnswer, 0) + items)]),
                                    onProblem: onProblem)
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
        while try nextRow() {
            for problem in state.problems { onProblem(problem) }
            let engine = state.engine
            withBaseField(layout.childColumn) { child in
                (engine >= 0 ? state.outcomes[engine] : []).withUnsafeBufferPointer { outcomes in
                    (engine >= 0 ? state.answers[engine] : []).withUnsafeBufferPointer { answers in
                        adder.add(
                            child: trimmed(child), date: state.date, line: state.line, engine: engine, status: state.status,
                            outcomes: outcomes, answers: answers, onProblem: onProblem)
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
    var reported = Set<Int>()

    init(reader: ResponseFileReader, tracker: FollowUpTracker) {
        self.reader = reader
        self.tracker = tracker
        slots = reader.layout.engines.map { engine in
            tracker.catalog.instruments.firstIndex { $0 == engine.instrument } ?? -1
        }
    }

    mutating func add(
        child: UnsafeBufferPointer<UInt8>, date: CalendarDate?, line: Int, engine: Int, status: ScoreStatus,
        outcomes: UnsafeBufferPointer<ScaleOutcome>, answers: UnsafeBufferPointer<ResolvedAnswer>, onProblem: (RowProblem) -> Void
    ) {
        let instrument = engine >= 0 ? slots[engine] : -1
        if engine >= 0, instrument < 0, status != .invalid, reported.insert(engine).inserted {
            onProblem(
                RowProblem(
                    file: reader.file, line: line, column: "instrument",
                    message: "\(reader.layout.engines[engine].instrument.id) is not defined the same way in the tracker's catalogue; its rows are not used"))
        }
        let reason = tracker.ledger.record(
            child: child, date: date, line: line, instrument: instrument, status: instrument < 0 ? .invalid : status,
            outcomes: outcomes, answers: answers, in: tracker)
        if let reason { onProblem(RowProblem(file: reader.file, line: line, column: reason.column, message: reason.message)) }
    }
}
