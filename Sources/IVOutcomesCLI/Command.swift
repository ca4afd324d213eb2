import IVOutcomes

/// One `ivoutcomes` subcommand: its help text, its options, and what it does.
protocol Command: Sendable {
    static var name: String { get }
    /// One line for the overview.
    static var summary: String { get }
    /// `ivoutcomes score FILE [--format csv|jsonl] ...`
    static var usage: String { get }
    /// What the command does, in a few sentences, with an example.
    static var details: String { get }
    static var options: [OptionSpec] { get }
    static func run(_ arguments: ParsedArguments, console: Console) throws -> ExitCode
}

/// Options several commands share.
enum SharedOptions {
    static let definitions = OptionSpec(
        name: "--definitions", value: "PATH",
        help: "add or override instruments from definition files or folders (repeatable)", repeatable: true)

    static let out = OptionSpec(name: "--out", value: "FILE", help: "write to FILE (atomically) instead of standard output")
    static let rowFormat = OptionSpec(name: "--format", value: "csv|jsonl", help: "output format (default csv)")
    static let dateFormat = OptionSpec(
        name: "--date-format", value: "FORMAT", help: "how dates are written, such as DD/MM/YYYY (default YYYY-MM-DD)")

    /// Where output goes: the `--out` file, written atomically, or standard output.
    static func output(_ arguments: ParsedArguments, console: Console) throws -> ByteWriter {
        try arguments.value(out.name).map { try ByteWriter(atomicFile: $0) } ?? console.output
    }

    /// The built-in catalogue with any `--definitions` added.
    static func catalog(_ arguments: ParsedArguments) throws -> InstrumentCatalog {
        let catalog = try InstrumentCatalog.builtIn
        guard let paths = arguments.values[definitions.name], !paths.isEmpty else { return catalog }
        return try catalog.adding(contentsOf: paths)
    }

    /// The value of an option that must be one of a fixed set.
    static func choice<T: RawRepresentable & CaseIterable>(_ arguments: ParsedArguments, _ name: String, default value: T)
        throws -> T where T.RawValue == String
    {
        guard let text = arguments.value(name) else { return value }
        guard let choice = T(rawValue: text.lowercased()) else {
            let known = T.allCases.map(\.rawValue)
            throw UsageError(message: "\(name) '\(text)' is not one of \(known.joined(separator: ", "))\(suggestion(for: text, in: known))")
        }
        return choice
    }
}
