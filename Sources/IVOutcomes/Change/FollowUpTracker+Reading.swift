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
            try tracker.add(rowsOf: self, onProblem: onProblem)
        } catch let error as InputError {
            throw error
        } catch {
            preconditionFailure("only input errors are thrown while tracking: \(error)")
        }
    }
}

extension FollowUpTracker {
    /// Adds every row of `reader` (see ``ResponseFileReader/track(into:onProblem:)``).
    fileprivate func add(rowsOf reader: ResponseFileReader, onProblem: (RowProblem) -> Void) throws {
        var adder = RowAdder(reader: reader, tracker: self)
        if let rows = reader.rowCountGuess { reserveCapacity(forRows: rows) }
        // Every used form's answers are kept: forms of one child and day are compared.
        try reader.forEachRowValues(keepingAnswersOf: adder.slots.map { $0 >= 0 }, onProblem: onProblem) { row in
            adder.add(row, onProblem: onProblem)
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
    }

    mutating func add(_ row: RowValues, onProblem: (RowProblem) -> Void) {
        let engine = row.engine
        let instrument = engine >= 0 ? slots[engine] : -1
        if engine >= 0, instrument < 0, row.status != .invalid, reported.insert(engine).inserted {
            onProblem(
                RowProblem(
                    code: .instrumentUnknown, file: reader.file, line: row.line, column: "instrument",
                    message:
                        "\(reader.layout.engines[engine].instrument.id) is not defined the same way in the tracker's catalogue; its rows are not used"
                ))
        }
        let reason = tracker.ledger.record(
            child: row.child, date: row.date, line: row.line, file: file, instrument: instrument,
            status: instrument < 0 ? .invalid : row.status,
            values: row.values, codes: row.answers, fingerprint: row.fingerprint, in: tracker)
        if let reason {
            onProblem(
                RowProblem(
                    code: reason.code, file: reader.file, line: row.line, column: reason.column,
                    message: reason.message))
        }
    }
}
