import Dispatch

extension FollowUpTracker {
    /// The columns of ``writeChanges(to:format:)``, in order.
    public static let changeColumns = [
        "child_id", "scale", "baseline_on", "baseline", "latest_on", "latest", "change", "administrations",
        "reliable_change", "meaningful_change", "band_from", "band_to", "below_validated_age", "problems",
        "days_between", "above_validated_age",
    ]

    /// The columns of ``writeSchedule(to:format:)``, in order.
    public static let scheduleColumns = [
        "child_id", "measure", "anchor_on", "anchor", "waves_expected", "waves_done", "waves_overdue", "overdue_waves",
        "due_now_on", "next_due_on", "outside_window", "problems", "due_instrument",
    ]

    /// Writes ``changes()``: one row per child and scale.
    ///
    /// ```swift
    /// try tracker.writeChanges(to: ByteWriter(standardOutput: ()), format: .csv)
    /// ```
    public func writeChanges(to output: ByteWriter, format: OutputFormat) throws(OutputError) {
        let table = try ResultTable(columns: FollowUpTracker.changeColumns, output: output, format: format)
        guard format == .csv else {
            try forEachChangeWithScale { change, scale throws(OutputError) in
                let followUp = change.followUp
                let number = { (value: Double?) in value.map { ResultTable.Cell.number(scale.format($0)) } ?? .null }
                try table.append([
                    .text(change.childID.rawValue), .text(change.scale.rawValue), .date(change.baseline?.date),
                    number(change.baseline?.value),
                    .date(followUp?.date), number(followUp?.value), number(change.change),
                    .integer(change.administrations),
                    .text(change.reliableChange.rawValue), .text(change.meaningfulChange.rawValue),
                    .optionalText(change.baseline?.band?.rawValue), .optionalText(followUp?.band?.rawValue),
                    .text(change.belowValidatedAge.rawValue),
                    .list(change.problems.map(\.message)), .integer(change.daysBetween),
                    .text(change.aboveValidatedAge.rawValue),
                ])
            }
            return
        }
        // CSV: children in runs, each run's rows written by two threads into buffers of their own
        // and handed to the output in order. The tracker is only read while this runs.
        let order = sortedChildren
        let context = ChangeContext(self)
        let shared = Shared(
            tracker: self, order: order, context: context, texts: ChangeRowTexts(self, context: context))
        let halves = [Buffer(), Buffer()]
        for start in stride(from: 0, to: order.count, by: FollowUpTracker.childrenPerRun) {
            let end = min(start + FollowUpTracker.childrenPerRun, order.count)
            let middle = (start + end) / 2
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                let range = half == 0 ? start..<middle : middle..<end
                halves[half].bytes.removeAll()
                shared.tracker.appendCSVRows(
                    of: shared.order[range], in: shared.context, texts: shared.texts, to: &halves[half].bytes)
            }
            for half in halves { try half.bytes.withView { (bytes) throws(OutputError) in try output.write(bytes) } }
        }
    }

    /// How many children's rows are prepared at a time (bounds the memory the buffers take).
    static let childrenPerRun = 16_384

    /// What the writing threads read, handed over together. Nothing in it changes while they run.
    // Unchecked: nothing in it changes while the writing threads read it.
    private struct Shared: @unchecked Sendable {
        let tracker: FollowUpTracker
        let order: [ChildEntry]
        let context: ChangeContext
        let texts: ChangeRowTexts
    }

    /// What writing change rows needs, prepared once: per scale followed its id and band texts,
    /// and every date the tracker can hold as ISO bytes.
    // Unchecked: prepared once, before any thread reads it, and never changed.
    final class ChangeRowTexts: @unchecked Sendable {
        /// A followed scale's texts in the pool.
        struct FollowedScale {
            var id: Int
            /// Band texts by band position, from this pool text on; -1 when the scale has no bands.
            var firstBand: Int
        }

        let plans: FixedArray<FollowedScale>
        let texts: FrozenTextPool
        /// The ISO bytes of day `firstDay + i` at `dates.base + 10 * i`.
        let firstDay: Int
        let dates: FixedArray<UInt8>

        init(_ tracker: FollowUpTracker, context: ChangeContext) {
            var pool = TextPool()
            var plans: [FollowedScale] = []
            for slot in context.followed {
                let scale = tracker.scales[slot]
                let id = pool.add(scale.id.rawValue.utf8)
                var firstBand = -1
                for (index, band) in (scale.bands?.bands ?? []).enumerated() {
                    let text = pool.add(band.id.rawValue.utf8)
                    if index == 0 { firstBand = text }
                }
                plans.append(FollowedScale(id: id, firstBand: firstBand))
            }
            self.plans = FixedArray(plans)
            texts = pool.frozen()
            // Used points lie between the earliest date and the as-of date (a table of at most
            // 100 years; beyond that, dates are formatted one by one).
            firstDay = tracker.earliestDay
            let days = tracker.asOfDay - tracker.earliestDay + 1
            var bytes: [UInt8] = []
            if days > 0, days <= 36_600 {
                bytes.reserveCapacity(days * 10 + OutputBytes.padding)
                for day in tracker.earliestDay...tracker.asOfDay {
                    bytes.append(contentsOf: CalendarDate(daysSinceEpoch: day).isoBytes)
                }
            }
            dates = FixedArray(bytes + [UInt8](repeating: 0, count: OutputBytes.padding))
        }

        /// A comma, then a moment's date and value (or two blank cells).
        @inline(__always)
        func appendCells(of moment: ChangeRow.Moment?, decimals: Int, to out: inout OutputBytes) {
            out.append(44)
            guard let moment else {
                out.append(44)
                return
            }
            appendDate(moment.day, to: &out)
            out.append(44)
            out.append(number: moment.value, decimals: decimals)
        }

        /// A comma, then the text of band `band` of followed scale `position` (if any).
        @inline(__always)
        func appendBand(_ band: Int?, position: Int, to out: inout OutputBytes) {
            out.append(44)
            let first = plans[position].firstBand
            if let band, first >= 0 { texts.append(first + band, to: &out) }
        }

        /// Appends a day as `YYYY-MM-DD`.
        @inline(__always)
        func appendDate(_ day: Int, to out: inout OutputBytes) {
            let offset = day - firstDay
            if offset >= 0, offset * 10 + 10 + OutputBytes.padding <= dates.count {
                dates.withView { out.appendShort($0, at: offset * 10, count: 10) }
            } else {
                out.append(isoDate: CalendarDate(daysSinceEpoch: day))
            }
        }
    }

    /// One writing thread's output.
    // Unchecked: each buffer is filled by one writing thread and read after that thread is waited for.
    private final class Buffer: @unchecked Sendable {
        var bytes = OutputBytes(capacity: 1 << 16)
    }

    /// Appends the CSV rows of some children's changes (entries of ``sortedChildren``), in
    /// ``changeColumns`` order, straight from each child's tracks: the same cells as the fields of
    /// ``change(of:id:position:in:)``, without building it.
    func appendCSVRows(
        of entries: ArraySlice<ChildEntry>, in context: ChangeContext, texts: ChangeRowTexts, to out: inout OutputBytes
    ) {
        let ledger = context.ledger
        let rules = context.rules
        for entry in entries {
            let child = ChildChanges(entry: entry, tracker: self, context: context)
            // The id cell is written once, then copied into the child's other rows.
            let idStart = out.count
            if case .tracked(let index) = entry {
                ledger.childTable.withID(index) { CSVCell.append($0, to: &out) }
            } else {
                CSVCell.append(childID(entry, in: ledger), to: &out)
            }
            let idCount = out.count - idStart
            for position in context.followed.indices {
                if position > 0 { out.appendCopy(from: idStart, count: idCount) }
                let track = child.track(position, in: context)
                let rule = rules[position]
                FollowUpTracker.appendCSVRow(
                    ChangeRow(track: track, rule: rule, limits: context.limits[position]),
                    administrations: Int(track?.count ?? 0), decimals: rule.decimals,
                    problems: problems(of: child, track: track, position: position, in: context), position: position,
                    texts: texts, to: &out)
            }
        }
    }

    /// One change as a CSV row after its id cell.
    private static func appendCSVRow(
        _ row: ChangeRow, administrations: Int, decimals: Int, problems: [FollowUpNote], position: Int,
        texts: ChangeRowTexts, to out: inout OutputBytes
    ) {
        out.append(44)
        texts.texts.append(texts.plans[position].id, to: &out)
        texts.appendCells(of: row.baseline, decimals: decimals, to: &out)
        texts.appendCells(of: row.followUp, decimals: decimals, to: &out)
        out.append(44)
        if let change = row.classified.change { out.append(number: change, decimals: decimals) }
        out.append(44)
        out.append(integer: administrations)
        out.append(44)
        out.append(row.classified.reliable.rawValue)
        out.append(44)
        out.append(row.classified.meaningful.rawValue)
        texts.appendBand(row.bandFrom, position: position, to: &out)
        texts.appendBand(row.bandTo, position: position, to: &out)
        out.append(44)
        out.append(row.ageFlag.rawValue)
        out.append(44)
        if !problems.isEmpty {
            CSVCell.append(problems.map(\.message).joined(separator: CSVCell.problemSeparator), to: &out)
        }
        out.append(44)
        if let days = row.daysBetween { out.append(integer: days) }
        out.append(44)
        out.append(row.aboveFlag.rawValue)
        out.append(10)
    }

    /// Writes ``schedule()``: one row per child and measure.
    public func writeSchedule(to output: ByteWriter, format: OutputFormat) throws(OutputError) {
        let table = try ResultTable(columns: FollowUpTracker.scheduleColumns, output: output, format: format)
        for status in schedule() {
            try table.append([
                .text(status.childID.rawValue), .text(status.measure.rawValue), .date(status.anchorDate),
                .text(status.anchor.rawValue),
                .integer(status.waves.count), .integer(status.doneWaves.count), .integer(status.overdueWaves.count),
                .list(status.overdueWaves.map { "wave \($0.number) due \($0.dueOn)" }), .date(status.dueNowWave?.dueOn),
                .date(status.nextDueOn), .list(status.outsideWindow.map(\.description)),
                .list(status.problems.map(\.message)), .optionalText(status.dueInstruments?.description),
            ])
        }
    }

    /// The columns of ``writeLogSummaries(to:format:)``: one count column per option of the
    /// outcome questions, named after its label (`a_little_more`).
    public var logColumns: [String] {
        ["child_id", "outcome", "period_from", "period_to", "logs", "visits_happened"] + logOptionColumns.map(\.name)
            + ["declined", "unanswered", "positive"]
    }

    private var logOptionColumns: [(name: String, label: String)] {
        var seen: [String] = []
        var columns: [(String, String)] = []
        for plan in logPlans.indices.filter({ instrumentsSeen[$0] }).compactMap({ logPlans[$0] }) {
            for option in plan.questions.flatMap(\.options) where !seen.contains(option.label.lowercased()) {
                seen.append(option.label.lowercased())
                columns.append((FollowUpTracker.columnName(option.label), option.label.lowercased()))
            }
        }
        return columns
    }

    /// `A little more` -> `a_little_more`.
    static func columnName(_ label: String) -> String {
        var name = ""
        for character in label.lowercased() {
            if character.isLetter || character.isNumber {
                name.append(character)
            } else if !name.isEmpty, name.last != "_" {
                name.append("_")
            }
        }
        while name.hasSuffix("_") { name.removeLast() }
        return name
    }

    /// Writes ``logSummaries()``: one row per child and outcome, counts only, never free text.
    public func writeLogSummaries(to output: ByteWriter, format: OutputFormat) throws(OutputError) {
        let optionColumns = logOptionColumns
        let table = try ResultTable(columns: logColumns, output: output, format: format)
        let from = ResultTable.Cell.date(options.logPeriod?.lowerBound)
        let to = ResultTable.Cell.date(options.logPeriod?.upperBound)
        for summary in logSummaries() {
            var row: [ResultTable.Cell] = [
                .text(summary.childID.rawValue), .text(summary.outcome.rawValue), from, to, .integer(summary.logs),
                .integer(summary.visitsHappened),
            ]
            for column in optionColumns {
                let index = summary.options.firstIndex { $0.label.lowercased() == column.label }
                row.append(index.map { .integer(summary.counts[$0]) } ?? .null)
            }
            row += [.integer(summary.declined), .integer(summary.unanswered), .integer(summary.positive)]
            try table.append(row)
        }
    }
}
