import Foundation
import Testing

@testable import IVOutcomes

/// Survey tools' exports: question texts as headers, a column mapping, date-times, and columns
/// (names, emails) that are never read.
@Suite("Survey-tool exports")
struct SurveyExportTests {
    static let catalog = try! InstrumentCatalog.builtIn

    /// The question texts of an instrument's items, as a survey tool writes them: curly
    /// apostrophes, a trailing space on one, a full stop on another, different case on a third.
    static func exportedHeaders(of id: InstrumentID) throws -> [String] {
        try catalog.instrument(id: id).items.enumerated().map { index, item in
            let curly = item.text.replacingOccurrences(of: "'", with: "\u{2019}")
            switch index % 3 {
            case 0: return curly + " "
            case 1: return curly.uppercased() + "."
            default: return "  " + curly + "?"
            }
        }
    }

    static func read(_ text: String, options: ReadingOptions = ReadingOptions()) throws -> (
        reader: ResponseFileReader, rows: [ScoredRow]
    ) {
        let reader = try ResponseFileReader(text: text, name: "export.csv", catalog: catalog, options: options)
        var rows: [ScoredRow] = []
        try reader.forEachRow { rows.append($0) }
        return (reader, rows)
    }

    static func quoted(_ cells: [String]) -> String {
        cells.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
    }

    @Test(
        "headers that are the question texts (curly apostrophes, spaces, case, trailing punctuation) score like item ids"
    )
    func questionTextHeaders() throws {
        let answers = ["4", "Often", "3", "2", "5", "1", "All of the time"]
        let byText = try Self.read(
            Self.quoted(["child_id", "administered_on"] + Self.exportedHeaders(of: "swemwbs")) + "\n"
                + Self.quoted(["C0001", "2026-02-10"] + answers) + "\n",
            options: ReadingOptions(instrument: "swemwbs"))
        let ids = try Self.catalog.instrument(id: "swemwbs").items.map(\.id.rawValue)
        let byID = try Self.read(
            (["child_id", "administered_on"] + ids).joined(separator: ",") + "\n"
                + (["C0001", "2026-02-10"] + answers).joined(separator: ",") + "\n",
            options: ReadingOptions(instrument: "swemwbs"))
        #expect(byText.rows.map(\.scores) == byID.rows.map(\.scores))
        #expect(byText.rows.first?.status == .scored)
        #expect(byText.reader.matchedColumns.filter { $0.how == .questionText }.map(\.field) == ids)
        #expect(byText.reader.unknownColumns.isEmpty)
    }

    @Test("a mapping file, a date-time column, and name and email columns that never reach the output")
    func mappingAndPersonalColumns() throws {
        let mapping = try ColumnMapping(
            text:
                "header,field\n\"Your ID number\",child_id\nCompletion time,administered_on\nNot in this export,instrument\n",
            name: "columns.csv")
        var options = ReadingOptions(instrument: "swemwbs", dateFormat: try DateFormat(pattern: "DD/MM/YYYY"))
        options.columns = mapping
        let header = ["ID", "Start time", "Completion time", "Email", "Name", "Your ID number"]
        let row = ["7", "10/02/2026 10:02", "10/02/2026 10:12", "jo.bloggs@example.org", "Jo Bloggs", "C0042"]
        let text =
            try Self.quoted(header + Self.exportedHeaders(of: "swemwbs")) + "\n"
            + Self.quoted(row + Array(repeating: "Often", count: 7)) + "\n"
        let (reader, rows) = try Self.read(text, options: options)
        #expect(rows.count == 1 && rows[0].status == .scored)
        #expect(rows[0].childID == "C0042" && rows[0].administeredOn == CalendarDate(year: 2026, month: 2, day: 10))
        #expect(reader.unknownColumns == ["ID", "Start time", "Email", "Name"])
        #expect(reader.unusedColumnMappings.map(\.header) == ["Not in this export"])
        #expect(reader.matchedColumns.filter { $0.how == .mapping }.map(\.field) == ["administered_on", "child_id"])
        // The scored output holds no cell of the ignored columns.
        let output = ByteWriter(collecting: ())
        _ = try ResponseFileReader(text: text, name: "export.csv", catalog: Self.catalog, options: options)
            .score(to: output, format: .csv) { _ in }
        try output.commit()
        let written = String(decoding: output.collected, as: UTF8.self)
        for personal in ["jo.bloggs", "Jo Bloggs", "10:02", "Email", "Name"] { #expect(!written.contains(personal)) }
        #expect(written.contains("C0042,2026-02-10,swemwbs,scored"))
    }

    @Test("a mapping overrides a question text, and a mapped header is compared as question texts are")
    func mappingWins() throws {
        let items = try Self.catalog.instrument(id: "swemwbs").items
        var options = ReadingOptions(instrument: "swemwbs")
        // The first question's column is mapped to the second item and the second's to the first.
        options.columns = try ColumnMapping(entries: [
            .init(header: items[0].text.uppercased() + " ", field: items[1].id.rawValue),
            .init(header: items[1].text, field: items[0].id.rawValue),
        ])
        let header = ["child_id", "administered_on"] + items.map(\.text)
        let (reader, rows) = try Self.read(
            Self.quoted(header) + "\n" + Self.quoted(["C0001", "2026-02-10", "1", "5", "3", "3", "3", "3", "3"]) + "\n",
            options: options)
        #expect(reader.matchedColumns[2].field == items[1].id.rawValue && reader.matchedColumns[2].how == .mapping)
        #expect(reader.matchedColumns[3].field == items[0].id.rawValue)
        #expect(rows[0].status == .scored)
    }

    @Test("a header two items share is read as the item of the instrument the other columns show")
    func sharedTextResolvedByTheFile() throws {
        // "I've been feeling relaxed" is SCWBS item 15 and WEMWBS item 3 (and so SWEMWBS's).
        let scwbs = try Self.read(
            Self.quoted(["child_id", "administered_on"] + Self.exportedHeaders(of: "scwbs")) + "\n"
                + Self.quoted(["C0001", "2026-02-10"] + Array(repeating: "3", count: 15)) + "\n",
            options: ReadingOptions(instrument: "scwbs"))
        #expect(scwbs.reader.matchedColumns.last?.field == "scwbs_15")
        #expect(scwbs.rows[0].status == .scored)
        // Without --instrument the other SWEMWBS columns show which item it is.
        let swemwbs = try Self.read(
            Self.quoted(["child_id", "administered_on", "instrument"] + Self.exportedHeaders(of: "swemwbs")) + "\n"
                + Self.quoted(["C0001", "2026-02-10", "swemwbs"] + Array(repeating: "3", count: 7)) + "\n")
        #expect(swemwbs.reader.matchedColumns.map(\.field).contains("wemwbs_3"))
        #expect(swemwbs.rows[0].status == .scored)
    }

    @Test("a header matching two items that nothing tells apart is an error naming both")
    func ambiguousHeader() throws {
        let text = "child_id,administered_on,instrument,I've been feeling relaxed\nC0001,2026-02-10,wemwbs,3\n"
        #expect {
            _ = try Self.read(text)
        } throws: { error in
            let message = (error as? InputError)?.description ?? ""
            return message.contains("column 4 \"I've been feeling relaxed\" is the question text of 2 items")
                && message.contains("wemwbs_3 (swemwbs, wemwbs)") && message.contains("scwbs_15 (scwbs)")
                && message.contains("--columns")
        }
        // The log's five optional examples share one text: only a mapping tells them apart.
        let example = try Self.catalog.instrument(id: "iv-log").item(id: "example_confidence").text
        #expect(throws: InputError.self) {
            _ = try Self.read(
                "child_id,administered_on,\(example)\nC0001,2026-02-10,x\n",
                options: ReadingOptions(instrument: "iv-log"))
        }
    }

    @Test("an item with no column is reported as missing, never silently blank")
    func unmatchedItem() throws {
        var headers = try Self.exportedHeaders(of: "swemwbs")
        headers[6] = "I have been able to make up my mind"  // a reworded question matches no item
        let (reader, rows) = try Self.read(
            Self.quoted(["child_id", "administered_on"] + headers) + "\n"
                + Self.quoted(["C0001", "2026-02-10"] + Array(repeating: "3", count: 7)) + "\n",
            options: ReadingOptions(instrument: "swemwbs"))
        #expect(reader.itemsWithoutColumn.map(\.instrument) == ["swemwbs"])
        #expect(reader.itemsWithoutColumn.first?.items == ["wemwbs_11"])
        #expect(reader.unknownColumns == ["I have been able to make up my mind"])
        #expect(rows[0].status == .incomplete)
        #expect(rows[0].problems.contains { $0.code == .answerMissing && $0.column == "wemwbs_11" })
    }

    @Test("a Google Forms grid header, Stem [Item text], matches by the text in brackets")
    func gridHeaders() throws {
        let items = try Self.catalog.instrument(id: "swemwbs").items
        let header = ["child_id", "administered_on"] + items.map { "How have you been feeling? [\($0.text)]" }
        let (reader, rows) = try Self.read(
            Self.quoted(header) + "\n" + Self.quoted(["C0001", "2026-02-10"] + Array(repeating: "2", count: 7)) + "\n",
            options: ReadingOptions(instrument: "swemwbs"))
        #expect(reader.matchedColumns.count == 9 && rows[0].status == .scored)
    }

    @Test(
        "a bad column mapping names its file and line",
        arguments: [
            (
                "header,field\nYour ID,child_idd\n",
                "columns.csv: cannot read the file: line 2: \"Your ID\" is mapped to 'child_idd', which is not a field; did you mean 'child_id'?"
            ),
            (
                "header,field\nYour ID,child_id\nyour id.,administered_on\n",
                "columns.csv: cannot read the file: line 3: \"your id.\" is mapped to administered_on, but line 2 maps it to child_id"
            ),
            (
                "column,item\nYour ID,child_id\n",
                "columns.csv: cannot read the file: line 1: the header is \"column,item\"; a column mapping has two columns, header,field"
            ),
            (
                "header,field\nYour ID,child_id,extra\n",
                "columns.csv: cannot read the file: line 2: 3 fields; each row is an export's header and a field (quote a header with a comma)"
            ),
        ])
    func badMapping(mapping: String, message: String) throws {
        #expect {
            var options = ReadingOptions(instrument: "swemwbs")
            options.columns = try ColumnMapping(text: mapping, name: "columns.csv")
            _ = try Self.read("Your ID,administered_on\nC0001,2026-02-10\n", options: options)
        } throws: { error in
            (error as? InputError)?.description.hasPrefix(message) == true
        }
    }

    @Test(
        "a date followed by a time of day is the date as written, with no time-zone conversion",
        arguments: [
            ("YYYY-MM-DD", "2026-02-10 10:12:40", "2026-02-10"),
            ("YYYY-MM-DD", "2026-02-10T10:12:40+01:00", "2026-02-10"),
            ("YYYY-MM-DD", "2026-02-10T23:59:59.123-05:00", "2026-02-10"),
            ("YYYY-MM-DD", "2026-02-10T00:30:00Z", "2026-02-10"),
            ("DD/MM/YYYY", "10/02/2026 10:12", "2026-02-10"),
            ("DD/MM/YYYY", "10/02/2026 10:12:40 BST", "2026-02-10"),
            ("MM/DD/YYYY", "2/10/2026 10:12 PM", "2026-02-10"),
            ("YYYY/MM/DD", "2026/02/10 10:12:40", "2026-02-10"),
        ])
    func dateTimes(pattern: String, text: String, expected: String) throws {
        #expect(try DateFormat(pattern: pattern).parse(text) == CalendarDate(iso: expected))
    }

    @Test(
        "what follows a date must be a time of day",
        arguments: [
            ("2026-02-10 25:00", "has a time that is not a time of day"),
            ("2026-02-10 10:1", "has a time that is not a time of day"),
            ("2026-02-10 13:00 PM", "has a time that is not a time of day"),
            ("2026-02-10Tlunch", "has a time that is not a time of day"),
            ("10/02/2026 10:12", "is ambiguous"),
        ])
    func badDateTimes(text: String, message: String) {
        #expect(DateFormat.iso.parse(text) == nil)
        #expect(DateFormat.iso.problem(with: text).contains(message))
    }
}
