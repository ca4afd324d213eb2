/// What the contact logs said about one outcome, for a group of children.
public struct OutcomeLogAggregate: Sendable, Hashable {
    /// The outcome the log question asks about.
    public let outcome: OutcomeID
    /// Children with at least one log in the period.
    public var childrenWithLogs = PoolableCount()
    /// Contact logs.
    public var logs = PoolableCount()
    /// Logs of a visit that happened.
    public var visitsHappened = PoolableCount()
    /// Logs answering "a little more" or "a lot more" (the log's positive codes).
    public var positive = PoolableCount()

    /// Zero counts for `outcome`.
    public init(outcome: OutcomeID) { self.outcome = outcome }
}
