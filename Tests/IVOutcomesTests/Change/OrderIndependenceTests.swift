import Foundation
import Testing

@testable import IVOutcomes

/// The outputs of change, schedule, logs and the report never depend on the order of the rows.
@Suite("Change: one observation per child and date, whatever the row order")
struct OrderIndependenceTests {
    static let logItems = ["visit_happened", "change_confidence", "example_confidence"]
    static let header = ["child_id", "administered_on", "instrument"] + (1...14).map { "wemwbs_\($0)" } + logItems

    /// Rows for a few children on few dates, so forms of one day meet often: exact copies,
    /// copies with blanks (contained), copies with a changed or declined answer (conflicting),
    /// WEMWBS and SWEMWBS forms of one day, and contact logs.
    static func rows(seed: UInt64, count: Int) -> [String] {
        var random = FastPathTests.Generator(state: seed)
        let days = ["2026-01-10", "2026-01-10", "2026-04-02", "2026-07-10", "2026-07-11"]
        var rows: [String] = []
        while rows.count < count {
            let child = "C\(random.next(4))"
            let day = random.pick(days)
            let kind = random.next(5)
            var cells = Array(repeating: "", count: header.count)
            cells[0] = child
            cells[1] = day
            if kind == 4 {
                cells[2] = "iv-log"
                cells[17] = random.pick(["Yes", "No", "1", ""])
                cells[18] = random.pick(["No change", "A little more", "A lot more", "Not sure", "declined", ""])
                cells[19] = random.pick(["", "went swimming", "said \"hello\", first time"])
            } else {
                let swemwbs = kind == 3
                cells[2] = swemwbs ? "swemwbs" : "wemwbs"
                // One base form per child and day, so copies agree unless changed.
                var base = FastPathTests.Generator(
                    state: (child + day).utf8.reduce(UInt64(17)) { $0 &* 31 &+ UInt64($1) })
                for item in 1...14 where !swemwbs || [1, 2, 3, 6, 7, 9, 11].contains(item) {
                    cells[2 + item] = String(1 + base.next(5))
                    let roll = random.next(40)
                    if roll == 0 { cells[2 + item] = "" }
                    if roll == 1 { cells[2 + item] = String(1 + random.next(5)) }
                    if roll == 2 { cells[2 + item] = "declined" }
                    if roll == 3 {
                        cells[2 + item] =
                            ["Never", "Rarely", "Some of the time", "Often", "All of the time"][base.next(5)]
                    }
                }
            }
            let row = cells.map {
                $0.contains(",") || $0.contains("\"")
                    ? "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : $0
            }
            .joined(separator: ",")
            rows.append(row)
            // Exact copies now and then.
            if random.next(6) == 0, rows.count < count { rows.append(row) }
        }
        return rows
    }

    /// change, schedule and logs as CSV and the report's JSON summary, with every `line N`
    /// replaced by the row it names (its text), so that outputs of different orders compare.
    static func outputs(of rows: [String], order: [Int], folder: TemporaryFolder, fast: Bool) throws -> [String] {
        let ordered = order.map { rows[$0] }
        let path = folder.write("rows.csv", ([header.joined(separator: ",")] + ordered).joined(separator: "\n") + "\n")
        let children = folder.write(
            "children.csv",
            "child_id,birth_month,match_start,gender\nC0,2012-01,2026-01-01,f\nC1,2013-06,,m\nC2,2010-12,2025-12-20,f\nC3,2014-02,2026-01-05,m\n"
        )
        let catalog = try InstrumentCatalog.builtIn
        let tracker = FollowUpTracker(
            catalog: catalog, register: try ChildRegister(path: children),
            options: FollowUpOptions(asOf: CalendarDate(iso: "2026-11-22")!))
        let reader = try ResponseFileReader(path: path, catalog: catalog, options: ReadingOptions(), chunkSize: 1 << 12)
        reader.usesFastPath = fast
        reader.blockSize = 1 << 12
        try reader.track(into: tracker)
        var texts = try written(tracker)
        let view = ReportView(
            aggregate: AreaAggregate(tracker: tracker, area: "Test"), catalog: catalog, policy: .standard)
        texts.append(view.jsonSummary())
        texts.append("\(tracker.counts)")
        texts.append(
            tracker.resolutionProblems.map {
                "\($0.column ?? "") \(named($0.message, ordered)) @ \(ordered[($0.line ?? 0) - 2])"
            }.sorted().joined(separator: "\n"))
        return texts.map { named($0, ordered) }
    }

    /// A tracker's change, schedule and log CSV.
    static func written(_ tracker: FollowUpTracker) throws -> [String] {
        try [tracker.writeChanges, tracker.writeSchedule, tracker.writeLogSummaries].map { write in
            let output = ByteWriter(collecting: ())
            try write(output, .csv)
            try output.commit()
            return String(decoding: output.collected, as: UTF8.self)
        }
    }

    /// `text` with each `line N` replaced by the text of the row on line N.
    static func named(_ text: String, _ ordered: [String]) -> String {
        var result = ""
        var rest = Substring(text)
        while let range = rest.range(of: "line ") {
            result += rest[..<range.lowerBound]
            rest = rest[range.upperBound...]
            let digits = rest.prefix { $0.isNumber }
            if let line = Int(digits), line >= 2, line - 2 < ordered.count {
                result += "[\(ordered[line - 2])]"
                rest = rest.dropFirst(digits.count)
            } else {
                result += "line "
            }
        }
        return result + rest
    }

    @Test(
        "every order of the rows gives the same outputs, byte for byte",
        arguments: [11, 12, 13, 14, 15, 16] as [UInt64])
    func permutations(seed: UInt64) throws {
        let folder = TemporaryFolder()
        let rows = Self.rows(seed: seed, count: 40)
        let identity = Array(rows.indices)
        let expected = try Self.outputs(of: rows, order: identity, folder: folder, fast: false)
        var random = FastPathTests.Generator(state: seed &* 7919)
        var orders = [Array(identity.reversed())]
        for _ in 0..<12 {
            var order = identity
            for index in order.indices.reversed() { order.swapAt(index, random.next(index + 1)) }
            orders.append(order)
        }
        for (number, order) in orders.enumerated() {
            for fast in [false, true] {
                let actual = try Self.outputs(of: rows, order: order, folder: folder, fast: fast)
                for (kind, (a, b)) in zip(
                    ["change", "schedule", "logs", "report", "counts", "problems"], zip(actual, expected))
                {
                    #expect(a == b, "seed \(seed), order \(number), fast \(fast): \(kind) differs")
                }
            }
        }
        // The generated rows do hold same-day forms that merge and that disagree.
        #expect(
            expected[4].contains("duplicates: 0") == false && expected[4].contains("conflicting: 0") == false,
            "\(expected[4])")
    }

    @Test("all orders of a small file give the same outputs")
    func allOrders() throws {
        let folder = TemporaryFolder()
        let rows = Self.rows(seed: 99, count: 6)
        let expected = try Self.outputs(of: rows, order: Array(rows.indices), folder: folder, fast: false)
        func permute(_ prefix: [Int], _ rest: [Int]) throws {
            guard !rest.isEmpty else {
                #expect(try Self.outputs(of: rows, order: prefix, folder: folder, fast: false) == expected, "\(prefix)")
                return
            }
            for (index, next) in rest.enumerated() {
                var remaining = rest
                remaining.remove(at: index)
                try permute(prefix + [next], remaining)
            }
        }
        try permute([], Array(rows.indices))
    }
}
