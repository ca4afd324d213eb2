/// Why psychometrics could not be computed.
public enum PsychometricsError: Error, Sendable, Hashable, CustomStringConvertible {
    case tooFewAdministrations(found: Int, needed: Int)
    case notAnItemScale(ScaleID, source: ScaleID?)
    case unknownScale(ScaleID, known: [ScaleID])
    case tooFewItems(ScaleID, count: Int)

    public var description: String {
        switch self {
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
