import Foundation
import Testing

@testable import IVOutcomes

/// The one rule for how a cell is spelled (``CellText``): white space around any cell is trimmed
/// (all Unicode white space), and a whole number may be written `3`, `03`, `+3` or `3.0`. Each
/// case goes through every way in: the fast CSV path (lanes), the general CSV path, JSON Lines
/// and an in-memory administration.
@Suite("The spelling rule: white space and whole numbers, the same in every way in")
struct SpellingRuleTests {
    @Test(
        "whole numbers",
        arguments: [
            ("3", 3), ("03", 3), ("+3", 3), ("-3", -3), ("3.0", 3), ("3.00", 3), (" 3 ", 3), ("\u{A0}3\u{3000}", 3),
            ("\t+03.0\r\n", 3), ("0", 0), ("000", 0), ("3.5", nil), ("3.", nil), (".0", nil), ("3e0", nil), ("", nil),
            ("+", nil), ("-.0", nil), ("three", nil), ("3 3", nil), ("١", nil), ("9999999999999999999", nil),
        ] as [(String, Int?)])
    func wholeNumbers(text: String, expected: Int?) {
        #expect(CellText.wholeNumber(text) == expected, "\(text.debugDescription)")
    }

    @Test(
        "white space at either end is trimmed, whatever its kind",
        arguments: [
            ("C1", "C1"), (" C1\t", "C1"), ("\u{A0}C1\u{A0}", "C1"), ("\u{2003}C 1\u{205F}", "C 1"),
            ("\r\nC1\u{85}", "C1"),
            ("\u{3000}", ""), ("", ""), ("é ", "é"), ("\u{200B}C1", "\u{200B}C1"),
        ] as [(String, String)])
    func trimming(text: String, expected: String) {
        #expect(CellText.trimmed(text) == expected, "\(text.debugDescription)")
        #expect(CellText.isBlank(text) == expected.isEmpty)
        #expect(text.trimmingSpaces == expected)
    }

    /// An answer to wemwbs_4 (the other items are 3), and what it reads as.
    static let answers: [(cell: String, status: ScoreStatus, total: Double?)] = [
        ("4", .scored, 43), ("04", .scored, 43), ("+4", .scored, 43), ("4.0", .scored, 43), ("4.00", .scored, 43),
        (" 4 ", .scored, 43), ("\u{A0}4\u{A0}", .scored, 43), ("\t4", .scored, 43), ("Often", .scored, 43),
        (" often\u{A0}", .scored, 43), ("4.5", .invalid, nil), ("4.", .invalid, nil), ("4e0", .invalid, nil),
        ("", .incomplete, nil), ("\u{A0}", .incomplete, nil), ("\u{A0}declined ", .incomplete, nil),
    ]

    static let header = "child_id,administered_on,instrument," + (1...14).map { "wemwbs_\($0)" }.joined(separator: ",")

    static func csvRow(child: String = "C1", date: String = "2026-01-10", answer: String) -> String {
        "\(child),\(date),wemwbs," + (1...14).map { $0 == 4 ? answer : "3" }.joined(separator: ",")
    }

    /// The status and wemwbs_total of each row of a file, read back from `score`'s CSV output.
    static func scored(_ path: String, fast: Bool) throws -> [(
        status: String, total: String, child: String, date: String
    )] {
        let reader = try ResponseFileReader(path: path, catalog: try .builtIn)
        reader.usesFastPath = fast
        let output = ByteWriter(collecting: ())
        _ = try reader.score(to: output, format: .csv, reportLimit: .max) { _ in }
        try output.commit()
        let lines = String(decoding: output.collected, as: UTF8.self).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        }
        let columns = lines[0]
        let status = try #require(columns.firstIndex(of: "status"))
        let total = try #require(columns.firstIndex(of: "wemwbs_total"))
        return lines.dropFirst().map { ($0[status], $0[total], $0[0], $0[1]) }
    }

    @Test("an answer's spelling reads the same through the fast and general CSV paths, JSON Lines and in memory")
    func everyWayIn() throws {
        let folder = TemporaryFolder()
        let csv = folder.write(
            "spellings.csv",
            ([Self.header] + Self.answers.map { Self.csvRow(answer: $0.cell) }).joined(separator: "\n") + "\n")
        let lines = Self.answers.map { answer -> String in
            var answers = (1...14).map { "\"wemwbs_\($0)\":\"\($0 == 4 ? answer.cell : "3")\"" }
            answers[3] = "\"wemwbs_4\":\(JSONText.quoted(answer.cell))"
            return
                "{\"child_id\":\"C1\",\"administered_on\":\"2026-01-10\",\"instrument\":\"wemwbs\",\"answers\":{\(answers.joined(separator: ","))}}"
        }
        let jsonl = folder.write("spellings.jsonl", lines.joined(separator: "\n") + "\n")
        let engine = ScoringEngine(instrument: try InstrumentCatalog.builtIn.instrument(id: "wemwbs"))
        let paths = [
            try Self.scored(csv, fast: true), try Self.scored(csv, fast: false), try Self.scored(jsonl, fast: false),
        ]
        for (index, answer) in Self.answers.enumerated() {
            let expectedTotal = answer.total.map { String(Int($0)) } ?? ""
            for (way, rows) in zip(["fast CSV", "general CSV", "JSON Lines"], paths) {
                #expect(rows[index].status == answer.status.rawValue, "\(way): \(answer.cell.debugDescription)")
                #expect(rows[index].total == expectedTotal, "\(way): \(answer.cell.debugDescription)")
            }
            let sheet = try engine.score(
                Answers.administration("wemwbs", Answers.wemwbs(Array(repeating: 3, count: 14))).withAnswer(
                    "wemwbs_4", answer.cell))
            #expect(sheet.status == answer.status, "in memory: \(answer.cell.debugDescription)")
            #expect(
                sheet.result(for: "wemwbs_total")?.value == answer.total, "in memory: \(answer.cell.debugDescription)")
        }
    }

    @Test("JSON numbers follow the same rule: 4.0 is 4, 4.5 is not an answer")
    func jsonNumbers() throws {
        let folder = TemporaryFolder()
        let answers = (1...14).map { "\"wemwbs_\($0)\":\($0 == 4 ? "VALUE" : "3")" }.joined(separator: ",")
        let line =
            "{\"child_id\":\"C1\",\"administered_on\":\"2026-01-10\",\"instrument\":\"wemwbs\",\"answers\":{\(answers)}}"
        let path = folder.write(
            "numbers.jsonl",
            ["4.0", "4.5", "4"].map { line.replacingOccurrences(of: "VALUE", with: $0) }.joined(separator: "\n") + "\n")
        let rows = try Self.scored(path, fast: false)
        #expect(rows.map(\.status) == ["scored", "invalid", "scored"])
        #expect(rows.map(\.total) == ["43", "", "43"])
    }

    @Test("ids and dates are trimmed by the same rule, on both CSV paths")
    func idsAndDates() throws {
        let folder = TemporaryFolder()
        let rows = [
            Self.csvRow(child: "\u{A0}C1 ", date: " 2026-01-10\u{A0}", answer: "4"),
            Self.csvRow(child: "\u{3000}", answer: "4"),
        ]
        let path = folder.write("ids.csv", ([Self.header] + rows).joined(separator: "\n") + "\n")
        for fast in [true, false] {
            let scored = try Self.scored(path, fast: fast)
            #expect(
                scored[0].child == "C1" && scored[0].date == "2026-01-10" && scored[0].status == "scored",
                "fast: \(fast)")
            #expect(scored[1].status == "invalid", "a blank id, fast: \(fast)")
        }
    }
}
