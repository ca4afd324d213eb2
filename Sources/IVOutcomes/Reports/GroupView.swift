/// One group as published.
public struct GroupView: Sendable, Hashable {
    /// The breakdown: `all`, `age_band`, or a children-file column.
    public let dimension: String
    /// The category within the breakdown.
    public let category: String
    /// The children in the group, as published.
    public internal(set) var children: ReportedCount
    /// The group's scales, as published.
    public internal(set) var scales: [ScaleView]
    /// The group's contact-log outcomes, as published.
    public internal(set) var logs: [OutcomeLogView]
}
