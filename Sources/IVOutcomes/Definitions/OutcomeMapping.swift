/// The link from an item to an outcome of the framework, with a one-line reason.
public struct OutcomeMapping: Sendable, Hashable, Codable {
    public let outcome: OutcomeID
    public let rationale: String

    public init(outcome: OutcomeID, rationale: String) {
        self.outcome = outcome
        self.rationale = rationale
    }
}
