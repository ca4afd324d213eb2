/// Why an administration could not be scored at all.
public enum ScoringError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The administration is a form of another instrument than the engine's (such as a SWEMWBS
    /// form given to the WEMWBS engine): score it with that instrument's engine.
    case wrongInstrument(expected: InstrumentID, found: InstrumentID)

    /// The error's stable code.
    public var code: ProblemCode {
        switch self {
        case .wrongInstrument: return .instrumentMismatch
        }
    }

    /// What went wrong, for a developer.
    public var description: String {
        switch self {
        case .wrongInstrument(let expected, let found):
            return
                "the administration is a \(found) form, but this engine scores \(expected); score it with the \(found) engine (catalog.instrument(id: \"\(found)\"))"
        }
    }
}
