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
    /// The value as found in the data, for invalid answers and unknown items; a value longer
    /// than ``longestValueShown`` characters is cut to its start with its length, so a message
    /// never repeats a whole runaway cell (such as a field whose closing quote is missing).
    public let value: String?
    public static let longestValueShown = 80
    /// What a valid answer looks like, for invalid answers.
    public let expected: String?

    public init(kind: Kind, item: ItemID, value: String? = nil, expected: String? = nil) {
        self.kind = kind
        self.item = item
        if let value, value.utf8.count > AnswerProblem.longestValueShown {
            let count = value.count
            self.value =
                count > AnswerProblem.longestValueShown ? "\(value.prefix(40))... (\(count) characters)" : value
        } else {
            self.value = value
        }
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
