/// How a report's tables are laid out before anything is hidden: UK official statistics' first
/// rule for tables from administrative sources is to design the table (fewer, coarser categories;
/// no breakdown that cannot be shown) and only then suppress.
///
/// - A breakdown with a single category is not shown: it repeats the whole group and only adds
///   relations a reader could use to work out hidden counts. Nor is `local_area` with several:
///   each of its categories is an area whose own report shows it.
/// - Categories with fewer children than the threshold are merged before anything is hidden. An
///   ordered dimension (`age_band`, `match_length`) merges a small category with its smaller
///   neighbour (`8-11` and `12-14` become `8-14`); any other dimension merges its small categories
///   into one whose name says what it holds (`other (Asian, Other)`; `unknown` reads
///   `not known`). A merged category still under the threshold joins the smallest other one.
/// - A breakdown left with fewer than two categories is not shown, and ``omitted`` says why.
/// - Breakdown categories carry their children, each scale's children with a baseline and with a
///   follow-up, the statistics of those, and the reliable-change classes
///   (``carriesDetailTables(_:)``): a band-movement matrix or a change histogram per category is
///   almost all small cells. The whole area and the waiting list carry every table.
///
/// ```swift
/// let design = TableDesign(aggregate, threshold: 5)
/// for breakdown in design.omitted { print(breakdown.dimension, breakdown.reason) }
/// ```
public struct TableDesign: Sendable, Hashable {
    /// A breakdown that is not shown, and why, in one line.
    public struct OmittedBreakdown: Sendable, Hashable {
        /// The breakdown, such as `local_area`.
        public let dimension: String
        /// Why it is not shown.
        public let reason: String
    }

    /// `all`, each shown breakdown's categories (small ones merged), then the waiting list.
    public let groups: [GroupAggregate]
    /// Per group of ``groups``, the categories of the aggregate it holds: one for a category
    /// shown as it is, several for a merged one, `["all"]` and `["waiting"]` for the others.
    public let members: [[String]]
    /// The breakdowns not shown, in the aggregate's order.
    public let omitted: [OmittedBreakdown]

    /// The children file's column naming each child's area: never a breakdown of a report (one
    /// area is the whole group; several are each an area with a report of its own, and a pooled
    /// picture repeating them would only tie every area's hidden counts to its own).
    static let areaDimension = "local_area"

    /// The ordered dimensions and their categories, lowest first.
    static let orderedDimensions: [String: [String]] = [
        "age_band": AreaAggregate.ageBands.map(\.label), MatchLength.dimension: MatchLength.ordered.map(\.rawValue),
    ]

    /// Whether groups of `dimension` carry every table (bands, band movement, change histogram,
    /// meaningful change, scores below the validated age, contact logs): the whole area and the
    /// waiting list do, breakdown categories do not.
    public static func carriesDetailTables(_ dimension: String) -> Bool { !GroupAggregate.isBreakdown(dimension) }

    /// The design of `aggregate`'s tables for a report that hides counts under `threshold`,
    /// without the breakdowns of `leavingOut` (each with the reason given).
    public init(_ aggregate: AreaAggregate, threshold: Int, leavingOut: [OmittedBreakdown] = []) {
        var groups: [GroupAggregate] = []
        var members: [[String]] = []
        var omitted: [OmittedBreakdown] = []
        let positions = GroupAggregate.breakdownPositions(aggregate.groups.map(\.dimension))
        var done = Set<String>()
        for (index, group) in aggregate.groups.enumerated() {
            guard GroupAggregate.isBreakdown(group.dimension) else {
                groups.append(group)
                members.append([group.category])
                continue
            }
            guard done.insert(group.dimension).inserted else { continue }
            if let left = leavingOut.first(where: { $0.dimension == group.dimension }) {
                omitted.append(left)
                continue
            }
            if group.dimension == TableDesign.areaDimension, (positions[group.dimension]?.count ?? 1) > 1 {
                omitted.append(
                    OmittedBreakdown(
                        dimension: group.dimension,
                        reason: "each category is an area, whose own report shows its figures"))
                continue
            }
            let categories = (positions[group.dimension] ?? [index]).map { aggregate.groups[$0] }
            switch TableDesign.merge(categories, threshold: threshold) {
            case .shown(let merged):
                groups += merged.map(\.group)
                members += merged.map(\.members)
            case .omitted(let reason):
                omitted.append(OmittedBreakdown(dimension: group.dimension, reason: reason))
            }
        }
        self.groups = groups
        self.members = members
        self.omitted = omitted
    }

    /// The shown breakdown whose smallest category has the fewest children (the later one of
    /// two alike), or `nil` without any.
    public var breakdownWithSmallestCategory: String? {
        var smallest: (dimension: String, children: Int)?
        for group in groups where GroupAggregate.isBreakdown(group.dimension) {
            if smallest.map({ group.children.value <= $0.children }) ?? true {
                smallest = (group.dimension, group.children.value)
            }
        }
        return smallest?.dimension
    }

    /// A breakdown's categories after merging, or why it is not shown.
    enum Outcome {
        case shown([(group: GroupAggregate, members: [String])])
        case omitted(String)
    }

    /// One category being merged: the categories it holds and their sum.
    private struct Category {
        var members: [String]
        var group: GroupAggregate
        var children: Int { group.children.value }

        mutating func absorb(_ other: Category) {
            members += other.members
            // Sums of counts read from summaries are checked when they are read: no overflow here.
            group = (try? group.adding(other.group)) ?? group
        }
    }

    /// `categories` (one breakdown's) merged until none has fewer than `threshold` children.
    static func merge(_ categories: [GroupAggregate], threshold: Int) -> Outcome {
        guard let dimension = categories.first?.dimension else { return .omitted("no categories") }
        if categories.count == 1 {
            return .omitted(
                "a single category (\(categories[0].category)): the same children as the whole group")
        }
        var merged = categories.map { Category(members: [$0.category], group: $0) }
        if let order = orderedDimensions[dimension] {
            merged.sort {
                (order.firstIndex(of: $0.members[0]) ?? order.count)
                    < (order.firstIndex(of: $1.members[0]) ?? order.count)
            }
            mergeOrdered(&merged, known: order, threshold: threshold)
        } else {
            mergeOther(&merged, threshold: threshold)
        }
        guard merged.count >= 2 else {
            return .omitted("fewer than two categories of at least \(threshold) children, even with small ones merged")
        }
        return .shown(
            merged.map { category in
                var group = category.group
                if category.members.count > 1 {
                    group = GroupAggregate(
                        dimension: dimension, category: label(of: category.members, dimension: dimension),
                        children: group.children, scales: group.scales, logs: group.logs)
                }
                return (group, category.members)
            })
    }

    /// Small categories of an ordered dimension merge with their smaller neighbour, the smallest
    /// first; a small `unknown` (not in the order) joins the smallest known category.
    private static func mergeOrdered(_ merged: inout [Category], known order: [String], threshold: Int) {
        var unknown: Category?
        if let last = merged.last, !order.contains(last.members[0]) { unknown = merged.removeLast() }
        while merged.count > 1 {
            let small = merged.indices.filter { merged[$0].children < threshold }
            guard let smallest = small.min(by: { merged[$0].children < merged[$1].children }) else { break }
            let neighbours = [smallest - 1, smallest + 1].filter { merged.indices.contains($0) }
            guard let partner = neighbours.min(by: { merged[$0].children < merged[$1].children }) else { break }
            let (low, high) = (min(smallest, partner), max(smallest, partner))
            merged[low].absorb(merged[high])
            merged.remove(at: high)
        }
        guard let unknown else { return }
        if unknown.children >= threshold || merged.isEmpty {
            merged.append(unknown)
        } else if let smallest = merged.indices.min(by: { merged[$0].children < merged[$1].children }) {
            merged[smallest].absorb(unknown)
        }
    }

    /// Small categories of any other dimension merge into one `other (…)` category; while that is
    /// still small it takes in the smallest of the rest.
    private static func mergeOther(_ merged: inout [Category], threshold: Int) {
        let small = merged.filter { $0.children < threshold }
        guard !small.isEmpty else { return }
        merged.removeAll { $0.children < threshold }
        var other = small[0]
        for category in small.dropFirst() { other.absorb(category) }
        while other.children < threshold,
            let smallest = merged.indices.min(by: { merged[$0].children < merged[$1].children })
        {
            other.absorb(merged.remove(at: smallest))
        }
        merged.append(other)
    }

    /// The name of a merged category: the span of an ordered dimension's bands (`8-14`, `12+`,
    /// `under_2_years`), or `other (…)` listing what it holds.
    static func label(of members: [String], dimension: String) -> String {
        let notKnown = members.contains("unknown")
        let known = members.filter { $0 != "unknown" }
        switch dimension {
        case "age_band":
            let ranges = AreaAggregate.ageBands.filter { known.contains($0.label) }.map(\.range)
            if let low = ranges.map(\.lowerBound).min(), let high = ranges.map(\.upperBound).max(),
                ranges.count == known.count
            {
                let span =
                    low == 0
                    ? "under \(high + 1)"
                    : high >= AreaAggregate.ageBands[AreaAggregate.ageBands.count - 1].range.lowerBound
                        ? "\(low)+" : "\(low)-\(high)"
                return notKnown ? "\(span) or not known" : span
            }
        case MatchLength.dimension:
            let bands = MatchLength.ordered.filter { known.contains($0.rawValue) }
            if let low = bands.first?.years.lowerBound, let high = bands.last?.years.upperBound,
                bands.count == known.count
            {
                let span =
                    low == 0 ? "under_\(high)_years" : high == Int.max ? "over_\(low)_years" : "\(low)_to_\(high)_years"
                return notKnown ? "\(span)_or_unknown" : span
            }
        default: break
        }
        return "other (" + members.map { $0 == "unknown" ? "not known" : $0 }.joined(separator: ", ") + ")"
    }
}
