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
        var children: [ChildDetails] = []
        var problems: [RowProblem] = []
        var seen: [ChildID: Int] = [:]
        while try reader.next() {
            if reader.isBlankRecord { continue }
            let line = reader.line
            func cell(_ column: String) -> String {
                guard let position = positions[column], position < reader.fieldCount else { return "" }
                return reader.string(at: position).trimmingSpaces
            }
            func report(_ code: ProblemCode, _ column: String?, _ message: String) {
                problems.append(RowProblem(code: code, file: path, line: line, column: column, message: message))
            }
            if reader.fieldCount != header.count {
                report(
                    .rowFieldCount, nil,
                    "\(reader.fieldCount) fields, but the header has \(header.count) columns; row not used (check for an unquoted comma)"
                )
                continue
            }
            let id: ChildID
            do {
                id = try ChildID(validating: cell("child_id"))
            } catch {
                report(error.code, "child_id", error.description + "; row not used")
                continue
            }
            if let first = seen[id] {
                report(.rowRepeatedChild, "child_id", "\"\(id)\" is already on line \(first); this row is not used")
                continue
            }
            seen[id] = line
            var birthMonth: BirthMonth?
            let birthText = cell("birth_month")
            if !birthText.isEmpty {
                birthMonth = BirthMonth(text: birthText)
                if birthMonth == nil, BirthMonth.hasShape(birthText) {
                    report(
                        .birthMonthInvalid, "birth_month",
                        "\"\(birthText)\" is out of range (years from \(BirthMonth.earliestYear), months 01-12); age unknown"
                    )
                } else if birthMonth == nil {
                    report(
                        .birthMonthInvalid, "birth_month",
                        "\"\(birthText)\" is not a year and month (expected YYYY-MM, such as 2014-03); age unknown")
                } else if let month = birthMonth, (month.year, month.month) > (today.year, today.month) {
                    report(.birthMonthInvalid, "birth_month", "\"\(birthText)\" is in the future; age unknown")
                    birthMonth = nil
                }
            }
            func date(_ column: String) -> CalendarDate? {
                let text = cell(column)
                guard !text.isEmpty else { return nil }
                guard let value = CalendarDate(iso: text) else {
                    report(.dateUnreadable, column, "\"\(text)\" is not a date (expected YYYY-MM-DD); read as unknown")
                    return nil
                }
                return value
            }
            var matchStart = date("match_start")
            var matchEnd = date("match_end")
            if let start = matchStart, let end = matchEnd, end < start {
                report(.dateUnreadable, "match_end", "\(end) is before match_start \(start); read as unknown")
                matchEnd = nil
            }
            let statusText = cell("status")
            var status = ChildStatus.matched
            if !statusText.isEmpty {
                if let read = ChildStatus(text: statusText) {
                    status = read
                } else {
                    report(
                        .statusInvalid, "status",
                        "\"\(statusText)\" is not a status (expected matched or waiting); read as matched")
                }
            }
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
            children.append(
                ChildDetails(
                    id: id, birthMonth: birthMonth, matchStart: matchStart, matchEnd: matchEnd, status: status,
                    referredOn: referredOn, attributes: attributes, line: line))
        }
        self.init(children: children, problems: problems, unknownColumns: unknown)
        formatNote = reader.formatNote
    }
}
