import Testing

@testable import IVOutcomes

@Suite("CSV reading")
struct CSVReaderTests {
    /// Every record of a file as arrays of strings, with the line each starts on.
    func records(_ contents: String, chunkSize: Int = 1 << 20) throws -> [(line: Int, fields: [String])] {
        let folder = TemporaryFolder()
        let reader = try CSVReader(path: folder.write("in.csv", contents), chunkSize: chunkSize)
        var result: [(Int, [String])] = []
        while try reader.next() { result.append((reader.line, (0..<reader.fieldCount).map { reader.string(at: $0) })) }
        return result
    }

    @Test("RFC 4180 quoting: commas, doubled quotes and line breaks inside fields", arguments: [1 << 20, 7])
    func quoting(chunkSize: Int) throws {
        let rows = try records("a,b,c\n\"x, y\",\"say \"\"hi\"\"\",\"two\nlines\"\nlast,,\n", chunkSize: chunkSize)
        #expect(rows.map(\.fields) == [["a", "b", "c"], ["x, y", "say \"hi\"", "two\nlines"], ["last", "", ""]])
        #expect(rows.map(\.line) == [1, 2, 4])
    }

    @Test("CRLF and LF line ends, a byte-order mark, and a last line without a line end", arguments: [1 << 20, 5])
    func lineEnds(chunkSize: Int) throws {
        let rows = try records("\u{FEFF}id,x\r\n1,a\r\n2,b\n3,c", chunkSize: chunkSize)
        #expect(rows.map(\.fields) == [["id", "x"], ["1", "a"], ["2", "b"], ["3", "c"]])
    }

    @Test(
        "records found eight bytes at a time: long and empty fields, quotes inside unquoted fields, lone CR line ends, any buffer size",
        arguments: [1 << 20, 1, 3, 8, 9, 13])
    func wordAtATime(chunkSize: Int) throws {
        let text = "abcdefghijklmnopq,,r\r1234567,say \"hi\",x\"\rz,\"q,\"\"\"\n,,,,,,,,,\nlast"
        let rows = try records(text, chunkSize: chunkSize)
        #expect(
            rows.map(\.fields) == [
                ["abcdefghijklmnopq", "", "r"], ["1234567", "say \"hi\"", "x\""], ["z", "q,\""],
                Array(repeating: "", count: 10), ["last"],
            ])
    }

    @Test("an unclosed quote is an error naming the line where it starts")
    func unclosedQuote() throws {
        #expect {
            try records("a,b\n1,\"never closed\n2,3\n")
        } throws: { error in
            (error as? InputError)?.description.hasSuffix(
                ":2: a quoted field starts here and is never closed; check the quotes on this line") == true
        }
    }

    @Test("a missing file is reported with its path and reason")
    func missingFile() {
        #expect {
            try CSVReader(path: "/no/such/file.csv")
        } throws: { error in
            (error as? InputError)?.description == "/no/such/file.csv: cannot read the file: No such file or directory"
        }
    }
}

@Suite("Date formats")
struct DateFormatTests {
    @Test("ISO dates and timestamps are read; impossible days are not")
    func iso() {
        #expect(DateFormat.iso.parse("2026-11-22") == CalendarDate(year: 2026, month: 11, day: 22))
        #expect(DateFormat.iso.parse("2026-11-22T09:30:00Z") == CalendarDate(year: 2026, month: 11, day: 22))
        #expect(DateFormat.iso.parse("2026-02-30") == nil)
        #expect(DateFormat.iso.parse("2024-02-29") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(DateFormat.iso.parse("22/11/2026") == nil)
    }

    @Test("an explicit format reads day-first and month-first dates")
    func explicit() throws {
        #expect(try DateFormat(pattern: "DD/MM/YYYY").parse("03/04/2026") == CalendarDate(year: 2026, month: 4, day: 3))
        #expect(try DateFormat(pattern: "MM/DD/YYYY").parse("03/04/2026") == CalendarDate(year: 2026, month: 3, day: 4))
        #expect(try DateFormat(pattern: "dd.mm.yyyy").parse("3.4.2026") == CalendarDate(year: 2026, month: 4, day: 3))
        #expect(throws: DateFormatError.self) { try DateFormat(pattern: "YY/MM/DD") }
    }

    /// Bad dates and the exact message each gives.
    static let problems: [(String, String)] = [
        (
            "22/11/2026",
            #""22/11/2026" is ambiguous: day/month/year and month/day/year look alike; write dates as YYYY-MM-DD, or pass --date-format DD/MM/YYYY (or MM/DD/YYYY) to say which"#
        ),
        (
            "46348",
            #""46348" looks like a spreadsheet serial number, not a date; format the column as a date (YYYY-MM-DD) before exporting"#
        ),
        ("2026-02-30", #""2026-02-30" is not a real date (the day or month does not exist; expected YYYY-MM-DD)"#),
        (
            "2026/01/10",
            #""2026/01/10" is written YYYY/MM/DD, not YYYY-MM-DD: write it as 2026-01-10, or pass --date-format YYYY/MM/DD"#
        ),
        (
            "2026.1.10",
            #""2026.1.10" is written YYYY.MM.DD, not YYYY-MM-DD: write it as 2026-01-10, or pass --date-format YYYY.MM.DD"#
        ),
        (
            "2026/02/30",
            #""2026/02/30" is not a date (dates are read as YYYY-MM-DD; --date-format reads DD/MM/YYYY, MM/DD/YYYY or YYYY/MM/DD instead)"#
        ),
        (
            "last tuesday",
            #""last tuesday" is not a date (dates are read as YYYY-MM-DD; --date-format reads DD/MM/YYYY, MM/DD/YYYY or YYYY/MM/DD instead)"#
        ),
        ("", "empty (every row needs the date the form was completed, as YYYY-MM-DD)"),
    ]

    @Test("bad dates get a message that says how to fix them", arguments: problems)
    func messages(text: String, message: String) {
        #expect(DateFormat.iso.problem(with: text) == message)
    }

    @Test("calendar arithmetic round-trips through days since the epoch")
    func arithmetic() throws {
        let date = try #require(CalendarDate(year: 2026, month: 8, day: 31))
        #expect(date.adding(months: 6) == CalendarDate(year: 2027, month: 2, day: 28))
        #expect(CalendarDate(daysSinceEpoch: date.daysSinceEpoch) == date)
        #expect(CalendarDate(year: 1970, month: 1, day: 1)?.daysSinceEpoch == 0)
        #expect(date.adding(days: 1) == CalendarDate(year: 2026, month: 9, day: 1))
    }
}
