/// One group of children: every matched child (`all`), one category of a breakdown of them such
/// as `gender` = `female`, or the children waiting for an IV (``waitingList``).
public struct GroupAggregate: Sendable, Hashable {
    /// The dimension and category of the group of children waiting for an IV (`status` =
    /// `waiting`): the comparison group, never part of `all` or of a breakdown.
    public static let waitingList = (dimension: "status", category: ChildStatus.waiting.rawValue)

    /// Whether groups of `dimension` are categories of a breakdown of the matched children
    /// (every dimension but `all` and the waiting list's `status`): their children add up to `all`'s.
    public static func isBreakdown(_ dimension: String) -> Bool {
        dimension != "all" && dimension != waitingList.dimension
    }

    /// The positions of the breakdowns' categories among groups of `dimensions` (in the groups'
    /// order), by dimension: each the set whose children add up to `all`'s.
    static func breakdownPositions(_ dimensions: [String]) -> [String: [Int]] {
        var positions: [String: [Int]] = [:]
        for (index, dimension) in dimensions.enumerated() where isBreakdown(dimension) {
            positions[dimension, default: []].append(index)
        }
        return positions
    }

    /// The breakdown: `all`, `age_band`, `match_length`, `status` (the waiting list), or a
    /// children-file column or caller's attribute.
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

    /// Whether this is the group of children waiting for an IV.
    public var isWaitingList: Bool { GroupAggregate.isWaitingList(dimension: dimension, category: category) }

    /// Whether a group of `dimension` and `category` is the children waiting for an IV.
    static func isWaitingList(dimension: String, category: String) -> Bool {
        dimension == waitingList.dimension && category == waitingList.category
    }
}
