/// The rule for which field each header cell of a response file holds, so that files whose
/// columns are item ids and survey tools' exports whose headers are the questions read alike.
///
/// In order, a header is:
/// 1. the field a ``ColumnMapping`` gives it;
/// 2. a field by name: `child_id`, `administered_on`, `instrument` or an item id (trimmed,
///    case-insensitive);
/// 3. the item whose question text it is, compared by ``key(_:)`` (ignoring case, surrounding and
///    repeated spaces, curly versus straight quotes and trailing punctuation); a grid question
///    exported as `Stem [Item text]` (Google Forms) matches by the text in brackets. A text that
///    several items share is the item of an instrument the file's other columns (or
///    `--instrument`) show; two still left are an error naming both;
/// 4. otherwise nothing: the column is never read, and ``ResponseFileReader/unknownColumns``
///    names it.
struct ColumnMatcher {
    /// The comparison key of a header or question text: lower-cased, curly quotes made straight,
    /// runs of white space made one space, surrounding spaces and trailing punctuation removed.
    static func key(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.lowercased().unicodeScalars {
            if scalar.properties.isWhitespace {
                pendingSpace = !scalars.isEmpty
                continue
            }
            if pendingSpace {
                scalars.append(" ")
                pendingSpace = false
            }
            switch scalar {
            case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}", "\u{2032}", "`": scalars.append("'")
            case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}", "\u{2033}": scalars.append("\"")
            default: scalars.append(scalar)
            }
        }
        var key = String(scalars)
        while let last = key.last, last == " " || ".,;:!?*\u{2026}".contains(last) { key.removeLast() }
        return key
    }

    /// The text of a grid question's row, `Item text` in `Stem [Item text]`, or `nil`.
    private static func bracketedText(_ header: String) -> String? {
        let trimmed = header.trimmingSpaces
        guard trimmed.hasSuffix("]"), let open = trimmed.lastIndex(of: "[") else { return nil }
        let inside = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
        return inside.isEmpty ? nil : String(inside)
    }

    /// What each header cell holds (`nil`: not read).
    /// - Throws: ``InputError`` for a mapping to an unknown field, or a header two items' texts
    ///   match that the file's other columns do not tell apart.
    static func match(
        header: [String], catalog: InstrumentCatalog, mapping: ColumnMapping?, instrument: InstrumentID?, file: String
    ) throws(InputError) -> [MatchedColumn?] {
        let base = [ResponseColumns.child, ResponseColumns.date, ResponseColumns.instrument]
        var owners: [String: [InstrumentID]] = [:]
        var byText: [String: [String]] = [:]
        for definition in catalog.instruments {
            for item in definition.items {
                let id = item.id.rawValue
                if owners[id] == nil {
                    byText[key(item.text), default: []].append(id)
                }
                owners[id, default: []].append(definition.id)
            }
        }
        let fields = Set(base).union(owners.keys)
        var matches: [MatchedColumn?] = []
        var ambiguous: [(position: Int, candidates: [String])] = []
        for (position, cell) in header.enumerated() {
            let name = cell.trimmingSpaces.lowercased()
            if let entry = mapping?.entry(for: cell) {
                guard fields.contains(entry.field) else {
                    throw .badColumnMapping(
                        file: mapping?.file ?? file, line: entry.line,
                        message:
                            "\"\(entry.header)\" is mapped to '\(entry.field)', which is not a field\(suggestion(for: entry.field, in: fields)) (a field is child_id, administered_on, instrument or an item id)"
                    )
                }
                matches.append(MatchedColumn(header: cell, field: entry.field, how: .mapping))
            } else if fields.contains(name) {
                matches.append(MatchedColumn(header: cell, field: name, how: .name))
            } else {
                let candidates = byText[key(cell)] ?? bracketedText(cell).flatMap { byText[key($0)] } ?? []
                matches.append(
                    candidates.count == 1 ? MatchedColumn(header: cell, field: candidates[0], how: .questionText) : nil)
                if candidates.count > 1 { ambiguous.append((position, candidates)) }
            }
        }
        guard !ambiguous.isEmpty else { return matches }
        // The instruments the file shows: --instrument, or those of the items matched without doubt.
        let shown = instrument.map { Set([$0]) } ?? Set(matches.compactMap { $0 }.flatMap { owners[$0.field] ?? [] })
        for (position, candidates) in ambiguous {
            let kept = candidates.filter { (owners[$0] ?? []).contains(where: shown.contains) }
            guard kept.count == 1 else {
                let named = (kept.count > 1 ? kept : candidates).map { id in
                    "\(id) (\((owners[id] ?? []).map(\.rawValue).joined(separator: ", ")))"
                }
                throw .ambiguousColumn(file: file, position: position + 1, header: header[position], items: named)
            }
            matches[position] = MatchedColumn(header: header[position], field: kept[0], how: .questionText)
        }
        return matches
    }
}
