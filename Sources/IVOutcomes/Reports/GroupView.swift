/// One group as published.
public struct GroupView: Sendable, Hashable {
    public let dimension: String
    public let category: String
    public let children: ReportedCount
    public internal(set) var scales: [ScaleView]
    public internal(set) var logs: [OutcomeLogView]
}
