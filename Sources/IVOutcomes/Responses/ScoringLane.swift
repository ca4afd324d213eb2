import Dispatch

/// One thread's share of reading a CSV file: it scores the whole records of a run of bytes with
/// its own parsed record, scratch space, counts and problems, so lanes running side by side share
/// nothing mutable. It either writes each row's output (``Mode/write``) or keeps each row as
/// values (``Mode/keepValues(keepsAnswers:)``), for ``ResponseFileReader/forEachRowValues(keepingAnswersOf:onProblem:_:)``.
///
/// Each row takes the ``FastRowScorer`` when it can and the general path otherwise. Lines are
/// counted from the lane's first record (0); the caller, which knows where the bytes started in
/// the file, adds that when it reports problems.
// Unchecked: a lane is used by one thread at a time, handed between rounds that wait for it.
final class ScoringLane: @unchecked Sendable {
    enum Mode {
        case write
        /// Keep each row's child id, date, scale values and fingerprint, with the answers (as
        /// comparison codes) of the engines marked.
        case keepValues(keepsAnswers: [Bool])
    }

    /// One kept row, small: its child id, scale values and answers are in the lane's arrays (a
    /// lane holds thousands of rows).
    struct KeptRow {
        var line: Int32
        var childStart: Int32
        var childEnd: Int32
        var engine: Int32
        var firstValue: Int32
        var firstAnswer: Int32
        var status: ScoreStatus
        var date: CalendarDate?
        /// ``RowFields/fingerprint()`` (0 for an invalid row).
        var fingerprint: UInt64
    }

    private let layout: ResponseLayout
    private let writer: ScoreWriter
    private let mode: Mode
    private let delimiter: UInt8
    let fast: FastRowScorer
    /// The results of the last run (moved out while a run works on them).
    private var work: Work

    /// Calls `body` with the rows written in ``Mode/write``.
    func withOutput<Result, Failure: Error>(_ body: (ByteView) throws(Failure) -> Result) throws(Failure) -> Result {
        try work.output.withView(body)
    }
    var summary: ScoringSummary { work.summary }
    var blankRows: Int { work.blankRows }
    /// Where a problem's text is: a prepared text of the fast path, or a problem of the general
    /// path (by its index in ``general``).
    enum ProblemText {
        case prepared(Int)
        case general(Int)
    }

    /// Every problem of the rows scored, in order, lines counted from the lane's first record.
    var problems: [(line: Int, text: ProblemText)] { work.problems }
    var general: [RowProblem] { work.general }
    /// In ``Mode/keepValues(keepsAnswers:)``: the rows, and the child ids, scale values (NaN when not scored) and
    /// answer codes they point into.
    var rows: [KeptRow] { work.rows }
    var childBytes: [UInt8] { work.childBytes }
    var values: [Double] { work.values }
    /// The answers' ``ResolvedAnswer/comparisonCode``s.
    var codes: [UInt8] { work.codes }
    /// How many bytes of whole records were scored, and the line breaks they held.
    private(set) var consumed = 0
    private(set) var newlines = 0
    /// Set when the bytes end inside a quoted field at the end of the file: the record's line.
    private(set) var unclosedQuoteLine: Int?
    /// The offset in the part of the first byte of the records scored that is not UTF-8.
    private(set) var invalidByte: Int?
    /// The part of the block last scored.
    private(set) var part = 0..<0

    init(layout: ResponseLayout, writer: ScoreWriter, mode: Mode, delimiter: UInt8) {
        self.layout = layout
        self.delimiter = delimiter
        self.writer = writer
        self.mode = mode
        fast = FastRowScorer(layout: layout, writer: writer)
        work = Work(state: RowState(layout: layout))
    }

    /// Scores the whole records of `part` of `block`, replacing the previous results; `endsFile`
    /// says whether the file ends with the part.
    func run(_ part: Range<Int>, of block: ByteView, endsFile: Bool) {
        self.part = part
        let input = block.extracting(part)
        // The loop works on locals moved out of the lane, so it pays no exclusivity checks.
        var record = CSVRecord(delimiter: delimiter)
        var work = Work(state: RowState(placeholder: ()))
        swap(&work, &self.work)
        work.clear()
        var position = 0
        var lines = 0
        unclosedQuoteLine = nil
        rows: while true {
            switch record.parse(input, from: position, atEnd: endsFile) {
            case .record(let next, let breaks):
                handle(record, line: lines, in: &work)
                position = next
                lines += breaks
            case .needMore, .end:
                break rows
            case .unclosedQuote:
                unclosedQuoteLine = lines
                break rows
            }
        }
        swap(&work, &self.work)
        consumed = position
        newlines = lines
        invalidByte = UTF8Check.firstInvalidByte(in: input.extracting(0..<position))
    }

    /// A lane's results while it runs, as one local value.
    private struct Work: ~Copyable {
        var state: RowState
        var output = OutputBytes(capacity: 16)
        var problems: [(line: Int, text: ProblemText)] = []
        var general: [RowProblem] = []
        var rows: [KeptRow] = []
        var childBytes: [UInt8] = []
        var values: [Double] = []
        var codes: [UInt8] = []
        var summary = ScoringSummary()
        var blankRows = 0

        init(state: RowState) { self.state = state }

        mutating func clear() {
            summary = ScoringSummary()
            blankRows = 0
            output.removeAll()
            problems.removeAll(keepingCapacity: true)
            general.removeAll(keepingCapacity: true)
            rows.removeAll(keepingCapacity: true)
            childBytes.removeAll(keepingCapacity: true)
            values.removeAll(keepingCapacity: true)
            codes.removeAll(keepingCapacity: true)
        }
    }

    @inline(__always)
    private func handle(_ record: borrowing CSVRecord, line: Int, in work: inout Work) {
        if let row = fast.evaluate(record) {
            work.summary.count(row.status)
            for index in 0..<row.problems { work.problems.append((line, .prepared(fast.problem(index)))) }
            switch mode {
            case .write: fast.write(row, of: record, to: &work.output)
            case .keepValues(let keepsAnswers):
                let keepsCodes = keepsAnswers[row.engine]
                keep(
                    record, line: line, date: row.date, engine: row.engine, status: row.status, keepsCodes: keepsCodes,
                    in: &work)
                fast.appendValues(of: row, to: &work.values)
                if keepsCodes { fast.appendCodes(of: row, to: &work.codes) }
            }
            return
        }
        if record.isBlank {
            work.blankRows += 1
            return
        }
        layout.scoreRow(record, line: line, into: &work.state)
        let state = work.state
        work.summary.count(state.status)
        for problem in state.problems {
            work.problems.append((line, .general(work.general.count)))
            work.general.append(problem)
        }
        switch mode {
        case .write: writer.appendCSVRow(record, state: state, layout: layout, to: &work.output)
        case .keepValues(let keepsAnswers):
            let engine = state.engine
            let keepsCodes = engine >= 0 && keepsAnswers[engine]
            keep(
                record, line: line, date: state.date, engine: engine, status: state.status, keepsCodes: keepsCodes,
                in: &work)
            if engine >= 0 { work.values.append(contentsOf: state.outcomes[engine].lazy.map(\.scoredValueOrNaN)) }
            if keepsCodes { work.codes.append(contentsOf: state.answers[engine].lazy.map(\.comparisonCode)) }
        }
    }

    /// Keeps a row's child id and the row (its scale values and answer codes follow, appended
    /// by the caller: `keepsCodes` says whether the codes are).
    @inline(__always)
    private func keep(
        _ record: borrowing CSVRecord, line: Int, date: CalendarDate?, engine: Int, status: ScoreStatus,
        keepsCodes: Bool, in work: inout Work
    ) {
        let start = work.childBytes.count
        record.withCell(layout.childColumn) { work.childBytes.append(contentsOf: CellText.trimmed($0)) }
        work.rows.append(
            KeptRow(
                line: Int32(truncatingIfNeeded: line), childStart: Int32(truncatingIfNeeded: start),
                childEnd: Int32(truncatingIfNeeded: work.childBytes.count), engine: Int32(truncatingIfNeeded: engine),
                firstValue: Int32(truncatingIfNeeded: work.values.count),
                firstAnswer: keepsCodes ? Int32(truncatingIfNeeded: work.codes.count) : -1, status: status,
                date: date,
                fingerprint: status == .invalid ? 0 : record.fingerprint()))
    }
}

extension ResponseFileReader {
    /// How many bytes of input are read per round, and into how many parts it is split.
    static let standardBlockSize = 1 << 22
    static let partsPerBlock = 8

    /// Reads the rest of a CSV file through lanes, on every core, handing each lane's results to
    /// `body` in file order with the line its first record is on.
    ///
    /// Each block of input is split into parts at line breaks that end a record (found by
    /// ``RecordBoundaries``, never inside a quoted field), and each part is scored by a lane
    /// while `body` takes the previous block's lanes and the next block is read, all side by side
    /// (two sets of lanes take turns). As a safeguard a part still only counts when the part
    /// before it ended exactly where it starts (else the parts from there on are read again with
    /// the next block, counted in ``partsRedone``, which the tests check stays 0). The first part
    /// always starts on a record, so every round moves on.
    func forEachLane(
        _ makeLane: () -> ScoringLane, of reader: CSVReader, _ body: (ScoringLane, _ firstLine: Int) throws -> Void
    ) throws {
        let sets = (0..<2).map { _ in (0..<ResponseFileReader.partsPerBlock).map { _ in makeLane() } }
        var round = 0
        var pending: [(lane: ScoringLane, firstLine: Int)] = []
        // Unchecked: every task that runs `body` is waited for before this call returns.
        try withoutActuallyEscaping(body) { body in
            let handOver = HandOver(body: body)
            try reader.forEachBlock(blockSize: blockSize) { bytes, atEnd, firstLine, readAhead in
                let lanes = sets[round % 2]
                round += 1
                let parts = self.parts(of: bytes, delimiter: reader.delimiter)
                handOver.pending = pending
                // The hand-over and the next read first: neither can be shared, so they must not
                // be left to run alone after the lanes.
                DispatchQueue.concurrentPerform(iterations: parts.count + 2) { task in
                    switch task {
                    case 0: handOver.run()
                    case 1: readAhead.read()
                    default:
                        let part = parts[task - 2]
                        lanes[task - 2].run(part, of: bytes, endsFile: atEnd && part.upperBound == bytes.count)
                    }
                }
                if let failure = handOver.failure { throw failure }
                let kept = keptLanes(lanes, parts: parts, of: bytes, endsFile: atEnd)
                let taken = try take(lanes[0..<kept], of: bytes, firstLine: firstLine, body)
                pending = taken.pending
                return (taken.consumed, taken.newlines)
            }
            for (lane, line) in pending { try body(lane, line) }
        }
    }

    /// A block split into up to ``partsPerBlock`` parts, each starting on a record (found by
    /// ``RecordBoundaries``, never inside a quoted field). A block too small to be worth sharing
    /// (a short file) is one part.
    private func parts(of bytes: ByteView, delimiter: UInt8) -> [Range<Int>] {
        let count = ResponseFileReader.partsPerBlock
        var starts = [0]
        if bytes.count >= blockSize / 64 {
            var boundaries = RecordBoundaries(bytes, delimiter: delimiter)
            for part in 1..<count {
                guard let start = boundaries.recordStart(after: bytes.count * part / count) else { break }
                starts.append(start)
            }
        }
        return starts.indices.map { index in
            starts[index]..<(index + 1 < starts.count ? starts[index + 1] : bytes.count)
        }
    }

    /// How many lanes' work is kept: each part after the first is kept while the part before
    /// ended where it starts (the rest are counted in ``partsRedone``). When even the first
    /// lane took nothing, it scores the whole block again.
    private func keptLanes(_ lanes: [ScoringLane], parts: [Range<Int>], of bytes: ByteView, endsFile: Bool) -> Int {
        var kept = 1
        while kept < parts.count, lanes[kept - 1].consumed == parts[kept - 1].count { kept += 1 }
        partsRedone += parts.count - kept
        if lanes[0].consumed == 0, parts.count > 1 {
            lanes[0].run(0..<bytes.count, of: bytes, endsFile: endsFile)
            kept = 1
        }
        return kept
    }

    /// The kept lanes with the line each starts on, and the bytes and line breaks they took, up
    /// to the first lane that stopped short. A lane that found bytes that are not UTF-8 or a
    /// quote left open at the end of the file throws (after handing over the lanes before it).
    private func take(
        _ lanes: ArraySlice<ScoringLane>, of bytes: ByteView, firstLine: Int,
        _ body: (ScoringLane, _ firstLine: Int) throws -> Void
    ) throws -> (pending: [(lane: ScoringLane, firstLine: Int)], consumed: Int, newlines: Int) {
        var consumed = 0
        var newlines = 0
        var pending: [(lane: ScoringLane, firstLine: Int)] = []
        for lane in lanes {
            if let bad = lane.invalidByte {
                throw CSVReader.notUTF8(
                    file: file, bytes.extracting(lane.part), at: bad, firstLine: firstLine + newlines)
            }
            if let line = lane.unclosedQuoteLine {
                for (lane, line) in pending { try body(lane, line) }
                throw InputError.unclosedQuote(file: file, line: firstLine + newlines + line)
            }
            pending.append((lane, firstLine + newlines))
            consumed += lane.consumed
            newlines += lane.newlines
            if lane.consumed < lane.part.count { break }
        }
        return (pending, consumed, newlines)
    }

    /// A lane's problem `index` as a value, its line counted from the start of the file.
    func problem(_ index: Int, of lane: ScoringLane, firstLine: Int) -> RowProblem {
        let (line, text) = lane.problems[index]
        switch text {
        case .prepared(let text): return lane.fast.rowProblem(text: text, line: firstLine + line)
        case .general(let index):
            return lane.general[index].at(line: firstLine + line)
        }
    }

    /// CSV to CSV through two lanes, writing each lane's rows in order.
    func scoreCSV(
        _ reader: CSVReader, writer: ScoreWriter, to output: ByteWriter, summary: inout ScoringSummary, limit: Int,
        onProblem: (RowProblem) -> Void
    ) throws {
        var totals = summary
        var blankRows = 0
        let makeLane = { ScoringLane(layout: self.layout, writer: writer, mode: .write, delimiter: reader.delimiter) }
        try forEachLane(makeLane, of: reader) { lane, firstLine in
            try lane.withOutput { (bytes) throws(OutputError) in try output.write(bytes) }
            for index in 0..<min(lane.problems.count, max(0, limit - totals.problems)) {
                onProblem(problem(index, of: lane, firstLine: firstLine))
            }
            totals.add(lane.summary)
            totals.problems += lane.problems.count
            blankRows += lane.blankRows
        }
        summary = totals
        blankRowsSkipped += blankRows
    }
}

/// Hands the previous block's lanes to the caller's body on whichever thread runs it, while the
/// next block's lanes run: only one hand-over runs at a time, between rounds that wait for it.
// Unchecked: only one hand-over runs at a time, between rounds that wait for it.
private final class HandOver: @unchecked Sendable {
    let body: (ScoringLane, Int) throws -> Void
    var pending: [(lane: ScoringLane, firstLine: Int)] = []
    private(set) var failure: (any Error)?

    init(body: @escaping (ScoringLane, Int) throws -> Void) { self.body = body }

    func run() {
        guard failure == nil else { return }
        do {
            for (lane, line) in pending { try body(lane, line) }
        } catch {
            failure = error
        }
        pending = []
    }
}
