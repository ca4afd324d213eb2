import IVOutcomes

/// One `ivoutcomes` subcommand: its help text, its options, and what it does.
protocol Command: Sendable {
    static var name: String { get }
    /// One line for the overview.
    static var summary: String { get }
    /// The positional arguments and required options, such as `FILE... --as-of DATE`.
    static var synopsis: String { get }
    /// What the command does, in a few sentences, with an example.
    static var details: String { get }
    static var options: [OptionSpec] { get }
    /// Whether the positional arguments name files the command reads (not instrument ids).
    static var positionalsAreFiles: Bool { get }
    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode
}

extension Command {
    static var positionalsAreFiles: Bool { true }

    /// `ivoutcomes score FILE [--format csv|jsonl] ...`: the synopsis, then every other option.
    static var usage: String {
        let optional = options.filter { !synopsis.contains($0.name + " ") }.map { option in
            "[\(option.name)\(option.value.map { " \($0)" } ?? "")]\(option.repeatable ? "..." : "")"
        }
        return (["ivoutcomes", name] + (synopsis.isEmpty ? [] : [synopsis]) + optional).joined(separator: " ")
    }
}

/// Options several commands share.
enum SharedOptions {
    static let definitions = OptionSpec(
        name: "--definitions", value: "PATH",
        help: "add or override instruments from definition files or folders (repeatable)", repeatable: true,
        readsFile: true)

    static let out = OptionSpec(
        name: "--out", value: "FILE",
        help:
            "write to FILE, which appears only when complete (a device or FIFO is written directly, which cannot be atomic); - is standard output"
    )
    static let force = OptionSpec(name: "--force", value: nil, help: "replace an --out file even if it is read-only")
    static let encoding = OptionSpec(
        name: "--encoding", value: "utf-8|utf-16|windows-1252",
        help: "the input files' encoding (default utf-8; UTF-16 with a byte-order mark is read anyway)")
    static let delimiter = OptionSpec(
        name: "--delimiter", value: "comma|semicolon|tab",
        help: "CSV delimiter (default: comma, or the semicolon or tab of a header without commas)")
    /// The options of every command that writes a file.
    static let outputOptions = [out, force]
    static let rowFormat = OptionSpec(name: "--format", value: "csv|jsonl", help: "output format (default csv)")
    static let dateFormat = OptionSpec(
        name: "--date-format", value: "FORMAT",
        help: "how dates are written, such as DD/MM/YYYY (default YYYY-MM-DD); a time after the date is allowed")
    static let columns = OptionSpec(
        name: "--columns", value: "MAPPING.csv",
        help:
            "map a survey export's headers to fields: CSV header,field (field: child_id, administered_on, instrument or an item id)",
        readsFile: true)
    static let instrument = OptionSpec(
        name: "--instrument", value: "ID", help: "the instrument of rows when a file has no instrument column")
    static let inputFormat = OptionSpec(
        name: "--input-format", value: "csv|jsonl|fhir",
        help:
            "input format (default: from the file: .jsonl or .ndjson is JSON Lines, or FHIR when the first object has a resourceType; else CSV)"
    )
    /// The options of every command that reads response files, after its own.
    static let responseReading = [inputFormat, dateFormat, columns, encoding, delimiter]

    /// Where output goes: the `--out` file, written atomically, or standard output (also for `--out -`).
    static func output(_ arguments: ParsedArguments, console: Console) throws -> ByteWriter {
        guard let path = arguments.value(out.name), path != "-" else { return console.output }
        return try ByteWriter(atomicFile: path, replacingReadOnly: arguments.has(force.name))
    }

    /// The built-in catalogue with any `--definitions` added; a note names each built-in
    /// instrument a local file replaces, so a replacement is never silent.
    static func catalog(_ arguments: ParsedArguments, console: Console) throws -> InstrumentCatalog {
        let builtIn = try InstrumentCatalog.builtIn
        guard let paths = arguments.values[definitions.name], !paths.isEmpty else { return builtIn }
        let catalog = try builtIn.adding(contentsOf: paths)
        for old in builtIn.instruments {
            guard let new = try? catalog.instrument(id: old.id), new.file != old.file else { continue }
            console.error(
                "note: \(new.file) replaces the built-in instrument \(old.id) \(old.version) (now version \(new.version))"
            )
        }
        return catalog
    }

    /// The value of an option that must be one of a fixed set.
    static func choice<T: RawRepresentable & CaseIterable>(
        _ arguments: ParsedArguments, _ name: String, default value: T
    )
        throws -> T where T.RawValue == String
    {
        guard let text = arguments.value(name) else { return value }
        guard let choice = T(rawValue: text.lowercased()) else {
            let known = T.allCases.map(\.rawValue)
            throw UsageError(
                message:
                    "\(name) '\(text)' is not one of \(known.joined(separator: ", "))\(suggestion(for: text, in: known))"
            )
        }
        return choice
    }
}
