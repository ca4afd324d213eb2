/// One outcome, such as `life_skills`.
public struct Outcome: Sendable, Hashable, Identifiable, Codable {
    public let id: OutcomeID
    public let title: String
    public let description: String

    public init(id: OutcomeID, title: String, description: String) {
        self.id = id
        self.title = title
        self.description = description
    }
}
