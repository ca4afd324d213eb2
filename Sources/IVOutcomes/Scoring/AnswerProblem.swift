/// Something wrong with one answer of an administration, with the item and the value found.
public struct AnswerProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The value is neither an option's code nor its label.
        case invalidAnswer = "invalid_answer"
        /// A required item has no answer.
        case unanswered
        /// The young person declined the question.
        case declined
        /// An answer was given to an item the instrument does not have.
        case unknownItem = "unknown_item"
    }

    public let kind: Kind
    public let item: ItemID
    /// The value as found in the data, for invalid answers and unknown items.
    public let value: String?
    /// What a valid answer looks like, for invalid answers.
    public let expected: String?

    public init(kind: Kind, item: ItemID, value: String? = nil, expected: String? = nil) {
        self.kind = kind
        self.item = item
        self.value = value
        self.expected = expected
    }

    /// `wemwbs_4: "6" is not an answer (expected 1-5 or a label such as "Often")`.
    public var description: String { "\(item): \(detail)" }

    /// The message without the item id: `"6" is not an answer (expected 1-5 or a label such as "Often")`.
    public var detail: String {
        switch kind {
        case .invalidAnswer:
            return "\"\(value ?? "")\" is not an answer (expected \(expected ?? "a listed option"))"
        case .unanswered:
            return "no answer"
        case .declined:
            return "declined"
        case .unknownItem:
            return "not an item of this instrument (value \"\(value ?? "")\"); give each instrument its own row"
        }
    }
}
