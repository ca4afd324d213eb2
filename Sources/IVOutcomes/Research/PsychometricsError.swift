/// Why psychometrics could not be computed.
public enum PsychometricsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer complete administrations than ``Psychometrics/minimumAdministrations``.
    case tooFewAdministrations(found: Int, needed: Int)
    /// The scale is converted from another (a lookup), not a sum or mean of items.
    case notAnItemScale(ScaleID, source: ScaleID?)
    /// The instrument has no such scale.
    case unknownScale(ScaleID, known: [ScaleID])
    /// The scale has fewer than two items.
    case tooFewItems(ScaleID, count: Int)
    /// The response file could not be read.
    case input(InputError)

    /// What went wrong, for a researcher.
    public var description: String {
        switch self {
        case .input(let error): return error.description
        case .tooFewAdministrations(let found, let needed):
            return
                "too few complete administrations to analyse: found \(found), need at least \(needed) (one per child)"
        case .notAnItemScale(let scale, let source):
            return "\(scale) is a conversion of another scale, not a sum or mean of items"
                + (source.map { "; analyse \($0) instead (--scale \($0))" } ?? "")
        case .unknownScale(let scale, let known):
            return
                "unknown scale '\(scale)'\(suggestion(for: scale.rawValue, in: known.map(\.rawValue))) (this instrument has: \(known.map(\.rawValue).joined(separator: ", ")))"
        case .tooFewItems(let scale, let count):
            return "\(scale) has \(count) item; reliability needs at least 2"
        }
    }
}
