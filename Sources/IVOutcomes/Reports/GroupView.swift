/// One group as published.
public struct GroupView: Sendable, Hashable {
    public let dimension: String
    public let category: String
    public internal(set) var children: ReportedCount
    public internal(set) var scales: [ScaleView]
    public internal(set) var logs: [OutcomeLogView]
}
