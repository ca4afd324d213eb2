import Foundation

/// Reads one definition file into validated domain values, collecting every problem with its
/// JSON path rather than stopping at the first.
struct DefinitionReader {
    /// The schema versions this library reads.
    static let supportedSchemaVersions = [1]

    let file: String
    private(set) var problems: [DefinitionProblem] = []
    /// Ids declared in the file, including those whose definition has problems, so that a
    /// reference to a broken item or scale is not reported a second time as unknown.
    var declaredItems: Set<String> = []
    var declaredScales: Set<String> = []

    init(file: String) { self.file = file }

    mutating func problem(_ path: String, _ message: String) {
        problems.append(DefinitionProblem(file: file, path: path, message: message))
    }

    // MARK: Fields

    /// An object's fields at a path; reports fields not in `allowed`.
    struct Fields {
        let values: [String: JSONValue]
        let path: String
        func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }

    mutating func fields(_ value: JSONValue?, at path: String, allowed: [String]) -> Fields? {
        guard let value else { return nil }
        guard case .object(let values) = value else {
            problem(path, "expected an object, found \(value.kindDescription)")
            return nil
        }
        for key in values.keys.sorted() where !allowed.contains(key) {
            problem(path.isEmpty ? key : "\(path).\(key)", "unknown field '\(key)'\(suggestion(for: key, in: allowed))")
        }
        return Fields(values: values, path: path)
    }

    private mutating func required(_ fields: Fields, _ key: String) -> JSONValue? {
        guard let value = fields.values[key], value != .null else {
            problem(fields.path(key), "missing required field '\(key)'")
            return nil
        }
        return value
    }

    mutating func string(_ fields: Fields, _ key: String, optional: Bool = false) -> String? {
        let value = optional ? fields.values[key] : required(fields, key)
        guard let value, value != .null else { return nil }
        guard case .string(let text) = value else {
            problem(fields.path(key), "expected a string, found \(value.kindDescription)")
            return nil
        }
        if text.trimmingSpaces.isEmpty { problem(fields.path(key), "must not be empty") }
        return text
    }

    mutating func number(_ fields: Fields, _ key: String, optional: Bool = false) -> Double? {
        let value = optional ? fields.values[key] : required(fields, key)
        guard let value, value != .null else { return nil }
        guard case .number(let number) = value else {
            problem(fields.path(key), "expected a number, found \(value.kindDescription)")
            return nil
        }
        return number
    }

    mutating func integer(_ fields: Fields, _ key: String, optional: Bool = false) -> Int? {
        guard let number = number(fields, key, optional: optional) else { return nil }
        guard number == number.rounded(), abs(number) < 1e9 else {
            problem(fields.path(key), "expected a whole number, found \(number)")
            return nil
        }
        return Int(number)
    }

    mutating func bool(_ fields: Fields, _ key: String, default defaultValue: Bool) -> Bool {
        guard let value = fields.values[key], value != .null else { return defaultValue }
        guard case .bool(let flag) = value else {
            problem(fields.path(key), "expected true or false, found \(value.kindDescription)")
            return defaultValue
        }
        return flag
    }

    mutating func array(_ fields: Fields, _ key: String, optional: Bool = false) -> [JSONValue]? {
        let value = optional ? fields.values[key] : required(fields, key)
        guard let value, value != .null else { return nil }
        guard case .array(let elements) = value else {
            problem(fields.path(key), "expected an array, found \(value.kindDescription)")
            return nil
        }
        return elements
    }

    mutating func identifier<Kind>(_ fields: Fields, _ key: String, as kind: Kind.Type = Kind.self) -> Identifier<Kind>?
    {
        guard let text = string(fields, key) else { return nil }
        guard Identifier<Kind>.isWellFormed(text) else {
            problem(
                fields.path(key),
                "'\(text)' is not a valid id (use lower-case letters, digits, '_' and '-', starting with a letter)")
            return nil
        }
        return Identifier(text)
    }

    mutating func oneOf<T: RawRepresentable & CaseIterable>(_ fields: Fields, _ key: String, _ type: T.Type) -> T?
    where T.RawValue == String {
        guard let text = string(fields, key) else { return nil }
        guard let value = T(rawValue: text) else {
            let known = T.allCases.map(\.rawValue)
            problem(
                fields.path(key),
                "'\(text)' is not one of \(known.joined(separator: ", "))\(suggestion(for: text, in: known))")
            return nil
        }
        return value
    }

    /// Reports duplicates among `ids` found at `paths`.
    mutating func checkUnique(_ ids: [(id: String, path: String)], what: String) {
        var seen: [String: String] = [:]
        for (id, path) in ids {
            if let first = seen[id] {
                problem(path, "duplicate \(what) '\(id)' (first defined at \(first))")
            } else {
                seen[id] = path
            }
        }
    }

    /// Checks that a citation id is one the file lists in `sources`.
    mutating func checkSource(_ source: String?, at path: String, known: Set<String>) {
        guard let source else { return }
        if !known.contains(source) {
            problem(
                path,
                "unknown source '\(source)' (every number must cite an entry of 'sources')\(suggestion(for: source, in: known))"
            )
        }
    }

    // MARK: Document

    /// What a definition file holds.
    enum Document {
        case instrument(Instrument)
        case framework(OutcomeFramework)
    }

    /// Reads the file's top level: JSON syntax, `schemaVersion` (checked first) and `kind`.
    mutating func readTop(_ data: Data) -> (kind: String, fields: [String: JSONValue])? {
        if let encoding = UTF8Check.problem(in: [UInt8](data)) {
            problem("", encoding)
            return nil
        }
        let root: JSONValue
        switch JSONValue.parse(data) {
        case .success(let value): root = value
        case .failure(let error):
            problem("", "not valid JSON: \(error.detail)")
            return nil
        }
        guard case .object(let values) = root else {
            problem("", "expected a JSON object at the top level, found \(root.kindDescription)")
            return nil
        }
        let top = Fields(values: values, path: "")
        guard let version = integer(top, "schemaVersion") else { return nil }
        guard DefinitionReader.supportedSchemaVersions.contains(version) else {
            problem(
                "schemaVersion",
                "unsupported schema version \(version) (this version of IVOutcomes reads \(DefinitionReader.supportedSchemaVersions.map(String.init).joined(separator: ", ")))"
            )
            return nil
        }
        guard let kind = string(top, "kind") else { return nil }
        let kinds = ["instrument", "outcome_framework", "measurement_schedule", "translation"]
        guard kinds.contains(kind) else {
            problem(
                "kind", "'\(kind)' is not one of \(kinds.joined(separator: ", "))\(suggestion(for: kind, in: kinds))")
            return nil
        }
        return (kind, values)
    }

    // MARK: Shared parts

    mutating func citations(_ top: Fields) -> [Citation] {
        var result: [Citation] = []
        for (index, element) in (array(top, "sources") ?? []).enumerated() {
            let path = "\(top.path("sources"))[\(index)]"
            guard let fields = fields(element, at: path, allowed: ["id", "citation", "url"]) else { continue }
            let id = string(fields, "id")
            let text = string(fields, "citation")
            let url = string(fields, "url", optional: true)
            if let id, let text { result.append(Citation(id: SourceID(id), citation: text, url: url)) }
        }
        checkUnique(result.enumerated().map { ($1.id.rawValue, "sources[\($0)].id") }, what: "source id")
        return result
    }

    mutating func readFramework(_ values: [String: JSONValue]) -> OutcomeFramework? {
        let top = Fields(values: values, path: "")
        _ = fields(
            .object(values), at: "",
            allowed: ["schemaVersion", "kind", "id", "version", "title", "outcomes", "sources"])
        let id = string(top, "id")
        let version = string(top, "version")
        let title = string(top, "title")
        let sources = citations(top)
        var outcomes: [Outcome] = []
        for (index, element) in (array(top, "outcomes") ?? []).enumerated() {
            guard let fields = fields(element, at: "outcomes[\(index)]", allowed: ["id", "title", "description"]) else {
                continue
            }
            let outcomeID = identifier(fields, "id", as: IdentifierKind.Outcome.self)
            let outcomeTitle = string(fields, "title")
            let description = string(fields, "description")
            if let outcomeID, let outcomeTitle, let description {
                outcomes.append(Outcome(id: outcomeID, title: outcomeTitle, description: description))
            }
        }
        checkUnique(outcomes.enumerated().map { ($1.id.rawValue, "outcomes[\($0)].id") }, what: "outcome id")
        guard problems.isEmpty, let id, let version, let title else { return nil }
        return OutcomeFramework(
            id: id, version: version, title: title, outcomes: outcomes, sources: sources, file: file)
    }
}
