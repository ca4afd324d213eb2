import struct Foundation.Data

extension ChildRegister {
    /// Reads a children file: CSV with `child_id`, `birth_month` (`YYYY-MM`), and optionally
    /// `match_start`, `match_end` (`YYYY-MM-DD`), `status` (`matched` or `waiting`, see
    /// ``ChildStatus``), `referred_on` (`YYYY-MM-DD`) and the ``demographicColumns``.
    ///
    /// A bad cell is reported in ``problems`` and read as unknown; the child is kept. A repeated
    /// child id is reported and the later row not used.
    /// - Throws: ``InputError`` when the file can't be read or lacks `child_id` or `birth_month`.
    /// - Parameters:
    ///   - path: the children file (`-` for standard input).
    ///   - today: the date a birth month may not be after.
    ///   - encoding: the file's encoding when it is not UTF-8.
    ///   - delimiter: the CSV delimiter; `nil` for a comma, or the semicolon or tab the header uses.
    ///   - breakdownColumns: the columns read as categories that reports break results down by:
    ///     the ``demographicColumns`` unless a caller names others (columns the file lacks are
    ///     left out). Any other column is reported in ``unknownColumns`` and never read.
    public init(
        path: String, today: CalendarDate = .today, encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil,
        breakdownColumns: [String] = ChildRegister.demographicColumns
    ) throws(InputError) {
        try self.init(
            .file(path), today: today, encoding: encoding, delimiter: delimiter, breakdownColumns: breakdownColumns)
    }

    /// Reads a children file held in memory, named `name` in problems (see
    /// ``init(path:today:encoding:delimiter:breakdownColumns:)``).
    ///
    /// ```swift
    /// let register = try ChildRegister(text: "child_id,birth_month\nC1,2013-04\n", today: asOf)
    /// ```
    public init(
        text: String, name: String = "children", today: CalendarDate = .today, delimiter: CSVDelimiter? = nil,
        breakdownColumns: [String] = ChildRegister.demographicColumns
    ) throws(InputError) {
        try self.init(
            .memory(name: name, bytes: Array(text.utf8)), today: today, encoding: nil, delimiter: delimiter,
            breakdownColumns: breakdownColumns)
    }

    /// Reads a children file's bytes held in memory (see ``init(text:name:today:delimiter:breakdownColumns:)``).
    public init(
        data: Data, name: String = "children", today: CalendarDate = .today, encoding: TextEncoding? = nil,
        delimiter: CSVDelimiter? = nil, breakdownColumns: [String] = ChildRegister.demographicColumns
    ) throws(InputError) {
        try self.init(
            .memory(name: name, bytes: [UInt8](data)), today: today, encoding: encoding, delimiter: delimiter,
            breakdownColumns: breakdownColumns)
    }

    private init(
        _ source: TextSource, today: CalendarDate, encoding: TextEncoding?, delimiter: CSVDelimiter?,
        breakdownColumns: [String]
    ) throws(InputError) {
        let path = source.name
        let reader = try CSVReader(source, encoding: encoding, delimiter: delimiter)
        let header = try reader.readHeader().map { $0.trimmingSpaces.lowercased() }
        let positions = try CSVReader.columnPositions(header, file: path)
        for required in ["child_id", "birth_month"] where positions[required] == nil {
            let near = closestMatch(to: required, in: header).map { "; found '\($0)': rename it to '\(required)'" }
            throw .missingColumn(
                file: path, column: required,
                hint: near ?? " (a children file needs child_id and birth_month as YYYY-MM)")
        }
        let known = Set(
            ["child_id", "birth_month", "match_start", "match_end", "status", "referred_on"] + breakdownColumns)
        let unknown = header.filter { !$0.isEmpty && !known.contains($0) }
        var rows = ChildRowReader(reader: reader, positions: positions, file: path, today: today)
        var children: [ChildDetails] = []
        while try reader.next() {
            if reader.isBlankRecord { continue }
            if let child = rows.read(columns: header.count, breakdownColumns: breakdownColumns) {
                children.append(child)
            }
        }
        let problems = rows.problems
        self.init(children: children, problems: problems, unknownColumns: unknown)
        formatNote = reader.formatNote
    }
}

/// Reads the children file's rows one at a time: each row becomes a child's details, or a problem
/// saying why it is not used; a cell that can't be read is a problem and read as unknown.
private struct ChildRowReader {
    let reader: CSVReader
    let positions: [String: Int]
    let file: String
    let today: CalendarDate
    /// The line each child was first read on.
    var seen: [ChildID: Int] = [:]
    var problems: [RowProblem] = []

    init(reader: CSVReader, positions: [String: Int], file: String, today: CalendarDate) {
        self.reader = reader
        self.positions = positions
        self.file = file
        self.today = today
    }

    /// The current row's child, or `nil` when the row is not used (with its problem).
    mutating func read(columns: Int, breakdownColumns: [String]) -> ChildDetails? {
        if reader.fieldCount != columns {
            report(
                .rowFieldCount, nil,
                "\(reader.fieldCount) fields, but the header has \(columns) columns; row not used (check for an unquoted comma)"
            )
            return nil
        }
        let id: ChildID
        do {
            id = try ChildID(validating: cell("child_id"))
        } catch {
            report(error.code, "child_id", error.description + "; row not used")
            return nil
        }
        if let first = seen[id] {
            report(.rowRepeatedChild, "child_id", "\"\(id)\" is already on line \(first); this row is not used")
            return nil
        }
        seen[id] = reader.line
        let birthMonth = self.birthMonth()
        var (matchStart, matchEnd) = matchDates()
        let status = self.status()
        let referredOn = date("referred_on")
        if status == .waiting, matchStart != nil || matchEnd != nil {
            report(
                .statusWaitingWithMatch, "status",
                "waiting for an IV, but the row has match dates: read as waiting and the match dates not used (set status to matched once the child has an IV)"
            )
            (matchStart, matchEnd) = (nil, nil)
        }
        var attributes: [String: String] = [:]
        for column in breakdownColumns {
            let value = cell(column)
            if !value.isEmpty { attributes[column] = value }
        }
        return ChildDetails(
            id: id, birthMonth: birthMonth, matchStart: matchStart, matchEnd: matchEnd, status: status,
            referredOn: referredOn, attributes: attributes, line: reader.line)
    }

    private func cell(_ column: String) -> String {
        guard let position = positions[column], position < reader.fieldCount else { return "" }
        return reader.string(at: position).trimmingSpaces
    }

    private mutating func report(_ code: ProblemCode, _ column: String?, _ message: String) {
        problems.append(RowProblem(code: code, file: file, line: reader.line, column: column, message: message))
    }

    /// `birth_month` as YYYY-MM, not in the future; `nil` (unknown) when empty or unreadable.
    private mutating func birthMonth() -> BirthMonth? {
        let text = cell("birth_month")
        guard !text.isEmpty else { return nil }
        let birthMonth = BirthMonth(text: text)
        if birthMonth == nil, BirthMonth.hasShape(text) {
            report(
                .birthMonthInvalid, "birth_month",
                "\"\(text)\" is out of range (years from \(BirthMonth.earliestYear), months 01-12); age unknown")
        } else if birthMonth == nil {
            report(
                .birthMonthInvalid, "birth_month",
                "\"\(text)\" is not a year and month (expected YYYY-MM, such as 2014-03); age unknown")
        } else if let month = birthMonth, (month.year, month.month) > (today.year, today.month) {
            report(.birthMonthInvalid, "birth_month", "\"\(text)\" is in the future; age unknown")
            return nil
        }
        return birthMonth
    }

    /// A date column as YYYY-MM-DD; `nil` (unknown) when empty or unreadable.
    private mutating func date(_ column: String) -> CalendarDate? {
        let text = cell(column)
        guard !text.isEmpty else { return nil }
        guard let value = CalendarDate(iso: text) else {
            report(.dateUnreadable, column, "\"\(text)\" is not a date (expected YYYY-MM-DD); read as unknown")
            return nil
        }
        return value
    }

    /// `match_start` and `match_end`; an end before the start is read as unknown.
    private mutating func matchDates() -> (start: CalendarDate?, end: CalendarDate?) {
        let start = date("match_start")
        let end = date("match_end")
        if let start, let end, end < start {
            report(.dateUnreadable, "match_end", "\(end) is before match_start \(start); read as unknown")
            return (start, nil)
        }
        return (start, end)
    }

    /// `status`: matched (also when empty) or waiting; anything else is read as matched.
    private mutating func status() -> ChildStatus {
        let text = cell("status")
        guard !text.isEmpty else { return .matched }
        if let status = ChildStatus(text: text) { return status }
        report(.statusInvalid, "status", "\"\(text)\" is not a status (expected matched or waiting); read as matched")
        return .matched
    }
}
