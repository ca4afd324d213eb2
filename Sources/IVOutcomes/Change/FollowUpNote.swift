/// What a reader of a child's change or schedule row needs to know, with a stable code: a
/// duplicate set aside, forms of one day that disagree, a child missing from the children file,
/// administrations below the validated age, a schedule without a match start.
///
/// ```swift
/// for note in change.problems where note.code == .childNotInRegister { print(change.childID) }
/// ```
public struct FollowUpNote: Sendable, Hashable, Codable, CustomStringConvertible {
    /// What kind of note it is, such as ``ProblemCode/rowDuplicate``.
    public let code: ProblemCode
    /// The note in English: `duplicate wemwbs on 2026-03-01 (line 4 and line 9): line 9 not used`.
    public let message: String

    /// A note with its code and message.
    public init(code: ProblemCode, message: String) {
        self.code = code
        self.message = message
    }

    /// The message.
    public var description: String { message }
}
