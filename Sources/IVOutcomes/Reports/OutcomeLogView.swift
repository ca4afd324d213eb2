/// What the logs said about one outcome in one group, as published.
public struct OutcomeLogView: Sendable, Hashable {
    /// The outcome asked about.
    public let outcome: Outcome
    /// Children with at least one log, as published.
    public internal(set) var childrenWithLogs: ReportedCount
    /// Logs, as published.
    public internal(set) var logs: ReportedCount
    /// Logs of a visit that happened, as published.
    public internal(set) var visitsHappened: ReportedCount
    /// Logs saying things changed for the better, as published.
    public internal(set) var positive: ReportedCount
    /// Positive logs as a share of logs; shown only when both counts are.
    public internal(set) var positiveShare: Double?
}
