/// One group of children: everyone (`all`), or one category of a breakdown such as `gender` = `female`.
public struct GroupAggregate: Sendable, Hashable {
    public let dimension: String
    public let category: String
    public var children = PoolableCount()
    public var scales: [ScaleAggregate]
    public var logs: [OutcomeLogAggregate]
}
