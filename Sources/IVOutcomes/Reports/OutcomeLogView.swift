/// What the logs said about one outcome in one group, as published.
public struct OutcomeLogView: Sendable, Hashable {
    public let outcome: Outcome
    public internal(set) var childrenWithLogs: ReportedCount
    public internal(set) var logs: ReportedCount
    public internal(set) var visitsHappened: ReportedCount
    public internal(set) var positive: ReportedCount
    /// Positive logs as a share of logs; shown only when both counts are.
    public internal(set) var positiveShare: Double?
}
