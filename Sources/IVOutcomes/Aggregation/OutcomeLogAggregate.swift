/// What the contact logs said about one outcome, for a group of children.
public struct OutcomeLogAggregate: Sendable, Hashable {
    public let outcome: OutcomeID
    public var childrenWithLogs = PoolableCount()
    public var logs = PoolableCount()
    public var visitsHappened = PoolableCount()
    /// Logs answering "a little more" or "a lot more" (the log's positive codes).
    public var positive = PoolableCount()

    public init(outcome: OutcomeID) { self.outcome = outcome }
}
