/// Something wrong with one answer of an administration, with the item and the value found.
///
/// ```swift
/// for problem in sheet.problems { print(problem.code, problem.item) }   // answer.missing wemwbs_14
/// ```
public struct AnswerProblem: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What is wrong with the answer.
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

    /// What is wrong with the answer.
    public let kind: Kind
    /// The item answered (or, for ``Kind/unknownItem``, the id given that no item has).
    public let item: ItemID
    /// The value as found in the data, for invalid answers and unknown items; a value longer
    /// than ``longestValueShown`` characters is cut to its start with its length, so a message
    /// never repeats a whole runaway cell (such as a field whose closing quote is missing).
    public let value: String?
    /// The longest value kept in full (see ``RowProblem/longestValueShown``).
    public static let longestValueShown = RowProblem.longestValueShown
    /// What a valid answer looks like, for invalid answers.
    public let expected: String?

    /// A problem of `kind` with `item`, the value found and what a valid answer looks like.
    public init(kind: Kind, item: ItemID, value: String? = nil, expected: String? = nil) {
        self.kind = kind
        self.item = item
        self.value = value.map(RowProblem.shown)
        self.expected = expected
    }

    /// The problem's stable code, such as ``ProblemCode/answerNotAnOption``.
    public var code: ProblemCode {
        switch kind {
        case .invalidAnswer: return .answerNotAnOption
        case .unanswered: return .answerMissing
        case .declined: return .answerDeclined
        case .unknownItem: return .answerUnknownItem
        }
    }

    /// The problem as a row's problem, at `line` of `file` (both `nil` in memory).
    func rowProblem(file: String?, line: Int?) -> RowProblem {
        RowProblem(code: code, file: file, line: line, column: item.rawValue, value: value, message: detail)
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
