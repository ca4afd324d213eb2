import Foundation
import Testing

@testable import IVOutcomes

/// Every rule of the row rulebook (`ARCHITECTURE.md`, "Where each rule lives"), as a table of
/// rows and the exact status, WEMWBS total and problems cell each gets, run through every way
/// in: the fast CSV path (lanes, with a normal and a tiny block size), the general CSV path,
/// JSON Lines, and an in-memory administration where the rule applies to one.
@Suite("The row rulebook: each rule gives the same row through every way in")
struct RowRulesTests {
    struct Case: Sendable {
        let rule: String
        var child = "C1"
        var date = "2026-01-10"
        var instrument = "wemwbs"
        /// Answers that differ from 3, by item id (`wemwbs_4`) or another instrument's item.
        var answers: [String: String] = [:]
        let status: ScoreStatus
        let total: String
        let problems: String
        /// Whether an in-memory administration can express the row.
        var inMemory = true
    }

    static let missing1 =
        "wemwbs_total: not scored: 1 of 14 items unanswered (policy complete: every item must be answered)"

    static let cases: [Case] = [
        Case(rule: "a full form is scored", status: .scored, total: "42", problems: ""),
        Case(
            rule: "a required blank is a problem, and the scale's missing-answer text follows",
            answers: ["wemwbs_5": ""], status: .incomplete, total: "", problems: "wemwbs_5: no answer; \(missing1)"),
        Case(
            rule: "a declined answer is a problem and counts as missing",
            answers: ["wemwbs_5": "declined"], status: .incomplete, total: "",
            problems: "wemwbs_5: declined; \(missing1)"),
        Case(
            rule: "an invalid answer makes the form invalid, with its text",
            answers: ["wemwbs_4": "9"], status: .invalid, total: "",
            problems: #"wemwbs_4: "9" is not an answer (expected 1-5 or a label such as "Often")"#),
        Case(
            rule: "a blank child id makes the row invalid", child: " ", status: .invalid, total: "",
            problems: "child_id: empty (every row needs a child's pseudonymous id)", inMemory: false),
        Case(
            rule: "a date that is no real day makes the row invalid", date: "2026-02-30", status: .invalid, total: "",
            problems: "administered_on: " + DateFormat.iso.problem(with: "2026-02-30"), inMemory: false),
        Case(
            rule: "an instrument the catalogue does not have makes the row invalid", instrument: "wembws",
            status: .invalid, total: "",
            problems:
                #"instrument: unknown instrument "wembws"; did you mean 'wemwbs'? (known: iv-log, life-skills, scwbs, swemwbs, wemwbs)"#,
            inMemory: false),
        Case(
            rule: "an answer in another instrument's column makes the row invalid",
            answers: ["life_skills_travel": "2"], status: .invalid, total: "",
            problems:
                #"life_skills_travel: not an item of this instrument (value "2"); give each instrument its own row"#),
    ]

    static let header =
        "child_id,administered_on,instrument," + (1...14).map { "wemwbs_\($0)" }.joined(separator: ",")
        + ",life_skills_travel"

    static func answer(_ item: String, in row: Case) -> String {
        row.answers[item] ?? (item.hasPrefix("wemwbs") ? "3" : "")
    }

    static func csv(_ rows: [Case]) -> String {
        let lines = rows.map { row in
            ([row.child, row.date, row.instrument] + (1...14).map { answer("wemwbs_\($0)", in: row) }
                + [answer("life_skills_travel", in: row)]).joined(separator: ",")
        }
        return ([header] + lines).joined(separator: "\n") + "\n"
    }

    static func jsonLines(_ rows: [Case]) -> String {
        rows.map { row in
            let items =
                (1...14).map { "wemwbs_\($0)" }
                + (row.answers["life_skills_travel"] != nil ? ["life_skills_travel"] : [])
            let answers = items.map { "\(JSONText.quoted($0)):\(JSONText.quoted(answer($0, in: row)))" }
            return "{\"child_id\":\(JSONText.quoted(row.child)),\"administered_on\":\(JSONText.quoted(row.date)),"
                + "\"instrument\":\(JSONText.quoted(row.instrument)),\"answers\":{\(answers.joined(separator: ","))}}"
        }.joined(separator: "\n") + "\n"
    }

    /// `score`'s CSV output for a file, read back: status, wemwbs_total and problems per row.
    static func scored(_ path: String, fast: Bool, blockSize: Int? = nil, in folder: TemporaryFolder) throws
        -> [(status: String, total: String, problems: String)]
    {
        let reader = try ResponseFileReader(
            path: path, catalog: try .builtIn, options: ReadingOptions(), chunkSize: blockSize ?? 1 << 20)
        reader.usesFastPath = fast
        if let blockSize { reader.blockSize = blockSize }
        let output = ByteWriter(collecting: ())
        _ = try reader.score(to: output, format: .csv, reportLimit: .max) { _ in }
        try output.commit()
        let written = folder.write("out-\(UUID().uuidString).csv", String(decoding: output.collected, as: UTF8.self))
        let table = try CSVReader(path: written)
        let columns = try table.readHeader()
        let status = try #require(columns.firstIndex(of: "status"))
        let total = try #require(columns.firstIndex(of: "wemwbs_total"))
        let problems = try #require(columns.firstIndex(of: "problems"))
        var rows: [(String, String, String)] = []
        while try table.next() {
            rows.append((table.string(at: status), table.string(at: total), table.string(at: problems)))
        }
        return rows
    }

    @Test("each rule: fast CSV path (two block sizes), general CSV path, JSON Lines and in memory agree")
    func everyWayIn() throws {
        let folder = TemporaryFolder()
        let csv = folder.write("rules.csv", Self.csv(Self.cases))
        let jsonl = folder.write("rules.jsonl", Self.jsonLines(Self.cases))
        let ways: [(String, [(status: String, total: String, problems: String)])] = [
            ("fast CSV", try Self.scored(csv, fast: true, in: folder)),
            ("fast CSV, 256-byte blocks", try Self.scored(csv, fast: true, blockSize: 256, in: folder)),
            ("general CSV", try Self.scored(csv, fast: false, in: folder)),
            ("JSON Lines", try Self.scored(jsonl, fast: false, in: folder)),
        ]
        let engine = ScoringEngine(instrument: try InstrumentCatalog.builtIn.instrument(id: "wemwbs"))
        for (index, row) in Self.cases.enumerated() {
            for (way, rows) in ways {
                #expect(rows[index].status == row.status.rawValue, "\(way): \(row.rule)")
                #expect(rows[index].total == row.total, "\(way): \(row.rule)")
                if !row.problems.isEmpty { #expect(rows[index].problems == row.problems, "\(way): \(row.rule)") }
                // Every way gives the same problems cell, whatever it says.
                #expect(rows[index].problems == ways[0].1[index].problems, "\(way) vs fast CSV: \(row.rule)")
            }
            guard row.inMemory else { continue }
            var answers = Answers.wemwbs(Array(repeating: 3, count: 14))
            for (item, text) in row.answers { answers[ItemID(item)] = text }
            let sheet = try engine.score(Answers.administration("wemwbs", answers))
            #expect(sheet.status == row.status, "in memory: \(row.rule)")
            #expect(
                sheet.result(for: "wemwbs_total")?.value.map { String(Int($0)) } ?? "" == row.total,
                "in memory: \(row.rule)")
            #expect(sheet.problemMessages.joined(separator: "; ") == row.problems, "in memory: \(row.rule)")
        }
    }

    @Test("a row with the wrong number of fields is invalid and says so, on both CSV paths")
    func fieldCount() throws {
        let folder = TemporaryFolder()
        let path = folder.write("short.csv", Self.header + "\nC1,2026-01-10,wemwbs,3,3\n")
        for fast in [true, false] {
            let rows = try Self.scored(path, fast: fast, in: folder)
            #expect(rows.map(\.status) == ["invalid"])
            #expect(rows.first?.problems.hasPrefix("5 fields, but the header has 18 columns") == true, "fast: \(fast)")
        }
    }
}
