/// What a child's volunteer said had changed in one outcome, over a period: how many logs, how
/// many visits happened, and how often each answer was given. Never any free text.
///
/// ```swift
/// for summary in tracker.logSummaries() where summary.outcome == "confidence" {
///     print(summary.childID, summary.logs, summary.positive)   // "a little more" + "a lot more"
/// }
/// ```
public struct LogSummary: Sendable, Hashable {
    /// The child.
    public let childID: ChildID
    /// The outcome the question asks about.
    public let outcome: OutcomeID
    /// Logs of the child in the period (not only those answering this question).
    public let logs: Int
    /// Logs whose visit happened.
    public let visitsHappened: Int
    /// The question's options, with how many logs gave each (aligned with ``counts``).
    public let options: [ResponseOption]
    /// Per option of the question (in ``options`` order), the logs that gave it.
    public let counts: [Int]
    /// Logs answering with one of the log's positive codes ("a little more", "a lot more").
    public let positive: Int
    /// Logs where the question was declined.
    public let declined: Int
    /// Logs leaving the question blank (usually because the visit did not happen).
    public let unanswered: Int

    /// How many logs gave the option with this code.
    public func count(ofCode code: Int) -> Int {
        options.firstIndex { $0.code == code }.map { counts[$0] } ?? 0
    }
}
