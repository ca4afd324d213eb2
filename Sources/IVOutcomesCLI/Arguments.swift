import IVOutcomes

/// One `--option` a command accepts.
struct OptionSpec {
    let name: String
    /// The value's placeholder (`FILE`), or `nil` for a flag.
    let value: String?
    let help: String
    var repeatable = false
    /// Whether the value names a file (or folder) the command reads, which no output may replace.
    var readsFile = false
}

/// A command line that does not fit the command.
struct UsageError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

/// A command's arguments after parsing: positionals in order, option values by name.
struct ParsedArguments {
    var positionals: [String] = []
    var values: [String: [String]] = [:]
    var flags: Set<String> = []

    /// The last value of an option, or `nil`.
    func value(_ name: String) -> String? { values[name]?.last }

    func has(_ flag: String) -> Bool { flags.contains(flag) }

    /// Parses `arguments` against a command's options: `--name value`, `--name=value` and flags;
    /// `--` ends options. Unknown options get a "did you mean" hint.
    static func parse(_ arguments: [String], options: [OptionSpec]) throws(UsageError) -> ParsedArguments {
        var parsed = ParsedArguments()
        var index = 0
        var onlyPositionals = false
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            if onlyPositionals || !argument.hasPrefix("--") || argument == "-" {
                parsed.positionals.append(argument)
                continue
            }
            if argument == "--" {
                onlyPositionals = true
                continue
            }
            var name = argument
            var inlineValue: String?
            if let equals = argument.firstIndex(of: "=") {
                name = String(argument[..<equals])
                inlineValue = String(argument[argument.index(after: equals)...])
            }
            guard let spec = options.first(where: { $0.name == name }) else {
                let hint = suggestion(for: name, in: options.map(\.name))
                throw UsageError(message: "unknown option '\(name)'\(hint)")
            }
            if spec.value == nil {
                if inlineValue != nil { throw UsageError(message: "option '\(name)' takes no value") }
                parsed.flags.insert(name)
                continue
            }
            let value: String
            if let inlineValue {
                value = inlineValue
            } else {
                guard index < arguments.count else {
                    throw UsageError(message: "option '\(name)' needs a value (\(spec.value ?? "VALUE"))")
                }
                value = arguments[index]
                index += 1
            }
            if !spec.repeatable, parsed.values[name] != nil {
                throw UsageError(message: "option '\(name)' given twice")
            }
            parsed.values[name, default: []].append(value)
        }
        return parsed
    }
}
