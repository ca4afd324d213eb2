/// Writes rows of named cells as they come, as CSV (a header, then one line per row; cells
/// neutralised for spreadsheets) or JSON Lines (one object per row, numbers as numbers, blanks as `null`).
struct ResultTable {
    enum Cell {
        case text(String)
        /// A number already formatted with the right decimals.
        case number(String)
        case null
        /// Several texts: joined by "; " in CSV, an array in JSON.
        case list([String])

        static func integer(_ value: Int?) -> Cell { value.map { .number(String($0)) } ?? .null }
        static func date(_ value: CalendarDate?) -> Cell { value.map { .text($0.description) } ?? .null }
        static func optionalText(_ value: String?) -> Cell { value.map(Cell.text) ?? .null }
    }

    let columns: [String]
    private let quotedColumns: [String]
    let output: ByteWriter
    let format: OutputFormat

    /// Starts a table, writing the CSV header.
    init(columns: [String], output: ByteWriter, format: OutputFormat) throws(OutputError) {
        self.columns = columns
        self.output = output
        self.format = format
        quotedColumns = columns.map { JSONText.quoted($0) + ":" }
        if format == .csv { try output.write(columns.joined(separator: ",") + "\n") }
    }

    func append(_ row: [Cell]) throws(OutputError) {
        switch format {
        case .csv:
            output.append { out in
                for (index, cell) in row.enumerated() {
                    if index > 0 { out.append(44) }
                    switch cell {
                    case .text(let text): CSVCell.append(text, to: &out)
                    case .number(let text): out.append(text)
                    case .null: break
                    case .list(let texts): CSVCell.append(texts.joined(separator: CSVCell.problemSeparator), to: &out)
                    }
                }
                out.append(10)
            }
        case .jsonl:
            let fields = zip(quotedColumns, row).map { column, cell -> String in
                let value: String
                switch cell {
                case .text(let text): value = JSONText.quoted(text)
                case .number(let text): value = text
                case .null: value = "null"
                case .list(let texts): value = "[" + texts.map(JSONText.quoted).joined(separator: ",") + "]"
                }
                return column + value
            }
            try output.write("{" + fields.joined(separator: ",") + "}\n")
        }
        try output.flushIfNeeded()
    }
}
