import Foundation

/// The formats administrations can be read from.
public enum InputFormat: String, Sendable, Hashable, CaseIterable {
    /// One row per administration: `child_id`, `administered_on`, `instrument`, one column per item id.
    case csv
    /// One JSON object per line: `{"child_id": ..., "administered_on": ..., "instrument": ..., "answers": {...}}`.
    case jsonl
    /// HL7 FHIR R4 QuestionnaireResponses: one JSON resource, a Bundle of them, or NDJSON.
    case fhir

    /// The format a file name suggests: JSON Lines for `.jsonl` and `.ndjson`, otherwise CSV.
    public static func guess(from path: String) -> InputFormat {
        let lower = path.lowercased()
        return lower.hasSuffix(".jsonl") || lower.hasSuffix(".ndjson") ? .jsonl : .csv
    }

    /// The format of an input without `--input-format`: FHIR when a `.json`, `.jsonl` or `.ndjson`
    /// input's first object has a `resourceType` (its first 64 KB are looked at), otherwise
    /// ``guess(from:)`` (a `.ndjson` name alone still means JSON Lines).
    static func detect(_ source: TextSource) -> InputFormat {
        let lower = source.name.lowercased()
        let named = guess(from: lower)
        guard named == .jsonl || lower.hasSuffix(".json") else { return named }
        var start: [UInt8]
        switch source {
        case .memory(_, let bytes): start = Array(bytes.prefix(65_536))
        case .file(let path):
            guard path != "-", let handle = FileHandle(forReadingAtPath: path) else { return named }
            start = [UInt8]((try? handle.read(upToCount: 65_536)) ?? Data())
            try? handle.close()
        }
        // The first object, up to its first line end for JSON Lines.
        if named == .jsonl, let end = start.firstIndex(of: UInt8(ascii: "\n")) { start = Array(start[..<end]) }
        return String(decoding: start, as: UTF8.self).contains("\"resourceType\"") ? .fhir : named
    }

    /// Opens `input` as rows of this format, with the header its fields are laid out by: a CSV
    /// file's own header, or the catalogue's fields for the formats whose rows name their answers
    /// (``ResponseColumns/laidOut(for:)``). The one place that knows every format's reader.
    func open(_ input: TextSource, catalog: InstrumentCatalog, options: ReadingOptions, chunkSize: Int)
        throws(InputError) -> (rows: any RowSource, header: [String])
    {
        switch self {
        case .csv:
            let reader = try CSVReader(
                input, chunkSize: chunkSize, encoding: options.encoding, delimiter: options.delimiter)
            return (reader, try reader.readHeader())
        case .jsonl:
            let columns = ResponseColumns.laidOut(for: catalog)
            return (try JSONLinesRows(input, columns: columns, encoding: options.encoding), columns)
        case .fhir:
            let columns = ResponseColumns.laidOut(for: catalog)
            let rows = try FHIRResponseRows(
                input, columns: columns, catalog: catalog, lines: InputFormat.guess(from: input.name) == .jsonl,
                encoding: options.encoding)
            return (rows, columns)
        }
    }
}
