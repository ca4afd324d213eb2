import struct Foundation.Data

/// Which field each header of a survey tool's export holds, for headers that are neither a field
/// name (`child_id`, `administered_on`, `instrument`, an item id) nor an item's question text.
///
/// A mapping file is CSV with the header `header,field`: `header` is the export's column header
/// (compared as question texts are: ignoring case, surrounding and repeated spaces, curly versus
/// straight quotes and trailing punctuation) and `field` is `child_id`, `administered_on`,
/// `instrument` or an item id. A column a mapping names is read as that field even when its
/// header is also an item's text. Columns mapped to nothing are never read.
///
/// ```swift
/// let mapping = try ColumnMapping(text: "header,field\nYour ID number,child_id\nTimestamp,administered_on\n")
/// var options = ReadingOptions(instrument: "swemwbs", dateFormat: try DateFormat(pattern: "DD/MM/YYYY"))
/// options.columns = mapping
/// ```
public struct ColumnMapping: Sendable, Hashable {
    /// One row of the mapping: an export's header and the field it holds.
    public struct Entry: Sendable, Hashable {
        /// The header as written in the mapping file.
        public let header: String
        /// The field: `child_id`, `administered_on`, `instrument` or an item id (lower case).
        public let field: String
        /// The line of the mapping file it was read from (`nil` when built in code).
        public let line: Int?

        /// An entry mapping `header` to `field`.
        public init(header: String, field: String, line: Int? = nil) {
            self.header = header
            self.field = field.trimmingSpaces.lowercased()
            self.line = line
        }
    }

    /// The mapping file's name, for messages.
    public let file: String
    /// The entries, in the file's order.
    public let entries: [Entry]
    /// The first entry of each header, by its comparison key (``ColumnMatcher/key(_:)``).
    private let byKey: [String: Entry]

    /// A mapping from entries built in code.
    /// - Throws: ``InputError/unreadable(file:reason:)`` when two entries name the same header.
    public init(entries: [Entry], file: String = "column mapping") throws(InputError) {
        self.file = file
        self.entries = entries
        var seen: [String: Entry] = [:]
        var byKey: [String: Entry] = [:]
        for entry in entries {
            let key = ColumnMatcher.key(entry.header)
            guard !key.isEmpty else {
                throw .badColumnMapping(file: file, line: entry.line, message: "an entry has an empty header")
            }
            guard !entry.field.isEmpty else {
                throw .badColumnMapping(
                    file: file, line: entry.line, message: "\"\(entry.header)\" is mapped to no field")
            }
            if let first = seen[key], first.field != entry.field {
                throw .badColumnMapping(
                    file: file, line: entry.line,
                    message:
                        "\"\(entry.header)\" is mapped to \(entry.field), but\(first.line.map { " line \($0)" } ?? " an earlier entry") maps it to \(first.field)"
                )
            }
            seen[key] = entry
            if byKey[key] == nil { byKey[key] = entry }
        }
        self.byKey = byKey
    }

    /// Reads a mapping file (`-` for standard input).
    /// - Throws: ``InputError`` when it can't be read, lacks the `header,field` header, or has a bad row.
    public init(path: String) throws(InputError) {
        try self.init(.file(path))
    }

    /// Reads a mapping held in memory, named `name` in messages.
    public init(text: String, name: String = "column mapping") throws(InputError) {
        try self.init(.memory(name: name, bytes: Array(text.utf8)))
    }

    private init(_ source: TextSource) throws(InputError) {
        let file = source.name
        let reader = try CSVReader(source)
        let header = try reader.readHeader().map { $0.trimmingSpaces.lowercased() }
        guard header.count == 2, header[0] == "header", header[1] == "field" else {
            throw .badColumnMapping(
                file: file, line: 1,
                message:
                    "the header is \"\(header.joined(separator: ","))\"; a column mapping has two columns, header,field"
            )
        }
        var entries: [Entry] = []
        while try reader.next() {
            if reader.isBlankRecord { continue }
            guard reader.fieldCount == 2 else {
                throw .badColumnMapping(
                    file: file, line: reader.line,
                    message:
                        "\(reader.fieldCount) fields; each row is an export's header and a field (quote a header with a comma)"
                )
            }
            entries.append(Entry(header: reader.string(at: 0), field: reader.string(at: 1), line: reader.line))
        }
        try self.init(entries: entries, file: file)
    }

    /// The entry for a header (compared as question texts are), or `nil`.
    func entry(for header: String) -> Entry? {
        byKey[ColumnMatcher.key(header)]
    }
}
