/// One group as published.
public struct GroupView: Sendable, Hashable {
    /// The breakdown: `all`, `age_band`, `match_length`, `status` (the waiting list), or a children-file column.
    public let dimension: String
    /// The category within the breakdown: for a merged category its name (`8-14`,
    /// `other (Asian, Other)`).
    public let category: String
    /// The categories of the children file (or of the age or match-length bands) the group
    /// holds: one unless small categories were merged (``TableDesign``); `all` or `waiting` for
    /// the whole area and the waiting list.
    public let members: [String]
    /// The children in the group, as published.
    public internal(set) var children: ReportedCount
    /// The group's scales, as published.
    public internal(set) var scales: [ScaleView]
    /// The group's contact-log outcomes, as published.
    public internal(set) var logs: [OutcomeLogView]

    /// Whether this is the group of children waiting for an IV (``GroupAggregate/waitingList``).
    public var isWaitingList: Bool { GroupAggregate.isWaitingList(dimension: dimension, category: category) }
}
