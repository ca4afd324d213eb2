import Foundation
import Testing

@testable import IVOutcomes

@Suite("Scoring response files")
struct ResponseFileTests {
    static let header = "child_id,administered_on,instrument," + (1...14).map { "wemwbs_\($0)" }.joined(separator: ",")
    static func wemwbsRow(_ child: String, _ date: String, _ codes: [String]) -> String {
        "\(child),\(date),wemwbs,\(codes.joined(separator: ","))"
    }
    static let threes = Array(repeating: "3", count: 14)

    /// Scores `contents` and returns the output text, the summary and every problem.
    func score(
        _ contents: String, name: String = "responses.csv", options: ReadingOptions = ReadingOptions(),
        format: OutputFormat = .csv
    ) throws -> (output: String, summary: ScoringSummary, problems: [String]) {
        let folder = TemporaryFolder()
        let reader = try ResponseFileReader(path: folder.write(name, contents), catalog: try .builtIn, options: options)
        let output = ByteWriter(collecting: ())
        var problems: [String] = []
        let summary = try reader.score(to: output, format: format) {
            problems.append($0.description.replacingOccurrences(of: folder.path + "/", with: ""))
        }
        try output.commit()
        return (String(decoding: output.collected, as: UTF8.self), summary, problems)
    }

    @Test("one output row per input row, in input order, with scores, bands and problems")
    func outputRows() throws {
        var blank14 = Self.threes
        blank14[13] = ""
        let file =
            [Self.header, Self.wemwbsRow("C1", "2026-01-10", Self.threes), Self.wemwbsRow("C2", "2026-01-11", blank14)]
            .joined(separator: "\n") + "\n"
        let result = try score(file)
        #expect(
            result.output == """
                child_id,administered_on,instrument,status,wemwbs_total,wemwbs_band,swemwbs_raw,swemwbs_metric,problems
                C1,2026-01-10,wemwbs,scored,42,possible_depression,21,19.25,
                C2,2026-01-11,wemwbs,incomplete,,,21,19.25,wemwbs_14: no answer; wemwbs_total: not scored: 1 of 14 items unanswered (policy complete: every item must be answered)

                """)
        #expect(result.summary.rowsRead == 2 && result.summary.scored == 1 && result.summary.incomplete == 1)
        #expect(
            result.problems == [
                "responses.csv:3: column wemwbs_14: no answer",
                "responses.csv:3: wemwbs_total: not scored: 1 of 14 items unanswered (policy complete: every item must be answered)",
            ])
    }

    @Test("header names with stray spaces or different case, CRLF, a BOM, and trailing blank lines")
    func realWorldQuirks() throws {
        let header =
            "\u{FEFF} Child_ID ,Administered_On,INSTRUMENT," + (1...14).map { " WEMWBS_\($0)" }.joined(separator: ",")
        let file = [header, Self.wemwbsRow("C1", "2026-01-10", Self.threes), "", ",,,,,,,,,,,,,,,,,", ""].joined(
            separator: "\r\n")
        let result = try score(file)
        #expect(result.summary.rowsRead == 1 && result.summary.scored == 1)
        #expect(result.summary.blankRowsSkipped == 2)
        #expect(result.output.contains("C1,2026-01-10,wemwbs,scored,42,"))
    }

    @Test("unknown columns are reported once and ignored; other instruments' columns may be blank")
    func unknownAndForeignColumns() throws {
        let file =
            Self.header + ",notes,life_skills_travel\n" + Self.wemwbsRow("C1", "2026-01-10", Self.threes) + ",hello,\n"
        let folder = TemporaryFolder()
        let reader = try ResponseFileReader(path: folder.write("in.csv", file), catalog: try .builtIn)
        #expect(reader.unknownColumns == ["notes"])
        let result = try score(file)
        #expect(result.summary.scored == 1)
    }

    @Test("an answer in another instrument's column makes the row invalid")
    func foreignAnswer() throws {
        let file = Self.header + ",life_skills_travel\n" + Self.wemwbsRow("C1", "2026-01-10", Self.threes) + ",3\n"
        let result = try score(file)
        #expect(result.summary.invalid == 1)
        #expect(
            result.problems == [
                #"responses.csv:2: column life_skills_travel: not an item of this instrument (value "3"); give each instrument its own row"#
            ])
    }

    /// Rows with a problem, and the exact problem each must produce.
    static let badRows: [(String, String)] = [
        (
            wemwbsRow("C1", "2026-01-10", ["6"] + Array(threes.dropFirst())),
            #"responses.csv:2: column wemwbs_1: "6" is not an answer (expected 1-5 or a label such as "Often")"#
        ),
        (
            wemwbsRow("", "2026-01-10", threes),
            "responses.csv:2: column child_id: empty (every row needs a child's pseudonymous id)"
        ),
        (
            wemwbsRow("C1", "22/11/2026", threes),
            #"responses.csv:2: column administered_on: "22/11/2026" is ambiguous: day/month/year and month/day/year look alike; write dates as YYYY-MM-DD, or pass --date-format DD/MM/YYYY (or MM/DD/YYYY) to say which"#
        ),
        (
            "C1,2026-01-10,wembws," + threes.joined(separator: ","),
            #"responses.csv:2: column instrument: unknown instrument "wembws"; did you mean 'wemwbs'? (known: iv-log, life-skills, scwbs, swemwbs, wemwbs)"#
        ),
        (
            "C1,2026-01-10,wemwbs,3,3",
            "responses.csv:2: 5 fields, but the header has 17 columns; nothing in this row was scored (check for an unquoted comma)"
        ),
    ]

    @Test(
        "a bad row is reported with file, line, column and value, and the rest of the file goes on", arguments: badRows)
    func badRow(row: String, message: String) throws {
        let file = [Self.header, row, Self.wemwbsRow("C9", "2026-02-01", Self.threes)].joined(separator: "\n")
        let result = try score(file)
        #expect(result.problems.first == message)
        #expect(result.summary.rowsRead == 2 && result.summary.invalid == 1 && result.summary.scored == 1)
        let lines = result.output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)  // header, two rows, final newline
        #expect(lines[1].contains(",invalid,,,,,"))
        #expect(lines[2].hasPrefix("C9,2026-02-01,wemwbs,scored,42"))
    }

    @Test("rows read always equal rows scored plus rows reported")
    func rowAccounting() throws {
        var rows = [Self.header]
        for index in 0..<300 {
            var codes = Self.threes
            if index % 7 == 0 { codes[index % 14] = "" }
            if index % 11 == 0 { codes[3] = "0" }
            let date = index % 13 == 0 ? "13/01/2026" : "2026-01-10"
            rows.append(Self.wemwbsRow("C\(index)", date, codes))
            if index % 50 == 0 { rows.append("") }
        }
        let result = try score(rows.joined(separator: "\n"))
        let summary = result.summary
        #expect(summary.rowsRead == 300)
        #expect(summary.scored + summary.incomplete + summary.invalid == summary.rowsRead)
        #expect(summary.invalid > 0 && summary.incomplete > 0)
        #expect(result.output.split(separator: "\n").count == 301)
    }

    @Test("labels are accepted as answers in files")
    func labelsInFiles() throws {
        let labels = ["Often", "often", " OFTEN ", "4"] + Array(repeating: "Some of the time", count: 10)
        let result = try score(Self.header + "\n" + Self.wemwbsRow("C1", "2026-01-10", labels))
        #expect(result.output.contains(",scored,46,average,"))
    }

    @Test("--instrument fills in files without an instrument column; --date-format reads day-first dates")
    func instrumentAndDateOptions() throws {
        let header = "child_id,administered_on," + (1...14).map { "wemwbs_\($0)" }.joined(separator: ",")
        let file = header + "\nC1,03/04/2026," + Self.threes.joined(separator: ",") + "\n"
        let options = ReadingOptions(instrument: "wemwbs", dateFormat: try DateFormat(pattern: "DD/MM/YYYY"))
        let result = try score(file, options: options)
        #expect(result.output.contains("C1,2026-04-03,wemwbs,scored,42,"))
    }

    @Test("a missing required column stops with a message that says how to fix it")
    func missingColumns() throws {
        #expect {
            try score("child,administered_on,instrument\nC1,2026-01-01,wemwbs\n")
        } throws: { error in
            (error as? InputError)?.description.hasSuffix(
                "responses.csv:1: the header has no 'child_id' column; found 'child': rename it to 'child_id', or map it with --columns MAPPING.csv (a row \"child\",child_id)"
            ) == true
        }
        #expect {
            try score("child_id,administered_on,wemwbs_1\nC1,2026-01-01,3\n")
        } throws: { error in
            (error as? InputError)?.description.hasSuffix(
                "responses.csv:1: the header has no 'instrument' column (or pass --instrument ID when every row is the same instrument)"
            ) == true
        }
        #expect {
            try score("child_id,administered_on,instrument,wemwbs_1,wemwbs_1\n")
        } throws: { error in
            (error as? InputError)?.description.hasSuffix(
                "responses.csv:1: columns 4 and 5 are both named 'wemwbs_1'; rename or remove one") == true
        }
        #expect { try score("") } throws: { error in
            (error as? InputError)?.description.hasSuffix(
                "responses.csv: the file is empty (expected a header row: child_id,administered_on,instrument,...)")
                == true
        }
    }

    @Test(
        "cells that could run as spreadsheet formulas are neutralised",
        arguments: ["=HYPERLINK(\"x\")", "+1", "-2", "@SUM(A1)"])
    func formulaNeutralising(child: String) throws {
        let quoted = "\"" + child.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        let result = try score(Self.header + "\n" + Self.wemwbsRow(quoted, "2026-01-10", Self.threes))
        let row = try #require(result.output.split(separator: "\n").dropFirst().first)
        #expect(row.hasPrefix("'\(child.prefix(1))") || row.hasPrefix("\"'\(child.prefix(1))"))
        #expect(!row.hasPrefix(String(child.prefix(1))))
    }

    @Test("JSON Lines in and out")
    func jsonLines() throws {
        let file = """
            {"child_id": "C1", "administered_on": "2026-01-10", "instrument": "swemwbs", "answers": {"wemwbs_1": 3, "wemwbs_2": "Often", "wemwbs_3": 3, "wemwbs_6": 3, "wemwbs_7": 3, "wemwbs_9": 3, "wemwbs_11": 3}}

            {"child_id": "C2", "administered_on": "2026-01-10", "instrument": "swemwbs", "answers": {"wemwbs_99": 3}}
            not json
            [1, 2]
            """
        let result = try score(file, name: "responses.jsonl", format: .jsonl)
        let lines = result.output.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(
            lines[0]
                == #"{"line":1,"child_id":"C1","administered_on":"2026-01-10","instrument":"swemwbs","status":"scored","scores":{"swemwbs_raw":22,"swemwbs_metric":19.98},"bands":{},"problems":[]}"#
        )
        #expect(lines[1].contains(#""status":"invalid""#))
        #expect(
            result.problems.contains(
                "responses.jsonl:3: column answers.wemwbs_99: not an item of any instrument; did you mean 'wemwbs_9'?"))
        #expect(
            result.problems.contains(
                "responses.jsonl:4: not valid JSON: column 1: expected a value (a string in double quotes, a number, true, false, null, an object or an array)"
            ))
        #expect(result.problems.contains { $0.hasPrefix("responses.jsonl:5: not a JSON object (expected {") })
        #expect(result.summary.rowsRead == 4 && result.summary.blankRowsSkipped == 1)
    }
}

@Suite("Atomic output")
struct AtomicOutputTests {
    @Test("nothing appears at the target until commit, and an abandoned writer leaves no file")
    func atomic() throws {
        let folder = TemporaryFolder()
        let target = folder.file("scores.csv")
        do {
            let writer = try ByteWriter(atomicFile: target)
            try writer.write("half a file")
            try writer.flush()
            #expect(folder.read("scores.csv") == nil)
        }
        #expect(folder.read("scores.csv") == nil)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
        let writer = try ByteWriter(atomicFile: target)
        try writer.write("complete\n")
        try writer.commit()
        #expect(folder.read("scores.csv") == "complete\n")
    }

    @Test("an existing file is replaced only when the new one is complete")
    func replaceExisting() throws {
        let folder = TemporaryFolder()
        folder.write("scores.csv", "old\n")
        do {
            let writer = try ByteWriter(atomicFile: folder.file("scores.csv"))
            try writer.write("new but unfinished")
        }
        #expect(folder.read("scores.csv") == "old\n")
        let writer = try ByteWriter(atomicFile: folder.file("scores.csv"))
        try writer.write("new\n")
        try writer.commit()
        // Replaced (by an exchange on Linux), and the old file is gone: nothing else in the folder.
        #expect(folder.read("scores.csv") == "new\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["scores.csv"])
    }

    @Test("a folder at the target is refused before anything is written, and the folder stays")
    func folderAtTarget() throws {
        let folder = TemporaryFolder()
        let target = folder.file("scores.csv")
        try FileManager.default.createDirectory(atPath: target, withIntermediateDirectories: false)
        #expect {
            try ByteWriter(atomicFile: target)
        } throws: { error in
            (error as? OutputError)?.description == "\(target): cannot write: it is a folder; name a file inside it"
        }
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: target, isDirectory: &isFolder) && isFolder.boolValue)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["scores.csv"])
    }

    @Test("a folder that does not exist is an error naming the file")
    func unwritable() {
        #expect {
            try ByteWriter(atomicFile: "/no/such/folder/scores.csv")
        } throws: { error in
            (error as? OutputError)?.description
                == "/no/such/folder/scores.csv: cannot write: No such file or directory"
        }
    }
}
