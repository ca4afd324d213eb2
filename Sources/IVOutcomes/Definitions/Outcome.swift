/// One outcome, such as `life_skills`.
public struct Outcome: Sendable, Hashable, Identifiable, Codable {
    /// The outcome's id, such as `life_skills`.
    public let id: OutcomeID
    /// The outcome's title.
    public let title: String
    /// What the outcome means, as the 2024 study describes it.
    public let description: String

    /// An outcome of the framework.
    public init(id: OutcomeID, title: String, description: String) {
        self.id = id
        self.title = title
        self.description = description
    }
}
