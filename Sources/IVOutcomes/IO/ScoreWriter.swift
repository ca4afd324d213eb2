/// The formats scores can be written in.
public enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// One row per input row: `child_id`, `administered_on`, `instrument`, `status`, a column per
    /// scale (and `<scale>_band` columns), then `problems`.
    case csv
    /// One JSON object per input row, with `scores`, `bands` and `problems`.
    case jsonl
}

/// What scoring a file found, for the summary line and for accounting: `rowsRead` always equals
/// `scored + incomplete + invalid`.
public struct ScoringSummary: Sendable, Hashable, Codable {
    public var rowsRead = 0
    public var scored = 0
    public var incomplete = 0
    public var invalid = 0
    public var blankRowsSkipped = 0
    /// Columns that are neither base columns nor items, ignored.
    public var unknownColumns: [String] = []

    public init() {}

    mutating func count(_ status: ScoreStatus) {
        rowsRead += 1
        switch status {
        case .scored: scored += 1
        case .incomplete: incomplete += 1
        case .invalid: invalid += 1
        }
    }
}

/// Writes scored rows as CSV or JSON Lines, with text for whole numbers, table values and bands
/// prepared once per file so that writing a row copies bytes.
final class ScoreWriter {
    struct Column {
        let name: String
        let scale: ScaleID
        let isBand: Bool
    }

    /// Preformatted text for one scale of one engine (a class, so using it copies nothing).
    final class ScaleText {
        let scale: Scale
        let wholeMinimum: Int
        let whole: [[UInt8]]
        let wholeBands: [[UInt8]]
        let table: [[UInt8]]

        init(scale: Scale) {
            self.scale = scale
            wholeMinimum = Int(scale.minimum.rounded(.down))
            let range = wholeMinimum...max(wholeMinimum, Int(scale.maximum.rounded(.up)))
            whole = range.map { Array(scale.format(Double($0)).utf8) }
            wholeBands = range.map { Array((scale.band(for: Double($0))?.id ?? "").utf8) }
            if case .lookup(_, let table) = scale.method {
                self.table = table.values.map { Array(scale.format($0).utf8) }
            } else {
                table = []
            }
        }

        @inline(__always)
        func appendValue(_ outcome: ScaleOutcome, to out: inout OutputBytes) {
            if outcome.tableIndex >= 0, outcome.tableIndex < table.count {
                out.append(table[outcome.tableIndex])
                return
            }
            let value = outcome.value
            let offset = Int(value) - wholeMinimum
            if value == value.rounded(), offset >= 0, offset < whole.count {
                out.append(whole[offset])
            } else {
                out.append(scale.format(value))
            }
        }

        @inline(__always)
        func appendBand(_ outcome: ScaleOutcome, to out: inout OutputBytes) {
            let value = outcome.value
            let offset = Int(value) - wholeMinimum
            if value == value.rounded(), offset >= 0, offset < wholeBands.count {
                out.append(wholeBands[offset])
            } else if let band = scale.band(for: value) {
                out.append(band.id)
            }
        }
    }

    let format: OutputFormat
    let columns: [Column]
    private let isBand: [Bool]
    /// Per engine, per output column: the engine's scale index, or -1.
    private let columnScales: [[Int]]
    private let texts: [[ScaleText]]
    private let instrumentText: [[UInt8]]
    private let statusText: [[UInt8]]

    init(layout: ResponseLayout, format: OutputFormat) {
        self.format = format
        var columns: [Column] = []
        var seen: Set<ScaleID> = []
        for index in layout.presentEngines {
            for scale in layout.engines[index].instrument.scales where seen.insert(scale.id).inserted {
                columns.append(Column(name: scale.id.rawValue, scale: scale.id, isBand: false))
                if let bands = scale.bands { columns.append(Column(name: bands.column, scale: scale.id, isBand: true)) }
            }
        }
        self.columns = columns
        isBand = columns.map(\.isBand)
        columnScales = layout.engines.map { engine in
            columns.map { column in engine.instrument.scales.firstIndex { $0.id == column.scale } ?? -1 }
        }
        texts = layout.engines.map { $0.instrument.scales.map(ScaleText.init) }
        instrumentText = layout.engines.map { Array($0.instrument.id.rawValue.utf8) }
        statusText = ScoreStatus.allCases.map { Array($0.rawValue.utf8) }
    }

    /// The header line (CSV only).
    func writeHeader(to output: ByteWriter) throws(OutputError) {
        guard format == .csv else { return }
        let names = ["child_id", "administered_on", "instrument", "status"] + columns.map(\.name) + ["problems"]
        try output.write(names.joined(separator: ",") + "\n")
    }

    /// Writes the reader's current row.
    func writeRow(of reader: ResponseFileReader, to output: ByteWriter) throws(OutputError) {
        switch format {
        case .csv: writeCSVRow(of: reader, to: output)
        case .jsonl:
            let dateText = reader.withBaseField(reader.layout.dateColumn) { String(decoding: trimmed($0), as: UTF8.self) }
            try output.write(jsonLine(for: reader.currentRow, dateText: dateText, engine: reader.state.engine, layout: reader.layout) + "\n")
        }
        try output.flushIfNeeded()
    }

    private func writeCSVRow(of reader: ResponseFileReader, to output: ByteWriter) {
        let layout = reader.layout
        let engine = reader.state.engine
        let date = reader.state.date
        let status = reader.state.status
        let outcomes = engine >= 0 ? reader.state.outcomes[engine] : []
        let problems = reader.state.problems
        output.append { out in
            reader.withBaseField(layout.childColumn) { CSVCell.append(trimmed($0), to: &out) }
            out.append(44)
            if let date {
                out.append(isoDate: date)
            } else {
                reader.withBaseField(layout.dateColumn) { CSVCell.append(trimmed($0), to: &out) }
            }
            out.append(44)
            if engine >= 0 {
                out.append(instrumentText[engine])
            } else {
                reader.withBaseField(layout.instrumentColumn) { CSVCell.append(trimmed($0), to: &out) }
            }
            out.append(44)
            out.append(statusText[ScoreStatus.allCases.firstIndex(of: status) ?? 0])
            if engine >= 0 {
                let scales = columnScales[engine]
                let text = texts[engine]
                for position in 0..<isBand.count {
                    out.append(44)
                    let index = scales[position]
                    guard index >= 0, outcomes[index].status == .scored else { continue }
                    if isBand[position] {
                        text[index].appendBand(outcomes[index], to: &out)
                    } else {
                        text[index].appendValue(outcomes[index], to: &out)
                    }
                }
            } else {
                for _ in columns { out.append(44) }
            }
            out.append(44)
            if !problems.isEmpty { CSVCell.append(problems, to: &out) }
            out.append(10)
        }
    }

    private func jsonLine(for row: ScoredRow, dateText: String, engine: Int, layout: ResponseLayout) -> String {
        var scores: [String] = []
        var bands: [String] = []
        let scales = engine >= 0 ? layout.engines[engine].instrument.scales : []
        for (scale, score) in zip(scales, row.scores) {
            scores.append("\(JSONText.quoted(scale.id.rawValue)):\(score.value.map { scale.format($0) } ?? "null")")
            if scale.bands != nil {
                bands.append("\(JSONText.quoted(scale.id.rawValue)):\(score.band.map(JSONText.quoted) ?? "null")")
            }
        }
        let date = row.administeredOn?.description ?? dateText
        return "{\"line\":\(row.line),\"child_id\":\(JSONText.quoted(row.childID)),\"administered_on\":\(JSONText.quoted(date)),"
            + "\"instrument\":\(JSONText.quoted(row.instrument.rawValue)),\"status\":\"\(row.status.rawValue)\","
            + "\"scores\":{\(scores.joined(separator: ","))},\"bands\":{\(bands.joined(separator: ","))},"
            + "\"problems\":[\(row.problems.map { JSONText.quoted($0.cellText) }.joined(separator: ","))]}"
    }
}

@inline(__always)
func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
    var start = 0
    var end = bytes.count
    while start < end, bytes[start] == 32 || bytes[start] == 9 { start += 1 }
    while end > start, bytes[end - 1] == 32 || bytes[end - 1] == 9 { end -= 1 }
    return UnsafeBufferPointer(rebasing: bytes[start..<end])
}

extension ResponseFileReader {
    /// Scores every row and writes it to `output`, one output row per input row in input order.
    /// `onProblem` sees every problem of every row that is not plainly scored, in order.
    ///
    /// ```swift
    /// let output = try ByteWriter(atomicFile: "scores.csv")
    /// let summary = try reader.score(to: output, format: .csv) { print($0) }
    /// try output.commit()
    /// ```
    public func score(to output: ByteWriter, format: OutputFormat, onProblem: (RowProblem) -> Void = { _ in }) throws
        -> ScoringSummary
    {
        let writer = ScoreWriter(layout: layout, format: format)
        try writer.writeHeader(to: output)
        var summary = ScoringSummary()
        while try nextRow() {
            summary.count(state.status)
            for problem in state.problems { onProblem(problem) }
            try writer.writeRow(of: self, to: output)
        }
        summary.blankRowsSkipped = blankRowsSkipped
        summary.unknownColumns = unknownColumns
        return summary
    }
}
