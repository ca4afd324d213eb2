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
    public func track(into tracker: FollowUpTracker, onProblem: (RowProblem) -> Void = { _ in }) throws(InputError) {
        let slots = layout.engines.map { engine in
            tracker.catalog.instruments.firstIndex { $0 == engine.instrument } ?? -1
        }
        var reported = Set<Int>()
        while try nextRow() {
            for problem in state.problems { onProblem(problem) }
            let engine = state.engine
            var instrument = engine >= 0 ? slots[engine] : -1
            if engine >= 0, instrument < 0, state.status != .invalid {
                if reported.insert(engine).inserted {
                    onProblem(
                        RowProblem(
                            file: file, line: state.line, column: "instrument",
                            message: "\(layout.engines[engine].instrument.id) is not defined the same way in the tracker's catalogue; its rows are not used"))
                }
                instrument = -1
            }
            let child = withBaseField(layout.childColumn) { String(decoding: trimmed($0), as: UTF8.self) }
            let reason = tracker.record(
                child: child, date: state.date, line: state.line, instrument: instrument,
                status: instrument < 0 ? .invalid : state.status, outcomes: engine >= 0 ? state.outcomes[engine] : [],
                answers: engine >= 0 ? state.answers[engine] : [])
            if let reason { onProblem(RowProblem(file: file, line: state.line, column: reason.column, message: reason.message)) }
        }
    }
}
