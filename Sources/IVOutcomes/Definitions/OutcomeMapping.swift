/// The link from an item to an outcome of the framework, with a one-line reason.
public struct OutcomeMapping: Sendable, Hashable, Codable {
    /// The outcome the item bears on.
    public let outcome: OutcomeID
    /// Why, in one line.
    public let rationale: String

    /// A mapping of an item to `outcome`.
    public init(outcome: OutcomeID, rationale: String) {
        self.outcome = outcome
        self.rationale = rationale
    }
}
