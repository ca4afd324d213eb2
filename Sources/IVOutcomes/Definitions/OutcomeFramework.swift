/// The outcomes that instruments' items are mapped to: by default, the five outcomes of IV
/// friendships found by the 2024 national study.
public struct OutcomeFramework: Sendable, Hashable {
    /// The framework's id.
    public let id: String
    /// The framework's version.
    public let version: String
    /// The framework's title.
    public let title: String
    /// The outcomes, in the framework's order.
    public let outcomes: [Outcome]
    /// The sources the framework cites.
    public let sources: [Citation]
    /// The file it was read from (empty when built in code).
    public let file: String

    /// A framework from its parts.
    public init(id: String, version: String, title: String, outcomes: [Outcome], sources: [Citation], file: String) {
        self.id = id
        self.version = version
        self.title = title
        self.outcomes = outcomes
        self.sources = sources
        self.file = file
    }

    /// The outcome with this id.
    /// - Throws: ``LookupError`` naming the framework's outcomes.
    public func outcome(id: OutcomeID) throws(LookupError) -> Outcome {
        try LookupError.find(id, in: outcomes, kind: "outcome", by: \.id)
    }
}
