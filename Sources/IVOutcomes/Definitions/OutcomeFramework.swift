/// The outcomes that instruments' items are mapped to: by default, the five outcomes of IV
/// friendships found by the 2024 national study.
public struct OutcomeFramework: Sendable, Hashable {
    public let id: String
    public let version: String
    public let title: String
    public let outcomes: [Outcome]
    public let sources: [Citation]
    public let file: String

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
