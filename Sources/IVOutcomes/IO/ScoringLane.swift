import Dispatch

/// One thread's share of CSV scoring: it scores the whole records of a run of bytes into output
/// of its own, with its own parsed record, scratch space, counts and problems, so lanes running
/// side by side share nothing mutable.
///
/// Each row takes the ``FastRowScorer`` when it can and the general path otherwise. Lines are
/// counted from the lane's first record (0); the caller, which knows where the bytes started in
/// the file, adds that when it reports problems.
final class ScoringLane: @unchecked Sendable {
    private let layout: ResponseLayout
    private let writer: ScoreWriter
    let fast: FastRowScorer
    private var state: RowState
    private(set) var output = OutputBytes(capacity: 1 << 20)
    private(set) var summary = ScoringSummary()
    private(set) var blankRows = 0
    /// Every problem of the rows scored, in order, lines counted from the lane's first record: a
    /// prepared text of the fast path (`text` >= 0), or `general[-1 - text]`.
    private(set) var problems: [(line: Int, text: Int)] = []
    private(set) var general: [RowProblem] = []
    /// How many bytes of whole records were scored, and the line breaks they held.
    private(set) var consumed = 0
    private(set) var newlines = 0
    /// Set when the bytes end inside a quoted field at the end of the file: the record's line.
    private(set) var unclosedQuoteLine: Int?
    /// The bytes to score next and whether the file ends with them.
    var input = UnsafeBufferPointer<UInt8>(start: nil, count: 0)
    var inputEndsFile = false

    init(layout: ResponseLayout, writer: ScoreWriter) {
        self.layout = layout
        self.writer = writer
        fast = FastRowScorer(layout: layout, writer: writer)
        state = RowState(layout: layout)
    }

    deinit { output.deallocate() }

    /// Scores the whole records of ``input``, replacing the previous results.
    func run() {
        // The loop works on locals moved out of the lane, so it pays no exclusivity checks.
        var record = CSVRecord()
        defer { record.deallocate() }
        var state = RowState(layout: layout, empty: ())
        var output = OutputBytes(capacity: 0)
        var problems: [(line: Int, text: Int)] = []
        var general: [RowProblem] = []
        swap(&state, &self.state)
        swap(&output, &self.output)
        swap(&problems, &self.problems)
        swap(&general, &self.general)
        output.removeAll()
        problems.removeAll(keepingCapacity: true)
        general.removeAll(keepingCapacity: true)
        var summary = ScoringSummary()
        var blankRows = 0
        var position = 0
        var lines = 0
        unclosedQuoteLine = nil
        if let base = input.baseAddress {
            rows: while true {
                switch record.parse(base, count: input.count, from: position, atEnd: inputEndsFile) {
                case .record(let next, let breaks):
                    switch fast.score(record, to: &output) {
                    case .written(let status, let count):
                        summary.count(status)
                        for index in 0..<count { problems.append((lines, fast.problem(index))) }
                    case .declined where record.isBlank:
                        blankRows += 1
                    case .declined:
                        layout.process(record, line: lines, into: &state)
                        summary.count(state.status)
                        for problem in state.problems {
                            problems.append((lines, -1 - general.count))
                            general.append(problem)
                        }
                        writer.appendCSVRow(record, state: state, layout: layout, to: &output)
                    }
                    position = next
                    lines += breaks
                case .needMore, .end:
                    break rows
                case .unclosedQuote:
                    unclosedQuoteLine = lines
                    break rows
                }
            }
        }
        swap(&state, &self.state)
        swap(&output, &self.output)
        swap(&problems, &self.problems)
        swap(&general, &self.general)
        output.deallocate()
        self.summary = summary
        self.blankRows = blankRows
        consumed = position
        newlines = lines
    }
}

extension ResponseFileReader {
    /// How many bytes of input are scored per round, split between two lanes.
    static let blockSize = 1 << 22

    /// CSV to CSV, on two threads: each block of input is split at a line break near its middle
    /// and the halves are scored side by side, then written in order. The first lane proves the
    /// split is a record boundary by ending exactly on it; when it does not (the line break was
    /// inside a quoted field), the second lane's work is dropped and the block is scored whole.
    func scoreCSV(
        _ reader: CSVReader, writer: ScoreWriter, to output: ByteWriter, summary: inout ScoringSummary, limit: Int,
        onProblem: (RowProblem) -> Void
    ) throws {
        let lanes = [ScoringLane(layout: layout, writer: writer), ScoringLane(layout: layout, writer: writer)]
        var totals = summary
        var blankRows = 0
        try reader.forEachBlock(blockSize: ResponseFileReader.blockSize) { bytes, atEnd, firstLine in
            var split = bytes.count
            if bytes.count >= 1 << 16, let lineBreak = bytes[(bytes.count / 2)...].firstIndex(of: 10) { split = lineBreak + 1 }
            var used = [lanes[0]]
            lanes[0].input = UnsafeBufferPointer(rebasing: bytes[0..<split])
            lanes[0].inputEndsFile = atEnd && split == bytes.count
            if split < bytes.count {
                lanes[1].input = UnsafeBufferPointer(rebasing: bytes[split...])
                lanes[1].inputEndsFile = atEnd
                DispatchQueue.concurrentPerform(iterations: 2) { lanes[$0].run() }
                if lanes[0].consumed == split {
                    used.append(lanes[1])
                } else if lanes[0].consumed == 0 {
                    lanes[0].input = bytes
                    lanes[0].inputEndsFile = atEnd
                    lanes[0].run()
                }
            } else {
                lanes[0].run()
            }
            var consumed = 0
            var newlines = 0
            for lane in used {
                if let line = lane.unclosedQuoteLine { throw InputError.unclosedQuote(file: file, line: firstLine + newlines + line) }
                try output.write(lane.output.bytes)
                totals.add(lane.summary)
                blankRows += lane.blankRows
                let lineOffset = firstLine + newlines
                let shown = min(lane.problems.count, max(0, limit - totals.problems))
                for (line, text) in lane.problems[0..<shown] {
                    if text >= 0 {
                        onProblem(lane.fast.rowProblem(text: text, line: lineOffset + line))
                    } else {
                        let problem = lane.general[-1 - text]
                        onProblem(RowProblem(file: problem.file, line: lineOffset + line, column: problem.column, message: problem.message))
                    }
                }
                totals.problems += lane.problems.count
                consumed += lane.consumed
                newlines += lane.newlines
            }
            return (consumed, newlines)
        }
        summary = totals
        blankRowsSkipped += blankRows
    }
}
