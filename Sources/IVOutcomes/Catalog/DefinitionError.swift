/// One problem in a definition file, located by file and JSON path.
public struct DefinitionProblem: Sendable, Hashable, CustomStringConvertible {
    /// The file, as given (such as `Instruments/life-skills.json`).
    public let file: String
    /// The JSON path (such as `items[3].responseScale`); empty for the file as a whole.
    public let path: String
    public let message: String

    public init(file: String, path: String, message: String) {
        self.file = file
        self.path = path
        self.message = message
    }

    /// `Instruments/life-skills.json: items[3].responseScale: unknown response scale 'yes-no'; did you mean 'yes_no'?`
    public var description: String {
        path.isEmpty ? "\(file): \(message)" : "\(file): \(path): \(message)"
    }
}

/// Why definitions could not be loaded or an instrument could not be found.
public enum DefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The definitions have problems; every one found is listed.
    case invalid([DefinitionProblem])
    /// No instrument has this id.
    case unknownInstrument(InstrumentID, known: [InstrumentID])

    public var description: String {
        switch self {
        case .invalid(let problems):
            return problems.map(\.description).joined(separator: "\n")
        case .unknownInstrument(let id, let known):
            return "unknown instrument '\(id)'\(suggestion(for: id.rawValue, in: known.map(\.rawValue)))"
                + " (known: \(known.map(\.rawValue).joined(separator: ", ")))"
        }
    }

    /// The problems listed, for `.invalid`; empty otherwise.
    public var problems: [DefinitionProblem] {
        if case .invalid(let problems) = self { return problems }
        return []
    }
}
