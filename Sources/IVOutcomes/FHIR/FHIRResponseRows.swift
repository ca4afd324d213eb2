import Foundation

/// Reads administrations from HL7 FHIR R4 `QuestionnaireResponse`s: one resource as a JSON file,
/// a `Bundle` of them (`collection`, `transaction`, `searchset`: each `entry[].resource`), or
/// NDJSON (one resource per line, streamed). Each response is laid out into the same fields as a
/// CSV row, so every rule after reading is the CSV path's.
///
/// - The child id is `subject.identifier.value`, or the id of a `Patient/<id>` reference.
/// - The date is `authored`, as written (a time and zone are checked, never converted).
/// - The instrument is the `questionnaire` canonical's last segment (`.../Questionnaire/wemwbs`,
///   with or without `|version`).
/// - Answers are read by `valueCoding.code` (its `system`, when given, must be the
///   questionnaire's answer system), `valueInteger`, or `valueString` for free text; an answer
///   given only as display text is reported, never guessed; a link id that is neither a question
///   nor a scale of the instrument is reported. Scales' calculated answers are not read (scores
///   are computed again from the answers).
/// - A response whose `status` is not `completed` or `amended` is reported and not scored.
/// - Other resource types (in a Bundle or a line of NDJSON) are skipped and counted in
///   ``ignoredRecords``.
///
/// Problems name the resource by its number in the file (the line of NDJSON), its id, and the
/// JSON path of the value.
final class FHIRResponseRows: RowSource {
    private enum Input {
        case lines(LineReader)
        case document(resources: [(path: String, value: JSONValue)], next: Int)
    }

    private var input: Input
    private let tables: FHIRResponseDecoder.Tables
    /// NDJSON lines read ahead and decoded, taken in order.
    private var batch: [FHIRResponseDecoder.Decoded] = []
    private var batchPosition = 0
    /// The next lines, being decoded in the background while the current batch is scored.
    private var pending: FHIRResponseDecoder.PendingBatch?
    /// Why reading ahead stopped, thrown once the rows read before it are taken.
    private var readAheadError: InputError?
    private var current: FHIRResponseDecoder.Decoded
    var line: Int { current.line }
    /// Problems found while decoding the current response, before scoring.
    var decodeProblems: [RowDecodeProblem] { current.problems }
    /// Resources skipped because they are not QuestionnaireResponses, by `resourceType`.
    private(set) var ignoredRecords: [String: Int] = [:]
    /// The current response's `id` and `subject` as received.
    var origin: RowOrigin? { current.origin }

    /// How many NDJSON lines are decoded at a time (bounds the memory read ahead).
    static let linesPerBatch = 2048

    /// Opens a file of FHIR resources: NDJSON when `lines`, else one JSON document (read whole).
    init(_ source: TextSource, columns: [String], catalog: InstrumentCatalog, lines: Bool, encoding: TextEncoding?)
        throws(InputError)
    {
        let reader = try LineReader(source, encoding: encoding)
        tables = FHIRResponseDecoder.Tables(columns: columns, catalog: catalog)
        current = FHIRResponseDecoder.Decoded(line: 0, columns: columns.count)
        if lines {
            input = .lines(reader)
            return
        }
        var bytes: [UInt8] = []
        while try reader.next() {
            bytes.append(contentsOf: reader.bytes)
            bytes.append(UInt8(ascii: "\n"))
        }
        let parsed = JSONValue.parse(Data(bytes))
        guard case .success(let root) = parsed else {
            if case .failure(let error) = parsed {
                throw .unreadable(file: source.name, reason: "not valid JSON: \(error.detail)")
            }
            throw .unreadable(file: source.name, reason: "not valid JSON")
        }
        guard case .object(let object) = root, case .string(let type)? = object["resourceType"] else {
            throw .unreadable(
                file: source.name, reason: "not a FHIR resource (expected a QuestionnaireResponse or a Bundle of them)")
        }
        if type == "Bundle" {
            guard case .array(let entries)? = object["entry"] else {
                input = .document(resources: [], next: 0)
                return
            }
            input = .document(
                resources: entries.enumerated().map { offset, entry in
                    guard case .object(let fields) = entry, let resource = fields["resource"] else {
                        return ("entry[\(offset)]", .null)
                    }
                    return ("entry[\(offset)].resource", resource)
                }, next: 0)
        } else {
            input = .document(resources: [("", root)], next: 0)
        }
    }

    var fieldCount: Int { current.fields.count }

    func withField<R>(_ index: Int, _ body: (ByteView) throws -> R) rethrows -> R {
        try current.fields[index].withView(body)
    }

    /// Reads the next QuestionnaireResponse into the fields, skipping blank lines and other
    /// resources. Returns `false` at the end.
    func next(blankRows: inout Int) throws(InputError) -> Bool {
        while true {
            let decoded: FHIRResponseDecoder.Decoded
            switch input {
            case .lines(let reader):
                if batchPosition == batch.count {
                    try readBatch(from: reader, blankRows: &blankRows)
                    if batch.isEmpty { return false }
                }
                decoded = batch[batchPosition]
                batchPosition += 1
            case .document(let resources, let next):
                guard next < resources.count else { return false }
                input = .document(resources: resources, next: next + 1)
                decoded = FHIRResponseDecoder.decode(
                    resources[next].value, at: resources[next].path, line: next + 1, tables)
            }
            if let type = decoded.ignoredType {
                ignoredRecords[type, default: 0] += 1
                continue
            }
            current = decoded
            return true
        }
    }

    /// Takes the batch decoded in the background (helping to finish it), then reads the next
    /// ``linesPerBatch`` non-blank lines and starts decoding them in the background, so that they
    /// are decoded while this batch is scored. At the start, the first batch is read and decoded
    /// at once.
    private func readBatch(from reader: LineReader, blankRows: inout Int) throws(InputError) {
        if let error = readAheadError { throw error }
        if pending == nil { pending = try readLines(from: reader, blankRows: &blankRows) }
        guard let current = pending else { return }
        batch = current.finish()
        batchPosition = 0
        pending = nil
        if batch.isEmpty { return }
        do {
            pending = try readLines(from: reader, blankRows: &blankRows)
        } catch {
            readAheadError = error
        }
    }

    /// Reads up to ``linesPerBatch`` non-blank lines and starts decoding them in the background.
    private func readLines(from reader: LineReader, blankRows: inout Int) throws(InputError)
        -> FHIRResponseDecoder.PendingBatch
    {
        var lines: [(line: Int, bytes: [UInt8])] = []
        while lines.count < FHIRResponseRows.linesPerBatch, try reader.next() {
            let bytes = reader.bytes
            if bytes.allSatisfy({ $0 == 32 || $0 == 9 || $0 == 13 }) {
                blankRows += 1
                continue
            }
            lines.append((reader.line, Array(bytes)))
        }
        return FHIRResponseDecoder.PendingBatch(lines: lines, tables: tables)
    }
}

/// Decoding one QuestionnaireResponse into a row's fields: a pure function of the resource and
/// tables prepared once, so NDJSON lines can be decoded in lanes.
struct FHIRResponseDecoder {
    /// What every decoding reads: column positions and each instrument's link ids.
    final class Tables: Sendable {
        /// What a link id of an instrument is: a question (its column and the suffix of its
        /// answer system's URL), or a scale's calculated item (not read: scores are computed again).
        enum Link: Sendable {
            case question(column: Int?, systemSuffix: [UInt8]?)
            case scale
        }

        let columnIndex: [String: Int]
        let columnCount: Int
        let instruments: [String: Instrument]
        /// Per instrument (by its id's text), its link ids.
        let links: [String: [String: Link]]

        init(columns: [String], catalog: InstrumentCatalog) {
            var index: [String: Int] = [:]
            for (position, name) in columns.enumerated() { index[name] = position }
            columnIndex = index
            columnCount = columns.count
            instruments = Dictionary(catalog.instruments.map { ($0.id.rawValue, $0) }, uniquingKeysWith: { a, _ in a })
            links = Dictionary(
                catalog.instruments.map { instrument in
                    var links: [String: Link] = [:]
                    for item in instrument.items where links[item.id.rawValue] == nil {
                        links[item.id.rawValue] = .question(
                            column: index[item.id.rawValue],
                            systemSuffix: item.responseScale.map { Array("/CodeSystem/\(instrument.id)/\($0.id)".utf8) }
                        )
                    }
                    for scale in instrument.scales { links[scale.id.rawValue] = .scale }
                    return (instrument.id.rawValue, links)
                }, uniquingKeysWith: { a, _ in a })
        }
    }

    /// One decoded resource: the row's fields, its problems and origin, or the type of a
    /// resource that is not a QuestionnaireResponse.
    struct Decoded: Sendable {
        var line: Int
        var fields: [[UInt8]]
        var problems: [RowDecodeProblem] = []
        var origin = RowOrigin(resourceID: nil, subject: nil)
        var ignoredType: String?

        init(line: Int, columns: Int) {
            self.line = line
            fields = Array(repeating: [], count: columns)
        }
    }

    /// Lines being decoded in chunks, by a background thread and by the reader's thread when it
    /// comes for them (whichever claims a chunk first decodes it), kept in line order.
    // Unchecked: each chunk is claimed by one thread (an atomic claim) and read after it is done.
    final class PendingBatch: @unchecked Sendable {
        /// A chunk's results, written by the one thread that claimed it.
        // Unchecked: written only by the thread that claimed it, read only after it is marked done.
        private final class Chunk: @unchecked Sendable {
            var results: [Decoded] = []
        }

        private static let linesPerChunk = 64
        private let lines: [(line: Int, bytes: [UInt8])]
        private let tables: Tables
        private let chunks: [Chunk]
        /// The next chunk to claim, under `lock`.
        private var nextChunk = 0
        private let lock = NSLock()
        private let done = DispatchGroup()

        /// Starts decoding `lines` in the background (a few lines are decoded by ``finish()`` alone).
        init(lines: [(line: Int, bytes: [UInt8])], tables: Tables) {
            self.lines = lines
            self.tables = tables
            chunks = (0..<(lines.count + Self.linesPerChunk - 1) / Self.linesPerChunk).map { _ in Chunk() }
            if chunks.count > 1 { DispatchQueue.global().async(group: done) { self.work() } }
        }

        /// Decodes the chunks no thread has claimed yet, waits for the others, and returns every
        /// line's result in order.
        func finish() -> [Decoded] {
            work()
            done.wait()
            return chunks.flatMap(\.results)
        }

        private func work() {
            while let index = claim() {
                let range = index * Self.linesPerChunk..<min(lines.count, (index + 1) * Self.linesPerChunk)
                chunks[index].results = lines[range].map { FHIRResponseDecoder.decode(line: $0.line, $0.bytes, tables) }
            }
        }

        private func claim() -> Int? {
            lock.withLock {
                guard nextChunk < chunks.count else { return nil }
                nextChunk += 1
                return nextChunk - 1
            }
        }
    }

    private let tables: Tables
    private var decoded: Decoded

    private init(line: Int, tables: Tables) {
        self.tables = tables
        decoded = Decoded(line: line, columns: tables.columnCount)
    }

    /// A line of NDJSON: parsed, then decoded.
    static func decode(line: Int, _ bytes: [UInt8], _ tables: Tables) -> Decoded {
        switch JSONValue.parse(Data(bytes)) {
        case .success(let value): return decode(value, at: "", line: line, tables)
        case .failure(let error):
            var result = Decoded(line: line, columns: tables.columnCount)
            result.problems.append((.rowNotJSON, nil, "not valid JSON: column \(error.column): \(error.reason)"))
            return result
        }
    }

    /// A resource at `path` of its file (empty for a line of NDJSON).
    static func decode(_ value: JSONValue, at path: String, line: Int, _ tables: Tables) -> Decoded {
        var decoder = FHIRResponseDecoder(line: line, tables: tables)
        guard case .object(let object) = value else {
            decoder.decoded.problems.append(
                (.rowJSONShape, path.isEmpty ? nil : path, "not a FHIR resource (expected an object)"))
            return decoder.decoded
        }
        guard case .string(let type)? = object["resourceType"], type == "QuestionnaireResponse" else {
            if case .string(let type)? = object["resourceType"] {
                decoder.decoded.ignoredType = type
            } else {
                decoder.decoded.ignoredType = "(no resourceType)"
            }
            return decoder.decoded
        }
        decoder.decode(object, at: path)
        return decoder.decoded
    }

    private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private mutating func set(_ column: String, _ text: String) {
        if let index = tables.columnIndex[column] { decoded.fields[index] = Array(text.utf8) }
    }

    private mutating func set(_ column: Int?, _ text: String) {
        if let column { decoded.fields[column] = Array(text.utf8) }
    }

    private mutating func decode(_ resource: [String: JSONValue], at path: String) {
        var resourceID: String?
        if case .string(let id)? = resource["id"] { resourceID = id }
        let named = resourceID.map { " (QuestionnaireResponse/\($0))" } ?? ""
        // The child.
        var subject: RowOrigin.Subject?
        if case .object(let fields)? = resource["subject"] {
            if case .object(let identifier)? = fields["identifier"], case .string(let value)? = identifier["value"] {
                var system: String?
                if case .string(let text)? = identifier["system"] { system = text }
                subject = .identifier(system: system, value: value)
                set(ResponseColumns.child, value)
            } else if case .string(let reference)? = fields["reference"] {
                subject = .reference(reference)
                let parts = reference.split(separator: "/")
                if parts.count >= 2, parts[parts.count - 2] == "Patient" {
                    set(ResponseColumns.child, String(parts[parts.count - 1]))
                } else {
                    decoded.problems.append(
                        (
                            .rowJSONShape, join(path, "subject.reference"),
                            "\"\(reference)\" is not a Patient/<id> reference\(named)"
                        ))
                }
            }
        }
        decoded.origin = RowOrigin(resourceID: resourceID, subject: subject)
        if case .string(let authored)? = resource["authored"] { set(ResponseColumns.date, authored) }
        // The instrument, from the canonical.
        var instrument: (id: String, links: [String: Tables.Link])?
        if case .string(let canonical)? = resource["questionnaire"] {
            var url = canonical.firstIndex(of: "|").map { canonical[..<$0] } ?? canonical[...]
            while url.hasSuffix("/") { url = url.dropLast() }
            let id = (url.lastIndex(of: "/").map { url[url.index(after: $0)...] } ?? url).lowercased()
            set(ResponseColumns.instrument, id)
            if let links = tables.links[id] { instrument = (id, links) }
        }
        if case .string(let status)? = resource["status"], status != "completed", status != "amended" {
            decoded.problems.append(
                (
                    .responseNotCompleted, join(path, "status"),
                    "status is '\(status)', not 'completed': not scored\(named)"
                ))
        }
        if case .array(let items)? = resource["item"] {
            readItems(items, at: join(path, "item"), instrument: instrument, named: named)
        }
    }

    /// Reads items (and items nested in groups and answers) into the fields.
    private mutating func readItems(
        _ items: [JSONValue], at path: String, instrument: (id: String, links: [String: Tables.Link])?, named: String
    ) {
        for (offset, element) in items.enumerated() {
            // Paths are spelled only for a problem: building them for every answer costs.
            func itemPath() -> String { "\(path)[\(offset)]" }
            guard case .object(let item) = element, case .string(let linkID)? = item["linkId"] else {
                decoded.problems.append((.rowJSONShape, itemPath(), "an item without a linkId\(named)"))
                continue
            }
            if case .array(let children)? = item["item"] {
                readItems(children, at: "\(itemPath()).item", instrument: instrument, named: named)
            }
            guard let instrument else { continue }  // an unknown questionnaire is reported once
            let link = instrument.links[linkID]
            if case .scale? = link { continue }  // calculated: computed again
            guard case .question(let column, let systemSuffix)? = link else {
                if case .array? = item["item"] { continue }  // a group
                decoded.problems.append(
                    (
                        .answerUnknownItem, "\(itemPath()).linkId",
                        "linkId '\(linkID)' is not a question of \(instrument.id)\(suggestion(for: linkID, in: tables.instruments[instrument.id]?.items.map(\.id.rawValue) ?? []))\(named)"
                    ))
                continue
            }
            guard case .array(let answers)? = item["answer"], !answers.isEmpty else { continue }
            if answers.count > 1 {
                decoded.problems.append(
                    (
                        .rowJSONShape, "\(itemPath()).answer",
                        "\(answers.count) answers to '\(linkID)'; one is expected\(named)"
                    ))
                continue
            }
            func answerPath() -> String { "\(itemPath()).answer[0]" }
            guard case .object(let answer) = answers[0] else {
                decoded.problems.append((.rowJSONShape, answerPath(), "expected an answer object\(named)"))
                continue
            }
            if case .array(let nested)? = answer["item"] {
                readItems(nested, at: "\(answerPath()).item", instrument: instrument, named: named)
            }
            read(answer, to: column, systemSuffix: systemSuffix, at: answerPath(), named: named)
        }
    }

    /// One answer: by code (in the questionnaire's answer system), whole number, or free text.
    private mutating func read(
        _ answer: [String: JSONValue], to column: Int?, systemSuffix: [UInt8]?, at path: @autoclosure () -> String,
        named: String
    ) {
        if case .object(let coding)? = answer["valueCoding"] {
            guard case .string(let code)? = coding["code"] else {
                var display = ""
                if case .string(let text)? = coding["display"] { display = " \"\(text)\"" }
                decoded.problems.append(
                    (
                        .answerDisplayOnly, "\(path()).valueCoding",
                        "answered only by display text\(display), with no code: answers are read by code, never by their words\(named)"
                    ))
                return
            }
            if case .string(let system)? = coding["system"], let systemSuffix,
                !system.withUTF8View({
                    $0.count >= systemSuffix.count
                        && $0.extracting(from: $0.count - systemSuffix.count).elementsEqual(systemSuffix)
                })
            {
                decoded.problems.append(
                    (
                        .answerWrongSystem, "\(path()).valueCoding.system",
                        "code \(code) of \(system), not of this questionnaire's answers (…\(String(decoding: systemSuffix, as: UTF8.self)))\(named)"
                    ))
                return
            }
            set(column, code)
        } else if case .number(let number)? = answer["valueInteger"] {
            set(column, numberText(number))
        } else if case .string(let text)? = answer["valueString"] {
            set(column, text)
        } else {
            let kind = answer.keys.filter { $0.hasPrefix("value") }.min() ?? "no value"
            decoded.problems.append(
                (
                    .rowJSONShape, path(),
                    "\(kind) is not an answer this reader takes (valueCoding, valueInteger or valueString)\(named)"
                ))
        }
    }
}
