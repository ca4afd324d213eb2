/// One question of an instrument.
public struct Item: Sendable, Hashable, Identifiable {
    /// What kind of answer the item takes.
    public enum Response: Sendable, Hashable {
        /// One option of a response scale.
        case options(ResponseScale)
        /// Free text: stored with the administration, never scored and never shown in aggregate output.
        case freeText
    }

    /// Stable id; also the CSV column that carries the item's answers.
    public let id: ItemID
    /// The question as shown to the respondent.
    public let text: String
    /// How the item is answered: with options or free text.
    public let response: Response
    /// Whether a form without this answer is incomplete. Optional items may be left blank freely.
    public let isRequired: Bool
    /// The outcomes of the framework that this item informs, each with its rationale.
    public let outcomes: [OutcomeMapping]

    /// An item from its parts.
    public init(id: ItemID, text: String, response: Response, isRequired: Bool, outcomes: [OutcomeMapping]) {
        self.id = id
        self.text = text
        self.response = response
        self.isRequired = isRequired
        self.outcomes = outcomes
    }

    /// The response scale of an options item; `nil` for free text.
    public var responseScale: ResponseScale? {
        if case .options(let scale) = response { return scale }
        return nil
    }
}
