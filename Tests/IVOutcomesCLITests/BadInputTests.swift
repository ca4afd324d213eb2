import Foundation
import IVOutcomes
import Testing

@testable import IVOutcomesCLI

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A fresh folder with copies of the CLI fixtures, removed when dropped.
final class Scratch {
    let path: String

    init() {
        path = NSTemporaryDirectory() + "ivoutcomes-bad-\(UUID().uuidString)"
        try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        for name in ["responses.csv", "followup.csv", "followup-children.csv", "followup-logs.csv"] {
            try? FileManager.default.copyItem(atPath: CLIFixtures.path(name), toPath: file(name))
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    func file(_ name: String) -> String { path + "/" + name }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) -> String {
        _ = FileManager.default.createFile(atPath: file(name), contents: Data(bytes))
        return file(name)
    }

    @discardableResult
    func write(_ name: String, _ text: String) -> String { write(name, Array(text.utf8)) }

    func bytes(_ name: String) -> [UInt8]? { FileManager.default.contents(atPath: file(name)).map { [UInt8]($0) } }

    func text(_ name: String) -> String? { bytes(name).map { String(decoding: $0, as: UTF8.self) } }

    var names: [String] { ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted() }
}

/// One command line on scratch files: arguments with `@name` for a scratch file's path.
struct BadInputCase: CustomTestStringConvertible, Sendable {
    let name: String
    let arguments: [String]
    let status: ExitCode
    /// A line standard error must contain, with `@` for the scratch folder.
    let message: String
    var testDescription: String { name }
}

@Suite("ivoutcomes: outputs never replace inputs")
struct OutputSafetyTests {
    /// Every command that takes --out, with --out naming one of its inputs by some spelling.
    static let cases: [BadInputCase] = [
        BadInputCase(
            name: "score, same path", arguments: ["score", "@responses.csv", "--out", "@responses.csv"], status: .usage,
            message:
                "error: --out '@/responses.csv' is the same file as the input '@/responses.csv'; nothing was read or written: choose another output file"
        ),
        BadInputCase(
            name: "score, through ./ and ..",
            arguments: ["score", "@responses.csv", "--out", "@./sub/../responses.csv"], status: .usage,
            message: "error: --out '@/./sub/../responses.csv' is the same file as the input '@/responses.csv'"),
        BadInputCase(
            name: "score, through a symbolic link", arguments: ["score", "@responses.csv", "--out", "@link.csv"],
            status: .usage,
            message: "error: --out '@/link.csv' is the same file as the input '@/responses.csv'"),
        BadInputCase(
            name: "score, a hard link", arguments: ["score", "@responses.csv", "--out", "@hard.csv"], status: .usage,
            message: "error: --out '@/hard.csv' is the same file as the input '@/responses.csv'"),
        BadInputCase(
            name: "change, the children file",
            arguments: [
                "change", "@followup.csv", "--children", "@followup-children.csv", "--out", "@followup-children.csv",
            ],
            status: .usage,
            message: "is the same file as the input '@/followup-children.csv' (--children @/followup-children.csv)"),
        BadInputCase(
            name: "schedule, a response file",
            arguments: ["schedule", "@followup.csv", "--as-of", "2026-11-22", "--out", "@followup.csv"], status: .usage,
            message: "is the same file as the input '@/followup.csv'"),
        BadInputCase(
            name: "logs, a log file", arguments: ["logs", "@followup-logs.csv", "--out", "@followup-logs.csv"],
            status: .usage,
            message: "is the same file as the input '@/followup-logs.csv'"),
        BadInputCase(
            name: "report, the logs",
            arguments: ["report", "@followup.csv", "--logs", "@followup-logs.csv", "--out", "@followup-logs.csv"],
            status: .usage,
            message: "is the same file as the input '@/followup-logs.csv' (--logs @/followup-logs.csv)"),
        BadInputCase(
            name: "pool, a summary", arguments: ["pool", "@responses.csv", "--out", "@responses.csv"], status: .usage,
            message: "is the same file as the input '@/responses.csv'"),
        BadInputCase(
            name: "coverage, a file in a definitions folder",
            arguments: ["coverage", "--definitions", "@defs", "--out", "@defs/wemwbs.json"], status: .usage,
            message: "is the same file as the input '@/defs/wemwbs.json' (--definitions @/defs)"),
    ]

    @Test("--out naming an input is refused before reading, and the input is untouched", arguments: cases)
    func refused(_ test: BadInputCase) throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("sub"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: scratch.file("link.csv"), withDestinationPath: scratch.file("responses.csv"))
        try FileManager.default.linkItem(atPath: scratch.file("responses.csv"), toPath: scratch.file("hard.csv"))
        try FileManager.default.createDirectory(atPath: scratch.file("defs"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            atPath: CLIFixtures.packageRoot.path + "/Instruments/wemwbs.json", toPath: scratch.file("defs/wemwbs.json"))
        let before = scratch.names.map { scratch.bytes($0) }
        let result = run(test.arguments.map { $0.hasPrefix("@") ? scratch.path + "/" + $0.dropFirst() : $0 })
        #expect(result.status == test.status)
        #expect(
            result.error.contains(test.message.replacingOccurrences(of: "@", with: scratch.path)), "\(result.error)")
        #expect(scratch.names.map { scratch.bytes($0) } == before)
    }

    @Test("a read-only output is refused (73) unless --force, and a replaced file keeps its mode")
    func readOnly() throws {
        let scratch = Scratch()
        let out = scratch.write("scores.csv", "old\n")
        chmod(out, 0o444)
        let refused = run("score", scratch.file("responses.csv"), "--out", out)
        #expect(refused.status == .cannotWrite)
        #expect(
            refused.error.contains(
                "error: \(out): cannot write: the file is read-only (mode 444); give --force to replace it, or choose another name"
            ))
        #expect(scratch.text("scores.csv") == "old\n")
        let forced = run("score", scratch.file("responses.csv"), "--out", out, "--force")
        #expect(forced.status == .success)
        #expect(scratch.text("scores.csv")?.hasPrefix("child_id,") == true)
        var status = stat()
        #expect(stat(out, &status) == 0 && status.st_mode & 0o777 == 0o444)
        chmod(out, 0o640)
        #expect(run("score", scratch.file("responses.csv"), "--out", out).status == .success)
        #expect(stat(out, &status) == 0 && status.st_mode & 0o777 == 0o640)
    }

    @Test("a symbolic link to a file: the target is replaced and the link kept")
    func linkToFile() throws {
        let scratch = Scratch()
        scratch.write("target.csv", "old\n")
        try FileManager.default.createSymbolicLink(
            atPath: scratch.file("link.csv"), withDestinationPath: scratch.file("target.csv"))
        #expect(run("score", scratch.file("responses.csv"), "--out", scratch.file("link.csv")).status == .success)
        #expect(
            try FileManager.default.destinationOfSymbolicLink(atPath: scratch.file("link.csv"))
                == scratch.file("target.csv"))
        #expect(scratch.text("target.csv")?.hasPrefix("child_id,") == true)
        #expect(
            scratch.names == [
                "followup-children.csv", "followup-logs.csv", "followup.csv", "link.csv", "responses.csv", "target.csv",
            ])
    }

    @Test("a FIFO is written to directly and stays a FIFO; --out - is standard output")
    func fifo() throws {
        let scratch = Scratch()
        let pipe = scratch.file("pipe")
        #expect(mkfifo(pipe, 0o600) == 0)
        let reader = FIFOReader(path: pipe)
        let result = run("score", scratch.file("responses.csv"), "--out", pipe)
        #expect(result.status == .success)
        let received = reader.wait()
        #expect(received.hasPrefix("child_id,administered_on"))
        var status = stat()
        #expect(lstat(pipe, &status) == 0 && status.st_mode & S_IFMT == S_IFIFO)
        let dash = run("score", scratch.file("responses.csv"), "--out", "-")
        #expect(dash.output == received)
        #expect(!FileManager.default.fileExists(atPath: "-"))
    }

    @Test("partial files of processes that no longer run are removed; those of live ones are kept")
    func stalePartials() throws {
        let scratch = Scratch()
        let finished = Process()
        finished.executableURL = URL(fileURLWithPath: "/bin/sh")
        finished.arguments = ["-c", "exit 0"]
        try finished.run()
        finished.waitUntilExit()
        let dead = scratch.write(".scores.csv.\(finished.processIdentifier).partial", "half")
        let live = scratch.write(".scores.csv.1.partial", "someone else's")
        #expect(run("score", scratch.file("responses.csv"), "--out", scratch.file("scores.csv")).status == .success)
        #expect(!FileManager.default.fileExists(atPath: dead))
        #expect(FileManager.default.fileExists(atPath: live))
    }
}

/// Reads a FIFO to its end on another thread.
final class FIFOReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(path: String) {
        Thread.detachNewThread { [self] in
            // open() waits for the writer; read() returns 0 once it closes.
            let descriptor = open(path, O_RDONLY)
            var chunk = [UInt8](repeating: 0, count: 65536)
            while descriptor >= 0 {
                let got = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if got <= 0 { break }
                data.append(contentsOf: chunk[0..<got])
            }
            if descriptor >= 0 { close(descriptor) }
            done.signal()
        }
    }

    func wait() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}

@Suite("ivoutcomes: bad and messy inputs")
struct BadInputTests {
    @Test("a child id that looks like a name is a bad value: the row is not used, on every command that reads rows")
    func nameAsChildID() throws {
        let scratch = Scratch()
        let header = "child_id,administered_on,instrument," + (1...14).map { "wemwbs_\($0)" }.joined(separator: ",")
        let answers = Array(repeating: "3", count: 14).joined(separator: ",")
        let path = scratch.write(
            "names.csv", "\(header)\nMary-Jane O'Brien,2026-01-10,wemwbs,\(answers)\nC2,2026-01-10,wemwbs,\(answers)\n")
        let scored = run("score", path, "--out", scratch.file("scores.csv"))
        #expect(scored.status == .success)
        #expect(
            scored.error.contains(
                "names.csv:2: column child_id: looks like a person's name (two or more words of letters only); use the area's pseudonymous id, never a name"
            ))
        #expect(scored.error.contains("2 rows read: 1 scored, 0 incomplete, 1 invalid"), "\(scored.error)")
        let changed = run("change", path, "--as-of", "2026-11-22", "--out", scratch.file("change.csv"))
        #expect(changed.status == .success)
        #expect(scratch.text("change.csv")?.contains("O'Brien") == false)
        let children = scratch.write("children.csv", "child_id,birth_month\nJane Smith,2013-01\nC2,2013-01\n")
        let scheduled = run(
            "schedule", path, "--children", children, "--as-of", "2026-11-22", "--out", scratch.file("s.csv"))
        #expect(scheduled.error.contains("children.csv:2: column child_id: looks like a person's name"))
    }

    /// A pooling summary with one change made at a JSON path.
    static func summary(_ scratch: Scratch, name: String, _ change: @Sendable (inout [String: Any]) -> Void) throws
        -> String
    {
        if !FileManager.default.fileExists(atPath: scratch.file("area.json")) {
            let made = run(
                "report", scratch.file("followup.csv"), "--children", scratch.file("followup-children.csv"), "--as-of",
                "2026-11-22",
                "--area", "North", "--format", "summary", "--out", scratch.file("area.json"))
            #expect(made.status == .success, "\(made.error)")
        }
        let data = try #require(FileManager.default.contents(atPath: scratch.file("area.json")))
        var object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        change(&object)
        let path = scratch.file(name)
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
        return path
    }

    static func firstGroup(_ object: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
        var groups = object["groups"] as? [[String: Any]] ?? []
        change(&groups[0])
        object["groups"] = groups
    }

    static func firstScale(_ object: inout [String: Any], _ change: (inout [String: Any]) -> Void) {
        firstGroup(&object) { group in
            var scales = group["scales"] as? [[String: Any]] ?? []
            change(&scales[0])
            group["scales"] = scales
        }
    }

    static let poolCases: [(String, @Sendable (inout [String: Any]) -> Void, String)] = [
        (
            "a count of 1e20", { firstGroup(&$0) { $0["children"] = 1e20 } },
            "groups[0].children: expected a whole number from 0 to 100000000, found 1e+20"
        ),
        (
            "a negative count", { firstGroup(&$0) { $0["children"] = -3 } },
            "groups[0].children: expected a whole number from 0 to 100000000, found -3"
        ),
        (
            "a fractional count", { firstGroup(&$0) { $0["children"] = 2.5 } },
            "groups[0].children: expected a whole number from 0 to 100000000, found 2.5"
        ),
        (
            "a sum beyond 2^53",
            { firstScale(&$0) { $0["baseline"] = ["n": 5, "sumX100": 1e19, "sumSquaresX10000": 1] } },
            "groups[0].scales[0].baseline.sumX100: expected a whole number of at most 2^53 in size, found 1e+19"
        ),
        (
            "negative squares",
            { firstScale(&$0) { $0["baseline"] = ["n": 5, "sumX100": 100, "sumSquaresX10000": -1] } },
            "groups[0].scales[0].baseline.sumSquaresX10000: expected a whole number from 0 to 2^53, found -1"
        ),
        (
            "a bin width of 0", { firstScale(&$0) { $0["binWidth"] = 0 } },
            "groups[0].scales[0]: expected a scale with a binWidth above 0"
        ),
    ]

    @Test("pool range-checks every number and names the file and JSON path (66)", arguments: 0..<poolCases.count)
    func poolRanges(_ index: Int) throws {
        let scratch = Scratch()
        let (_, change, message) = BadInputTests.poolCases[index]
        let bad = try BadInputTests.summary(scratch, name: "bad.json", change)
        let result = run("pool", bad, "--out", scratch.file("national.json"))
        #expect(result.status == .unreadableInput)
        #expect(result.error == "error: \(bad): \(message)\n", "\(result.error)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("national.json")))
    }

    @Test("pool refuses the same summary, or the same area and period, twice")
    func poolTwice() throws {
        let scratch = Scratch()
        let other = try BadInputTests.summary(scratch, name: "south.json") { $0["areas"] = ["South"] }
        let same = try BadInputTests.summary(scratch, name: "north-again.json") { $0["title"] = "another copy" }
        let area = scratch.file("area.json")
        let twice = run("pool", area, area, "--out", scratch.file("n.json"))
        #expect(twice.status == .unreadableInput)
        // The library refuses it (AreaAggregate.pooling), naming the area and period.
        let message =
            "error: North: the same area and period (North as of 2026-11-22) twice: each area's figures are pooled once\n"
        #expect(twice.error == message)
        let again = run("pool", area, other, same, "--out", scratch.file("n.json"))
        #expect(again.status == .unreadableInput)
        #expect(again.error == message)
        let pooled = run("pool", area, other, "--out", scratch.file("n.json"))
        #expect(pooled.status == .success)
        #expect(pooled.error == "pooled 2 areas: North, South\n")
    }

    static let header = "child_id,administered_on,instrument," + (1...14).map { "wemwbs_\($0)" }.joined(separator: ",")
    static let answers = Array(repeating: "3", count: 14).joined(separator: ",")

    @Test(
        "a UTF-16 export (Excel's Unicode text: tab-separated, with a byte-order mark) is read, little- or big-endian")
    func utf16() {
        let scratch = Scratch()
        let text = (BadInputTests.header + "\nC\u{E9}1,2026-01-10,wemwbs," + BadInputTests.answers + "\n")
            .replacingOccurrences(of: ",", with: "\t")
        let little = scratch.write(
            "little.txt", [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let big = scratch.write("big.txt", [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        for file in [little, big] {
            let result = run("score", file)
            #expect(result.status == .success)
            #expect(
                result.error.contains(
                    "note: \(file): converted from utf-16; read as tab-separated (the header has no commas; --delimiter chooses)"
                ))
            #expect(
                result.output.contains("C\u{E9}1,2026-01-10,wemwbs,scored,42,possible_depression,21,19.25,"),
                "\(result.output)")
        }
    }

    @Test("a Windows-1252 file is refused naming the byte, unless --encoding windows-1252 converts it")
    func windows1252() {
        let scratch = Scratch()
        let bytes =
            Array((BadInputTests.header + "\nCh").utf8) + [0xE9] + Array("r".utf8) + [0xE9]
            + Array((",2026-01-10,wemwbs," + BadInputTests.answers + "\n").utf8)
        let file = scratch.write("latin.csv", bytes)
        let refused = run("score", file, "--out", scratch.file("out.csv"))
        #expect(refused.status == .unreadableInput)
        #expect(
            refused.error
                == "error: \(file):2:3: not readable text: not UTF-8: byte 0xE9 (\"\u{E9}\" in Windows-1252); the file is probably Windows-1252 (older Excel's \"CSV (Comma delimited)\"): save it from Excel as \"CSV UTF-8 (Comma delimited)\", or give --encoding windows-1252 to convert it\n"
        )
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out.csv")))
        let converted = run("score", file, "--encoding", "windows-1252")
        #expect(converted.status == .success)
        #expect(converted.output.contains("Ch\u{E9}r\u{E9},2026-01-10,wemwbs,scored"))
        // Undefined bytes are never replaced.
        let undefined = scratch.write(
            "undefined.csv", Array((BadInputTests.header + "\nC").utf8) + [0x81] + Array(",2026-01-10,wemwbs\n".utf8))
        let bad = run("score", undefined, "--encoding", "windows-1252")
        #expect(bad.status == .unreadableInput)
        #expect(
            bad.error
                == "error: \(undefined):2:2: not readable text: byte 0x81 is not a character in Windows-1252 (read as windows-1252)\n"
        )
    }

    @Test("children files and JSON Lines are checked the same way")
    func otherReaders() {
        let scratch = Scratch()
        let children = scratch.write(
            "children.csv", Array("child_id,birth_month,gender\nK1,2014-03,f".utf8) + [0xE9] + Array("minin\n".utf8))
        let change = run("change", scratch.file("followup.csv"), "--children", children, "--as-of", "2026-11-22")
        #expect(change.status == .unreadableInput)
        #expect(change.error.hasPrefix("error: \(children):2:13: not readable text: not UTF-8: byte 0xE9"))
        let lines = scratch.write(
            "rows.jsonl",
            Array("{\"child_id\": \"C".utf8) + [0xC3, 0x28] + Array("\", \"administered_on\": \"2026-01-10\"}\n".utf8))
        let score = run("score", lines)
        #expect(score.status == .unreadableInput)
        #expect(score.error.hasPrefix("error: \(lines):1:16: not readable text: not UTF-8: byte 0xC3"))
    }

    @Test("JSON Lines keys that are not fields are named in a note, once each, after reading; their values never")
    func jsonLinesUnknownKeys() {
        let scratch = Scratch()
        let answers = (1...14).map { "\"wemwbs_\($0)\": 3" }.joined(separator: ", ")
        let lines = scratch.write(
            "rows.jsonl",
            """
            {"child_id": "C1", "administered_on": "2026-01-10", "instrument": "wemwbs", "answers": {\(answers)}, "name": "Amy Smith", "notes": "x"}
            {"child_id": "C2", "administered_on": "2026-01-10", "instrument": "wemwbs", "answers": {\(answers)}, "notes": "y", "email": "a@b"}

            """)
        for command in [["score", lines], ["change", lines, "--as-of", "2026-11-22"]] {
            let result = run(command)
            #expect(result.status == .success, "\(command[0]): \(result.error)")
            #expect(
                result.error.contains("note: \(lines): ignored keys that are not fields: name, notes, email"),
                "\(command[0]): \(result.error)")
            #expect(!result.error.contains("Amy") && !result.error.contains("a@b"))
        }
    }

    @Test("semicolon- and tab-separated files are read, with a note; --delimiter chooses")
    func delimiters() {
        let scratch = Scratch()
        let row = "C001,2026-01-10,wemwbs," + BadInputTests.answers
        for (name, separator, word) in [("semi.csv", ";", "semicolon"), ("tabs.tsv", "\t", "tab")] {
            let file = scratch.write(
                name, (BadInputTests.header + "\n" + row + "\n").replacingOccurrences(of: ",", with: separator))
            let result = run("score", file)
            #expect(result.status == .success)
            #expect(
                result.error.contains(
                    "note: \(file): read as \(word)-separated (the header has no commas; --delimiter chooses)"))
            #expect(result.output.contains("C001,2026-01-10,wemwbs,scored,42,possible_depression,21,19.25,"))
            let chosen = run("score", file, "--delimiter", word)
            #expect(chosen.output == result.output)
            #expect(!chosen.error.contains("note:"))
        }
    }

    @Test("dates: other year-first forms, and dates score accepts but change leaves out")
    func dates() {
        let scratch = Scratch()
        let file = scratch.write(
            "dates.csv",
            [
                BadInputTests.header, "C1,2026/01/10,wemwbs," + BadInputTests.answers,
                "C2,1899-05-01,wemwbs," + BadInputTests.answers, "C3,9999-01-01,wemwbs," + BadInputTests.answers,
            ]
            .joined(separator: "\n") + "\n")
        let result = run("score", file)
        #expect(result.status == .success)
        #expect(
            result.error.contains(
                #"\#(file):2: column administered_on: "2026/01/10" is written YYYY/MM/DD, not YYYY-MM-DD: write it as 2026-01-10, or pass --date-format YYYY/MM/DD"#
            ))
        #expect(
            result.error.contains(
                "\(file):3: column administered_on: before 2000-01-01: scored but left out by change and report (check the year)"
            ))
        #expect(
            result.error.contains(
                "\(file):4: column administered_on: after \(CalendarDate.today): scored but left out by change and report (check the year)"
            ))
        #expect(
            result.output.contains(
                "C2,1899-05-01,wemwbs,scored,42,possible_depression,21,19.25,administered_on: before 2000-01-01: scored but left out by change and report (check the year)\n"
            ))
        let children = scratch.write("children.csv", "child_id,birth_month\nK1,1800-01\nK2,2014-3\n")
        let change = run("change", scratch.file("followup.csv"), "--children", children, "--as-of", "2026-11-22")
        #expect(
            change.error.contains(
                #"\#(children):2: column birth_month: "1800-01" is out of range (years from 1900, months 01-12); age unknown"#
            ))
        #expect(
            change.error.contains(
                #"\#(children):3: column birth_month: "2014-3" is not a year and month (expected YYYY-MM, such as 2014-03); age unknown"#
            ))
    }

    @Test("psychometrics leaves out the rows change leaves out: before 2000 or after --as-of")
    func psychometricsDates() throws {
        let scratch = Scratch()
        let examples = CLIFixtures.packageRoot.path + "/Examples/questionnaires.csv"
        var text = try String(contentsOfFile: examples, encoding: .utf8)
        let padding = String(repeating: ",", count: text.prefix { $0 != "\n" }.split(separator: ",").count - 17)
        for index in 0..<5 {
            text +=
                "OLD-\(index),1999-0\(index + 1)-01,wemwbs," + Array(repeating: "1", count: 14).joined(separator: ",")
                + padding + "\n"
            text +=
                "NEW-\(index),2031-0\(index + 1)-01,wemwbs," + Array(repeating: "5", count: 14).joined(separator: ",")
                + padding + "\n"
        }
        let file = scratch.write("dated.csv", text)
        let plain = run("psychometrics", examples, "--instrument", "wemwbs")
        let dated = run("psychometrics", file, "--instrument", "wemwbs")
        #expect(dated.status == .success)
        #expect(dated.output == plain.output)
        let later = run("psychometrics", file, "--instrument", "wemwbs", "--as-of", "2031-12-31")
        #expect(
            later.output.hasPrefix("WEMWBS wemwbs_total: n = 35 complete administrations (of 92 read)"),
            "\(later.output)")
    }

    @Test("a local definition that replaces a built-in one is named")
    func replacedDefinition() throws {
        let scratch = Scratch()
        try FileManager.default.createDirectory(atPath: scratch.file("local"), withIntermediateDirectories: true)
        let local = scratch.file("local/wemwbs.json")
        try FileManager.default.copyItem(
            atPath: CLIFixtures.packageRoot.path + "/Instruments/wemwbs.json", toPath: local)
        let result = run("score", scratch.file("responses.csv"), "--definitions", scratch.file("local"))
        #expect(result.status == .success)
        #expect(
            result.error.hasPrefix("note: \(local) replaces the built-in instrument wemwbs 1.2.0 (now version 1.2.0)\n")
        )
        #expect(!run("score", scratch.file("responses.csv")).error.contains("replaces"))
    }

    @Test("version, usage lines that list every option, and counts in the singular")
    func smaller() {
        #expect(run("version").output == "ivoutcomes \(CommandLineTool.version)\n")
        #expect(run("--version").output == run("version").output)
        for command in CommandLineTool.commands {
            for option in command.options {
                #expect(command.usage.contains(option.name), "\(command.name): \(option.name)")
            }
        }
        let scratch = Scratch()
        let one = scratch.write(
            "one.csv", BadInputTests.header + "\nC1,2026-01-10,wemwbs," + BadInputTests.answers + "\n")
        #expect(run("score", one).error.hasSuffix("one.csv: 1 row read: 1 scored, 0 incomplete, 0 invalid\n"))
    }
}
