/// Why definitions could not be loaded.
public enum DefinitionError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The definitions have problems; every one found is listed.
    case invalid([DefinitionProblem])

    /// Every problem, one per line.
    public var description: String {
        switch self {
        case .invalid(let problems): return problems.map(\.description).joined(separator: "\n")
        }
    }

    /// The problems listed.
    public var problems: [DefinitionProblem] {
        switch self {
        case .invalid(let problems): return problems
        }
    }
}
