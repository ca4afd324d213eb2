import Dispatch

extension FollowUpTracker {
    /// The columns of ``writeChanges(to:format:)``, in order.
    public static let changeColumns = [
        "child_id", "scale", "baseline_on", "baseline", "latest_on", "latest", "change", "administrations",
        "reliable_change", "meaningful_change", "band_from", "band_to", "below_validated_age", "problems", "days_between",
    ]

    /// The columns of ``writeSchedule(to:format:)``, in order.
    public static let scheduleColumns = [
        "child_id", "measure", "anchor_on", "anchor", "waves_expected", "waves_done", "waves_overdue", "overdue_waves",
        "due_now_on", "next_due_on", "outside_window", "problems",
    ]

    /// Writes ``changes()``: one row per child and scale.
    ///
    /// ```swift
    /// try tracker.writeChanges(to: ByteWriter(standardOutput: ()), format: .csv)
    /// ```
    public func writeChanges(to output: ByteWriter, format: OutputFormat) throws(OutputError) {
        let table = try ResultTable(columns: FollowUpTracker.changeColumns, output: output, format: format)
        guard format == .csv else {
            try forEachChange { change, scale throws(OutputError) in
                let followUp = change.administrations > 1 ? change.latest : nil
                let number = { (value: Double?) in value.map { ResultTable.Cell.number(scale.format($0)) } ?? .null }
                try table.append([
                    .text(change.childID), .text(change.scale.rawValue), .date(change.baseline?.date), number(change.baseline?.value),
                    .date(followUp?.date), number(followUp?.value), number(change.change), .integer(change.administrations),
                    .text(change.reliableChange.rawValue), .text(change.meaningfulChange.rawValue),
                    .optionalText(change.baseline?.band), .optionalText(followUp?.band), .text(change.belowValidatedAge.rawValue),
                    .list(change.problems), .integer(change.daysBetween),
                ])
            }
            return
        }
        // CSV: children in runs, each run's rows written by two threads into buffers of their own
        // and handed to the output in order. The tracker is only read while this runs.
        let order = childOrder
        let shared = Shared(tracker: self, order: order, context: ChangeContext(self))
        let halves = [Buffer(), Buffer()]
        for start in stride(from: 0, to: order.count, by: FollowUpTracker.childrenPerRun) {
            let end = min(start + FollowUpTracker.childrenPerRun, order.count)
            let middle = (start + end) / 2
            DispatchQueue.concurrentPerform(iterations: 2) { half in
                let range = half == 0 ? start..<middle : middle..<end
                halves[half].bytes.removeAll()
                shared.tracker.forEachChange(of: shared.order[range], in: shared.context) { change, scale in
                    FollowUpTracker.appendCSVRow(change, scale: scale, to: &halves[half].bytes)
                }
            }
            for half in halves { try output.write(half.bytes.bytes) }
        }
    }

    /// How many children's rows are prepared at a time (bounds the memory the buffers take).
    static let childrenPerRun = 16_384

    /// What the writing threads read, handed over together. Nothing in it changes while they run.
    private struct Shared: @unchecked Sendable {
        let tracker: FollowUpTracker
        let order: [(id: String, state: Int?)]
        let context: ChangeContext
    }

    /// One writing thread's output.
    private final class Buffer: @unchecked Sendable {
        var bytes = OutputBytes(capacity: 1 << 16)
        deinit { bytes.deallocate() }
    }

    /// One change as a CSV row, in ``changeColumns`` order.
    private static func appendCSVRow(_ change: ScaleChange, scale: Scale, to out: inout OutputBytes) {
        let followUp = change.administrations > 1 ? change.latest : nil
        CSVCell.append(change.childID, to: &out)
        out.append(44)
        out.append(change.scale.rawValue)
        appendCells(of: change.baseline, scale: scale, to: &out)
        appendCells(of: followUp, scale: scale, to: &out)
        out.append(44)
        if let value = change.change { out.append(number: value, decimals: scale.decimals) }
        out.append(44)
        out.append(integer: change.administrations)
        out.append(44)
        out.append(change.reliableChange.rawValue)
        out.append(44)
        out.append(change.meaningfulChange.rawValue)
        out.append(44)
        if let band = change.baseline?.band { CSVCell.append(band, to: &out) }
        out.append(44)
        if let band = followUp?.band { CSVCell.append(band, to: &out) }
        out.append(44)
        out.append(change.belowValidatedAge.rawValue)
        out.append(44)
        if !change.problems.isEmpty { CSVCell.append(change.problems.joined(separator: "; "), to: &out) }
        out.append(44)
        if let days = change.daysBetween { out.append(integer: days) }
        out.append(10)
    }

    /// A comma, then an observation's date and value (or two blank cells).
    private static func appendCells(of observation: ScaleObservation?, scale: Scale, to out: inout OutputBytes) {
        out.append(44)
        if let observation { out.append(isoDate: observation.date) }
        out.append(44)
        if let observation { out.append(number: observation.value, decimals: scale.decimals) }
    }

    /// Writes ``schedule()``: one row per child and measure.
    public func writeSchedule(to output: ByteWriter, format: OutputFormat) throws(OutputError) {
        let table = try ResultTable(columns: FollowUpTracker.scheduleColumns, output: output, format: format)
        for status in schedule() {
            try table.append([
                .text(status.childID), .text(status.measure), .date(status.anchorDate), .text(status.anchor.rawValue),
                .integer(status.waves.count), .integer(status.doneWaves.count), .integer(status.overdueWaves.count),
                .list(status.overdueWaves.map { "wave \($0.number) due \($0.dueOn)" }), .date(status.dueNowWave?.dueOn),
                .date(status.nextDueOn), .list(status.outsideWindow.map(\.description)), .list(status.problems),
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
                .text(summary.childID), .text(summary.outcome.rawValue), from, to, .integer(summary.logs),
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
