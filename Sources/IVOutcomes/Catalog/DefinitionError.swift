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
