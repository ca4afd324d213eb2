/// One group of children: everyone (`all`), or one category of a breakdown such as `gender` = `female`.
public struct GroupAggregate: Sendable, Hashable {
    /// The breakdown: `all`, `age_band`, or a children-file column or caller's attribute.
    public let dimension: String
    /// The category within the breakdown (`all` for everyone, `unknown` for children without a value).
    public let category: String
    /// The children in the group.
    public var children = PoolableCount()
    /// Per scale followed, its counts and sums.
    public var scales: [ScaleAggregate]
    /// Per outcome asked about in contact logs, its counts.
    public var logs: [OutcomeLogAggregate]

    /// A group with its scales' and logs' aggregates.
    public init(
        dimension: String, category: String, children: PoolableCount = PoolableCount(), scales: [ScaleAggregate],
        logs: [OutcomeLogAggregate] = []
    ) {
        self.dimension = dimension
        self.category = category
        self.children = children
        self.scales = scales
        self.logs = logs
    }
}
