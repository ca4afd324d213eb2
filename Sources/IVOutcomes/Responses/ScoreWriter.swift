/// Writes scored rows as CSV or JSON Lines, with text for whole numbers, table values and bands
/// prepared once per file so that writing a row copies bytes.
final class ScoreWriter {
    struct Column {
        let name: String
        let scale: ScaleID
        let isBand: Bool
    }

    /// Where one scale's preformatted texts are in ``texts``.
    struct ScaleTexts {
        /// Values and bands of whole numbers `wholeMinimum ..< wholeMinimum + wholeCount`.
        var wholeMinimum: Int
        var wholeCount: Int
        var firstValue: Int
        var firstBand: Int
        /// A lookup scale's conversion-table values, by table index.
        var firstTableValue: Int
        var tableCount: Int
    }

    let format: OutputFormat
    let columns: [Column]
    private let isBand: FixedArray<Bool>
    /// Per engine, per output column: the engine's scale index, or -1.
    private let columnScales: FixedArray<Int>
    /// Per engine: where its scales start in ``scaleTexts`` and ``scales``.
    private let firstScale: FixedArray<Int>
    private let scaleTexts: FixedArray<ScaleTexts>
    private let scales: [Scale]
    /// Instrument ids by engine, then the statuses.
    private let texts: FrozenTextPool
    private let statusTexts: (scored: Int, incomplete: Int, invalid: Int)

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
        isBand = FixedArray(columns.map(\.isBand))
        columnScales = FixedArray(
            layout.engines.flatMap { engine in
                columns.map { column in engine.instrument.scales.firstIndex { $0.id == column.scale } ?? -1 }
            })
        var pool = TextPool()
        for engine in layout.engines { _ = pool.add(engine.instrument.id.rawValue.utf8) }
        statusTexts = (
            pool.add(ScoreStatus.scored.rawValue.utf8), pool.add(ScoreStatus.incomplete.rawValue.utf8),
            pool.add(ScoreStatus.invalid.rawValue.utf8)
        )
        var first: [Int] = []
        var scales: [Scale] = []
        var scaleTexts: [ScaleTexts] = []
        for engine in layout.engines {
            first.append(scales.count)
            for scale in engine.instrument.scales {
                let minimum = Int(scale.minimum.rounded(.down))
                let wholes = minimum...max(minimum, Int(scale.maximum.rounded(.up)))
                let values = wholes.map { pool.add(scale.format(Double($0)).utf8) }
                let bands = wholes.map { pool.add((scale.band(for: Double($0))?.id.rawValue ?? "").utf8) }
                var table: [Int] = []
                if case .lookup(_, let conversion) = scale.method {
                    table = conversion.values.map { pool.add(scale.format($0).utf8) }
                }
                scaleTexts.append(
                    ScaleTexts(
                        wholeMinimum: minimum, wholeCount: wholes.count, firstValue: values[0], firstBand: bands[0],
                        firstTableValue: table.first ?? 0, tableCount: table.count))
                scales.append(scale)
            }
        }
        firstScale = FixedArray(first)
        self.scaleTexts = FixedArray(scaleTexts)
        self.scales = scales
        texts = pool.frozen()
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
        case .csv:
            let row = reader.source
            output.append { appendCSVRow(row, state: reader.state, layout: reader.layout, to: &$0) }
        case .jsonl:
            let dateText = reader.withBaseField(reader.layout.dateColumn) {
                String(decoding: CellText.trimmed($0), as: UTF8.self)
            }
            try output.write(
                jsonLine(for: reader.currentRow, dateText: dateText, engine: reader.state.engine, layout: reader.layout)
                    + "\n")
        }
        try output.flushIfNeeded()
    }

    /// Appends a row scored by ``ResponseLayout/scoreRow(_:line:into:)`` as CSV.
    func appendCSVRow<Row: RowFields & ~Copyable>(
        _ row: borrowing Row, state: RowState, layout: ResponseLayout, to out: inout OutputBytes
    ) {
        let engine = state.engine
        let outcomes = engine >= 0 ? state.outcomes[engine] : []
        row.withCell(layout.childColumn) { child in
            row.withCell(layout.dateColumn) { date in
                row.withCell(layout.instrumentColumn) { instrument in
                    outcomes.withView { outcomes in
                        appendCSVCells(
                            child: child, date: state.date, dateText: date, engine: engine, instrumentText: instrument,
                            status: state.status, outcomes: outcomes, to: &out)
                        if !state.problems.isEmpty { CSVCell.append(state.problems, to: &out) }
                        out.append(10)
                    }
                }
            }
        }
    }

    /// Appends the cells of a CSV row up to its problems cell, which the caller appends and ends
    /// with a line break: the base cells (the parsed date, or the date cell as written when it did
    /// not parse; the engine's id, or the instrument cell when no engine was found), then a cell
    /// per scale column. `padded` says the texts are in a padded buffer (see ``CSVCell``).
    @inline(__always)
    func appendCSVCells(
        child: ByteView, date: CalendarDate?, dateText: ByteView, engine: Int,
        instrumentText: ByteView, status: ScoreStatus, outcomes: BufferView<ScaleOutcome>,
        padded: Bool = false, to out: inout OutputBytes
    ) {
        CSVCell.append(CellText.trimmed(child), padded: padded, to: &out)
        out.append(44)
        if let date {
            out.append(isoDate: date)
        } else {
            CSVCell.append(CellText.trimmed(dateText), padded: padded, to: &out)
        }
        out.append(44)
        if engine >= 0 {
            texts.append(engine, to: &out)
        } else {
            CSVCell.append(CellText.trimmed(instrumentText), to: &out)
        }
        out.append(44)
        switch status {
        case .scored: texts.append(statusTexts.scored, to: &out)
        case .incomplete: texts.append(statusTexts.incomplete, to: &out)
        case .invalid: texts.append(statusTexts.invalid, to: &out)
        }
        let columnCount = isBand.count  // one per column, read without a call
        if engine >= 0 {
            let first = firstScale[engine]
            let columnsStart = engine * columnCount
            for position in 0..<columnCount {
                out.append(44)
                let index = columnScales[columnsStart + position]
                guard index >= 0, outcomes[index].status == .scored else { continue }
                // The two fields, not the 64-byte outcome, which would be copied (by `memcpy`).
                appendScaleCell(
                    value: outcomes[index].value, tableIndex: outcomes[index].tableIndex, scale: first + index,
                    isBand: isBand[position], to: &out)
            }
        } else {
            for _ in 0..<columnCount { out.append(44) }
        }
        out.append(44)
    }

    /// A scored scale's value or band, from the prepared texts when it is a whole number or a
    /// table value.
    @inline(__always)
    private func appendScaleCell(value: Double, tableIndex: Int, scale: Int, isBand: Bool, to out: inout OutputBytes) {
        let prepared = scaleTexts[scale]
        if !isBand, tableIndex >= 0, tableIndex < prepared.tableCount {
            texts.append(prepared.firstTableValue + tableIndex, to: &out)
            return
        }
        // Within the prepared range, a whole number is one that survives a round trip through Int.
        let offset = value - Double(prepared.wholeMinimum)
        if offset >= 0, offset < Double(prepared.wholeCount), Double(Int(offset)) == offset {
            texts.append((isBand ? prepared.firstBand : prepared.firstValue) + Int(offset), to: &out)
        } else if !isBand {
            out.append(number: value, decimals: scales[scale].decimals)
        } else if let band = scales[scale].band(for: value) {
            out.append(band.id.rawValue)
        }
    }

    private func jsonLine(for row: ScoredRow, dateText: String, engine: Int, layout: ResponseLayout) -> String {
        var scores: [String] = []
        var bands: [String] = []
        let scales = engine >= 0 ? layout.engines[engine].instrument.scales : []
        for (scale, score) in zip(scales, row.scores) {
            scores.append("\(JSONText.quoted(scale.id.rawValue)):\(score.value.map { scale.format($0) } ?? "null")")
            if scale.bands != nil {
                bands.append(
                    "\(JSONText.quoted(scale.id.rawValue)):\(score.band.map { JSONText.quoted($0.rawValue) } ?? "null")"
                )
            }
        }
        let date = row.administeredOn?.description ?? dateText
        return
            "{\"line\":\(row.line),\"child_id\":\(JSONText.quoted(row.childIDText)),\"administered_on\":\(JSONText.quoted(date)),"
            + "\"instrument\":\(JSONText.quoted(row.instrument.rawValue)),\"status\":\"\(row.status.rawValue)\","
            + "\"scores\":{\(scores.joined(separator: ","))},\"bands\":{\(bands.joined(separator: ","))},"
            + "\"problems\":[\(row.problems.map { JSONText.quoted($0.cellText) }.joined(separator: ","))]}"
    }
}

extension ResponseFileReader {
    /// Scores every row and writes it to `output`, one output row per input row in input order.
    /// `onProblem` sees the problems of the rows that are not plainly scored, in order: the first
    /// `reportLimit` of them (every one by default); ``ScoringSummary/problems`` counts them all.
    ///
    /// ```swift
    /// let output = try ByteWriter(atomicFile: "scores.csv")
    /// let summary = try reader.score(to: output, format: .csv, reportLimit: 20) { print($0) }
    /// print("\(summary.problems) problems")
    /// try output.commit()
    /// ```
    ///
    /// - Throws: ``TransferError`` when the input can't be read or the output written.
    public func score(
        to output: ByteWriter, format: OutputFormat, reportLimit: Int = .max, onProblem: (RowProblem) -> Void = { _ in }
    ) throws(TransferError) -> ScoringSummary {
        try TransferError.typed {
            try scoreUntyped(to: output, format: format, reportLimit: reportLimit, onProblem: onProblem)
        }
    }

    private func scoreUntyped(
        to output: ByteWriter, format: OutputFormat, reportLimit: Int, onProblem: (RowProblem) -> Void
    ) throws -> ScoringSummary {
        let writer = ScoreWriter(layout: layout, format: format)
        try writer.writeHeader(to: output)
        var summary = ScoringSummary()
        if let reader = source as? CSVReader, format == .csv, usesFastPath {
            try scoreCSV(
                reader, writer: writer, to: output, summary: &summary, limit: reportLimit, onProblem: onProblem)
        } else {
            while try nextRow() {
                summary.count(state.status)
                for problem in state.problems {
                    if summary.problems < reportLimit { onProblem(problem) }
                    summary.problems += 1
                }
                try writer.writeRow(of: self, to: output)
            }
        }
        summary.blankRowsSkipped = blankRowsSkipped
        summary.unknownColumns = unknownColumns
        return summary
    }
}
