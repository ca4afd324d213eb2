import Testing

@testable import IVOutcomes

/// The CSV fast path must write exactly what the general path writes, report the same problems
/// and count the same rows, whatever the rows hold.
@Suite("Scoring: fast path agrees with the general path")
struct FastPathTests {
    static let lifeSkills = [
        "life_skills_travel", "life_skills_money", "life_skills_asking", "life_skills_cooking",
        "life_skills_new_people",
        "life_skills_speaking_up", "life_skills_planning", "life_skills_help",
    ]
    static let log = ["visit_happened", "change_confidence", "example_confidence"]
    static let items = (1...14).map { "wemwbs_\($0)" } + lifeSkills + log

    /// A small deterministic generator (SplitMix64), so a failure can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
        mutating func pick(_ choices: [String]) -> String { choices[next(choices.count)] }
    }

    /// Rows of every kind: clean and incomplete forms of each instrument, labels, declines,
    /// invalid codes, answers in another instrument's columns, bad dates and instruments, short
    /// rows, quoted cells, spaces, formula-like ids, blank rows and CRLF line ends.
    static func file(rows: Int, seed: UInt64) -> String {
        var random = Generator(state: seed)
        var lines = ["child_id,administered_on,instrument,notes," + items.joined(separator: ",")]
        for index in 0..<rows {
            if random.next(40) == 0 {
                lines.append(random.pick(["", ",,,", " , ,"]))
                continue
            }
            let instrument = random.pick([
                "wemwbs", "wemwbs", "wemwbs", "swemwbs", "life-skills", "iv-log", "WEMWBS ", "", "phq9",
            ])
            let child =
                random.next(30) == 0 ? random.pick(["", " ", "=C1", "\"C,\"\"9\"", "-C2"]) : "C\(random.next(500))"
            let date =
                random.next(30) == 0
                ? random.pick(["22/11/2026", "2026-02-30", "", "2026-1-5", "\"2026-03-04\""])
                : "2026-0\(1 + random.next(9))-1\(random.next(10))"
            var cells: [String] = []
            for item in items {
                let own: Bool
                switch instrument.trimmingCharacters(in: .whitespaces).lowercased() {
                case "wemwbs": own = item.hasPrefix("wemwbs_")
                case "swemwbs":
                    own = ["wemwbs_1", "wemwbs_2", "wemwbs_3", "wemwbs_6", "wemwbs_7", "wemwbs_9", "wemwbs_11"]
                        .contains(item)
                case "life-skills": own = item.hasPrefix("life_skills_")
                case "iv-log": own = log.contains(item)
                default: own = random.next(2) == 0
                }
                if !own {
                    cells.append(random.next(200) == 0 ? "4" : random.pick(["", "", "", " "]))
                    continue
                }
                switch random.next(60) {
                case 0: cells.append("")
                case 1: cells.append("declined")
                case 2:
                    cells.append(
                        random.pick([
                            "0", "6", "3.5", "x", "-1", "\"4\"", " 4 ", "Often", "on my own", "Not sure", "+3", "07",
                        ]))
                case 3: cells.append(random.pick(["\"some, text\"", "\"line\nbreak\"", "=1+1"]))
                default:
                    cells.append(
                        random.next(40) == 0 ? random.pick(["0", "4", "5", "9"]) : random.pick(["1", "2", "3"]))
                }
            }
            var line = ([child, date, instrument, random.next(10) == 0 ? "\"a note\"" : ""] + cells).joined(
                separator: ",")
            if random.next(50) == 0 { line += ",extra" }
            if random.next(70) == 0 { line = String(line.prefix(30)) }
            lines.append(index % 7 == 0 ? line + "\r" : line)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Blocks of this many bytes make files of a few thousand rows take many rounds of lanes, so
    /// that reading ahead, records cut at a block's end and splits inside quoted fields are met
    /// again and again.
    static let smallBlock = 4096

    func reader(_ path: String, fast: Bool, options: ReadingOptions = ReadingOptions(), blockSize: Int? = nil) throws
        -> ResponseFileReader
    {
        let reader = try ResponseFileReader(
            path: path, catalog: try .builtIn, options: options, chunkSize: blockSize ?? 1 << 20)
        reader.usesFastPath = fast
        if let blockSize { reader.blockSize = blockSize }
        return reader
    }

    func score(
        _ path: String, fast: Bool, options: ReadingOptions = ReadingOptions(), limit: Int = .max, blockSize: Int? = nil
    ) throws -> (String, ScoringSummary, [String]) {
        let reader = try reader(path, fast: fast, options: options, blockSize: blockSize)
        let output = ByteWriter(collecting: ())
        var problems: [String] = []
        let summary = try reader.score(to: output, format: .csv, reportLimit: limit) { problems.append($0.description) }
        try output.commit()
        return (String(decoding: output.collected, as: UTF8.self), summary, problems)
    }

    /// The first line where two outputs differ, both sides shown; `nil` when they are the same.
    func firstDifference<T: StringProtocol>(_ ours: [T], _ theirs: [T]) -> String? {
        for (index, (a, b)) in zip(ours, theirs).enumerated() where a != b { return "line \(index + 1): \(a) | \(b)" }
        return ours.count == theirs.count ? nil : "\(ours.count) lines vs \(theirs.count)"
    }

    @Test("byte-identical output, problems and counts on mixed rows", arguments: [1, 2, 3] as [UInt64])
    func identical(seed: UInt64) throws {
        let folder = TemporaryFolder()
        let path = folder.write("mixed.csv", Self.file(rows: 3000, seed: seed))
        var prorating = ReadingOptions()
        prorating.scoring.missingPolicies[ScaleID("wemwbs_total")] = .prorate(maxMissing: 2)
        var dated = ReadingOptions()
        dated.expectedDates = CalendarDate(year: 2026, month: 3, day: 1)!...CalendarDate(year: 2026, month: 9, day: 30)!
        for options in [ReadingOptions(), prorating, dated] {
            let general = try score(path, fast: false, options: options)
            for blockSize in [nil, Self.smallBlock] {
                let fast = try score(path, fast: true, options: options, blockSize: blockSize)
                #expect(firstDifference(fast.0.split(separator: "\n"), general.0.split(separator: "\n")) == nil)
                #expect(fast.1 == general.1)
                #expect(firstDifference(fast.2, general.2) == nil)
            }
            // Every kind of row is there in numbers.
            let counts = general.1
            #expect(
                counts.rowsRead > 2800 && counts.scored > 600 && counts.incomplete > 250 && counts.invalid > 500,
                "\(counts)")
            #expect(counts.blankRowsSkipped > 40)
        }
    }

    @Test("a report limit shows the first problems and counts them all, on either path")
    func reportLimit() throws {
        let folder = TemporaryFolder()
        let path = folder.write("mixed.csv", Self.file(rows: 3000, seed: 4))
        let all = try score(path, fast: false)
        for fast in [false, true] {
            let limited = try score(path, fast: fast, limit: 7)
            #expect(limited.2 == Array(all.2.prefix(7)))
            #expect(limited.1.problems == all.2.count)
            #expect(limited.1 == all.1)
        }
    }

    /// Rows whose notes hold quoted line breaks, so that many of the line breaks the file is split
    /// at for the lanes are inside a field: those splits must be caught, never split a record.
    static func quotedNotesFile(rows: Int) -> String {
        var lines = [
            "child_id,administered_on,instrument,notes," + (1...14).map { "wemwbs_\($0)" }.joined(separator: ",")
        ]
        for index in 0..<rows {
            let note = index % 3 == 0 ? "\"first line\nsecond, line\n\"\"third\"\"\"" : "plain"
            let answers = (1...14).map { String(1 + ($0 + index) % 5) }
            if index % 11 == 0 {
                lines.append(
                    "C\(index),2026-01-0\(1 + index % 9),wemwbs,\(note),9," + answers.dropFirst().joined(separator: ",")
                )
            }
            lines.append("C\(index),2026-02-1\(index % 10),wemwbs,\(note)," + answers.joined(separator: ","))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    @Test("line breaks inside quoted fields never split a record between lanes")
    func quotedLineBreaks() throws {
        let folder = TemporaryFolder()
        let path = folder.write("notes.csv", Self.quotedNotesFile(rows: 6000))
        let general = try score(path, fast: false)
        for blockSize in [nil, Self.smallBlock, (1 << 12) + 7] {
            let fast = try score(path, fast: true, blockSize: blockSize)
            let lanes = try reader(path, fast: true, blockSize: blockSize)
            #expect(try lanes.score(to: ByteWriter(collecting: ()), format: .csv) { _ in } == general.1)
            #expect(lanes.partsRedone == 0)
            #expect(firstDifference(fast.0.split(separator: "\n"), general.0.split(separator: "\n")) == nil)
            #expect(fast.1 == general.1)
            #expect(firstDifference(fast.2, general.2) == nil)
        }
        #expect(general.1.rowsRead == 6000 + 546 && general.1.invalid == 546)
    }

    @Test("an unclosed quote at the end of a large file names the line where it starts, on either path")
    func unclosedQuoteInLargeFile() throws {
        let folder = TemporaryFolder()
        let path = folder.write(
            "open.csv", Self.quotedNotesFile(rows: 3000) + "C9,2026-01-01,wemwbs,\"never closed\n1,2\n")
        for (fast, blockSize) in [(false, nil), (true, nil), (true, Self.smallBlock)] {
            #expect(throws: TransferError.input(.unclosedQuote(file: path, line: 5457))) {
                try score(path, fast: fast, blockSize: blockSize)
            }
        }
    }

    @Test(
        "following children through the lanes gives the same changes, counts and problems",
        arguments: [5, 6] as [UInt64])
    func tracking(seed: UInt64) throws {
        let folder = TemporaryFolder()
        let contents = seed == 5 ? Self.file(rows: 3000, seed: seed) : Self.quotedNotesFile(rows: 4000)
        let path = folder.write("rows.csv", contents)
        let catalog = try InstrumentCatalog.builtIn
        var results: [([ScaleChange], FollowUpCounts, [String])] = []
        for (fast, blockSize) in [(false, nil), (true, nil), (true, Self.smallBlock)] {
            let reader = try reader(path, fast: fast, blockSize: blockSize)
            let tracker = FollowUpTracker(
                catalog: catalog, options: FollowUpOptions(asOf: CalendarDate(year: 2026, month: 11, day: 22)!))
            var problems: [String] = []
            try reader.track(into: tracker) { problems.append($0.description) }
            results.append((tracker.changes(), tracker.counts, problems))
        }
        for result in results.dropFirst() {
            #expect(result.0 == results[0].0)
            #expect(result.1 == results[0].1)
            #expect(firstDifference(result.2, results[0].2) == nil)
        }
        #expect(results[0].0.count > 1000 && results[0].1.used > 1000, "\(results[0].1)")
    }
}

@Suite("Lanes: blocks split only at record boundaries")
struct RecordBoundaryTests {
    /// Record starts after a line feed, found by parsing every record from the start.
    static func parsedStarts(_ bytes: ByteView, delimiter: UInt8) -> [Int] {
        var record = CSVRecord(delimiter: delimiter)
        var starts: [Int] = []
        var position = 0
        while case .record(let next, _) = record.parse(bytes, from: position, atEnd: true) {
            if next < bytes.count, bytes[next - 1] == 10 { starts.append(next) }
            position = next
        }
        return starts
    }

    @Test(
        "the scan finds exactly the line breaks the parser ends records at",
        arguments: [1, 2, 3, 4, 5, 6, 7, 8] as [UInt64])
    func agreesWithParser(seed: UInt64) {
        var random = FastPathTests.Generator(state: seed)
        let alphabet: [UInt8] = Array("ab,;\"\"\n\n\r ".utf8)
        for delimiter in [UInt8(ascii: ","), UInt8(ascii: ";")] {
            for _ in 0..<200 {
                var bytes = (0..<(1 + random.next(300))).map { _ in alphabet[random.next(alphabet.count)] }
                bytes += [UInt8](repeating: 0, count: OutputBytes.padding)
                bytes.withView { padded in
                    let all = padded.extracting(0..<(padded.count - OutputBytes.padding))
                    let expected = Self.parsedStarts(all, delimiter: delimiter)
                    var scan = RecordBoundaries(all, delimiter: delimiter)
                    var target = 0
                    while target < all.count {
                        let found = scan.recordStart(after: target)
                        let wanted = expected.first { $0 - 1 >= target }
                        #expect(found == wanted, "\(String(decoding: all).debugDescription) from \(target)")
                        target = (found ?? all.count) + random.next(20)
                    }
                }
            }
        }
    }

    @Test("one quoted field of many short lines is one cell, in flat memory and with no part read twice")
    func longQuotedField() throws {
        let folder = TemporaryFolder()
        let header =
            "child_id,administered_on,instrument,notes," + (1...14).map { "wemwbs_\($0)" }.joined(separator: ",")
        let answers = Array(repeating: "3", count: 14).joined(separator: ",")
        var text = header + "\nC1,2026-01-10,wemwbs,plain," + answers + "\n"
        text += "C2,2026-01-11,wemwbs,\"" + String(repeating: "x\n", count: 50_000) + "\"," + answers + "\n"
        text += "C3,2026-01-12,wemwbs,\"a \"\"quoted\"\"\nline\"," + answers + "\n"
        let path = folder.write("field.csv", text)
        let general = try FastPathTests().score(path, fast: false)
        for blockSize in [nil, FastPathTests.smallBlock, 1 << 16] {
            let reader = try FastPathTests().reader(path, fast: true, blockSize: blockSize)
            let output = ByteWriter(collecting: ())
            let summary = try reader.score(to: output, format: .csv) { _ in }
            try output.commit()
            #expect(String(decoding: output.collected, as: UTF8.self) == general.0)
            #expect(summary == general.1)
            #expect(reader.partsRedone == 0)
        }
        #expect(general.1.rowsRead == 3 && general.1.scored == 3)
    }

    @Test("a row of 200,000 fields is counted, not kept, and reported like any short or long row")
    func manyFields() throws {
        let folder = TemporaryFolder()
        let header = "child_id,administered_on,instrument," + (1...14).map { "wemwbs_\($0)" }.joined(separator: ",")
        let path = folder.write(
            "wide.csv", header + "\nC1,2026-01-10,wemwbs" + String(repeating: ",", count: 200_000) + "\n")
        for fast in [false, true] {
            let (output, summary, problems) = try FastPathTests().score(path, fast: fast)
            #expect(summary.invalid == 1)
            #expect(
                problems == [
                    "\(path):2: 200003 fields, but the header has 17 columns; nothing in this row was scored (check for an unquoted comma)"
                ])
            #expect(
                output.hasSuffix(
                    ",invalid,,,,,\"200003 fields, but the header has 17 columns; nothing in this row was scored (check for an unquoted comma)\"\n"
                ))
        }
        let wide = folder.write("wide-header.csv", String(repeating: "a,", count: 70_000) + "\n")
        #expect(throws: InputError.tooManyColumns(file: wide, limit: 65_536)) {
            try FastPathTests().score(wide, fast: true)
        }
    }
}
