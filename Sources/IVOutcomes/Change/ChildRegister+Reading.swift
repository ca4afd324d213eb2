extension ChildRegister {
    /// Reads a children file: CSV with `child_id`, `birth_month` (`YYYY-MM`), and optionally
    /// `match_start`, `match_end` (`YYYY-MM-DD`) and the ``demographicColumns``.
    ///
    /// A bad cell is reported in ``problems`` and read as unknown; the child is kept. A repeated
    /// child id is reported and the later row not used.
    /// - Throws: ``InputError`` when the file can't be read or lacks `child_id` or `birth_month`.
    /// - Parameters:
    ///   - encoding: the file's encoding when it is not UTF-8.
    ///   - delimiter: the CSV delimiter; `nil` for a comma, or the semicolon or tab the header uses.
    public init(
        path: String, today: CalendarDate = .today, encoding: TextEncoding? = nil, delimiter: CSVDelimiter? = nil
    )
        throws(InputError)
    {
        let reader = try CSVReader(path: path, encoding: encoding, delimiter: delimiter)
        let header = try reader.readHeader().map { $0.trimmingSpaces.lowercased() }
        let positions = try CSVReader.columnPositions(header, file: path)
        for required in ["child_id", "birth_month"] where positions[required] == nil {
            let near = closestMatch(to: required, in: header).map { "; found '\($0)': rename it to '\(required)'" }
            throw .missingColumn(
                file: path, column: required,
                hint: near ?? " (a children file needs child_id and birth_month as YYYY-MM)")
        }
        let known = Set(["child_id", "birth_month", "match_start", "match_end"] + ChildRegister.demographicColumns)
        let unknown = header.filter { !$0.isEmpty && !known.contains($0) }
        var children: [ChildDetails] = []
        var problems: [RowProblem] = []
        var seen: [String: Int] = [:]
        while try reader.next() {
            if reader.isBlankRecord { continue }
            let line = reader.line
            func cell(_ column: String) -> String {
                guard let position = positions[column], position < reader.fieldCount else { return "" }
                return reader.string(at: position).trimmingSpaces
            }
            func report(_ column: String?, _ message: String) {
                problems.append(RowProblem(file: path, line: line, column: column, message: message))
            }
            if reader.fieldCount != header.count {
                report(
                    nil,
                    "\(reader.fieldCount) fields, but the header has \(header.count) columns; row not used (check for an unquoted comma)"
                )
                continue
            }
            let id = cell("child_id")
            guard !id.isEmpty else {
                report("child_id", "empty; row not used")
                continue
            }
            if let first = seen[id] {
                report("child_id", "\"\(id)\" is already on line \(first); this row is not used")
                continue
            }
            seen[id] = line
            var birthMonth: BirthMonth?
            let birthText = cell("birth_month")
            if !birthText.isEmpty {
                birthMonth = BirthMonth(text: birthText)
                if birthMonth == nil, BirthMonth.hasShape(birthText) {
                    report(
                        "birth_month",
                        "\"\(birthText)\" is out of range (years from \(BirthMonth.earliestYear), months 01-12); age unknown"
                    )
                } else if birthMonth == nil {
                    report(
                        "birth_month",
                        "\"\(birthText)\" is not a year and month (expected YYYY-MM, such as 2014-03); age unknown")
                } else if let month = birthMonth, (month.year, month.month) > (today.year, today.month) {
                    report("birth_month", "\"\(birthText)\" is in the future; age unknown")
                    birthMonth = nil
                }
            }
            func date(_ column: String) -> CalendarDate? {
                let text = cell(column)
                guard !text.isEmpty else { return nil }
                guard let value = CalendarDate(iso: text) else {
                    report(column, "\"\(text)\" is not a date (expected YYYY-MM-DD); read as unknown")
                    return nil
                }
                return value
            }
            let matchStart = date("match_start")
            var matchEnd = date("match_end")
            if let start = matchStart, let end = matchEnd, end < start {
                report("match_end", "\(end) is before match_start \(start); read as unknown")
                matchEnd = nil
            }
            var attributes: [String: String] = [:]
            for column in ChildRegister.demographicColumns {
                let value = cell(column)
                if !value.isEmpty { attributes[column] = value }
            }
            children.append(
                ChildDetails(
                    id: id, birthMonth: birthMonth, matchStart: matchStart, matchEnd: matchEnd, attributes: attributes,
                    line: line))
        }
        self.init(children: children, problems: problems, unknownColumns: unknown)
        formatNote = reader.formatNote
    }
}
