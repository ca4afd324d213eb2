/// A report ready to print: every count suppressed by the policy, every statistic checked for
/// group size, the cautions in place. Local reports and pooled national pictures both come here.
///
/// ```swift
/// let view = ReportView(aggregate: aggregate, catalog: catalog, policy: .standard)
/// view.groups[0].scales[0].change?.meanChange
/// ```
public struct ReportView: Sendable, Hashable {
    /// Warwick's advice for group comparisons: at least 30 people with two time points.
    public static let minimumForComparison = 30

    /// The report's title.
    public let title: String
    /// The areas included.
    public let areas: [String]
    /// The as-of date.
    public let asOf: CalendarDate
    /// The suppression threshold and whether small numbers may be shown.
    public let policy: SuppressionPolicy
    /// `all` (the matched children) first, then each breakdown's categories, then the waiting
    /// list when there is one, as published.
    public let groups: [GroupView]
    /// Per scale, the matched children's change beside the waiting children's; empty without a
    /// waiting list. See ``causalCaution`` for what it can and cannot show.
    public let comparisons: [WaitingListComparison]
    /// Data-quality counts keyed `rows_read`, `rows_invalid`, ..., as published.
    public let dataQuality: [ReportedCell]
    /// The instruments the data comes from, for their licence notices.
    public let instruments: [Instrument]
    /// How the small numbers were protected: the audit's outcome and what it hid.
    public let disclosure: DisclosureControl

    /// The published view of `aggregate`: counts under the threshold hidden, and the whole audited so that none can be worked out from the rest.
    public init(aggregate: AreaAggregate, catalog: InstrumentCatalog, policy: SuppressionPolicy, title: String? = nil) {
        self.policy = policy
        areas = aggregate.areas
        asOf = aggregate.asOf
        self.title = title ?? "Independent Visitor outcomes: \(aggregate.areas.joined(separator: ", "))"
        instruments = aggregate.instruments.compactMap { id in catalog.instruments.first { $0.id == id } }
        let scales = Dictionary(
            catalog.instruments.flatMap(\.scales).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        // Children per category add up to everyone within each breakdown: suppress as a set.
        var childCounts = aggregate.groups.map { policy.primary($0.children) }
        let byDimension = GroupAggregate.breakdownPositions(aggregate.groups.map(\.dimension))
        for members in byDimension.values {
            let cells = policy.suppress(members.map { aggregate.groups[$0].children })
            for (member, cell) in zip(members, cells) { childCounts[member] = cell }
        }
        var groups = aggregate.groups.enumerated().map { index, group in
            // A group whose size is hidden shows nothing else: its statistics would give the size away.
            let hidden = childCounts[index].isHidden
            return GroupView(
                dimension: group.dimension, category: group.category, children: childCounts[index],
                scales: group.scales.compactMap { aggregate in
                    scales[aggregate.scale].map {
                        ReportView.view(of: aggregate, scale: $0, policy: policy, hidden: hidden)
                    }
                },
                logs: group.logs.compactMap { log in
                    (try? catalog.framework.outcome(id: log.outcome)).map {
                        ReportView.view(of: log, outcome: $0, policy: policy, hidden: hidden)
                    }
                })
        }
        for dimension in byDimension.keys.sorted() {
            ReportView.protectAcross(byDimension[dimension] ?? [], in: &groups, policy: policy)
        }
        // The first pattern audited: more cells hidden until no small count can be worked out.
        var published = PublishedCells(
            groups: groups,
            dataQuality: DataQuality.fields.map {
                ReportedCell(name: $0.key, count: policy.primary(aggregate.dataQuality[keyPath: $0.keyPath]))
            }, aggregate: aggregate)
        let audit = published.audit(threshold: policy.threshold)
        groups = published.groups
        ReportView.withdrawStatisticsOfHiddenSizes(&groups)
        let withheld = ReportView.protectStatistics(&groups, threshold: policy.threshold)
        self.groups = groups
        comparisons = ReportView.comparisons(of: groups, threshold: policy.threshold)
        dataQuality = published.dataQuality
        disclosure = DisclosureControl(
            threshold: policy.threshold, auditPassed: true, smallCountsHidden: audit.smallCellsProtected,
            cellsHiddenToProtectOthers: published.hiddenCount - audit.smallCellsProtected,
            cellsHiddenByAudit: audit.cellsHiddenByAudit, statisticsWithheld: withheld,
            unprotectedAreas: aggregate.unprotectedAreas, unauditedAreas: aggregate.unauditedAreas)
    }

    static func statistics(_ sums: PoolableSums, shownCount: ReportedCount, policy: SuppressionPolicy) -> MeanAndSD? {
        guard sums.isComplete, let count = shownCount.exactValue, count >= policy.threshold, let mean = sums.sums.mean
        else { return nil }
        return MeanAndSD(mean: mean, standardDeviation: sums.sums.standardDeviation)
    }

    static func view(of aggregate: ScaleAggregate, scale: Scale, policy: SuppressionPolicy, hidden: Bool) -> ScaleView {
        let conceal = { (count: ReportedCount) -> ReportedCount in hidden ? .secondary : count }
        let withBaseline = conceal(policy.primary(aggregate.childrenWithBaseline))
        let followedUp = conceal(policy.primary(aggregate.childrenWithFollowUp))
        let cells = { (set: CountSet) in
            zip(set.names, policy.suppress(set.counts)).map { ReportedCell(name: $0, count: conceal($1)) }
        }
        let histogramOrder = aggregate.changeHistogram.names.sorted { (Int($0) ?? 0) < (Int($1) ?? 0) }
        let histogramCounts = policy.suppress(histogramOrder.map { aggregate.changeHistogram[$0] }).map(conceal)
        let showChange = aggregate.change.isComplete && (followedUp.exactValue ?? 0) >= policy.threshold
        var notes: [String] = []
        if hidden {
            notes.append("group size hidden: nothing else is shown for it")
        } else if let followed = followedUp.exactValue, followed < minimumForComparison {
            notes.append(
                "fewer than \(minimumForComparison) children with two time points: Warwick advises at least \(minimumForComparison) for group comparisons"
            )
        } else if followedUp.exactValue == nil {
            notes.append("too few children with two time points to show change statistics")
        }
        if !aggregate.change.isComplete || !aggregate.baseline.isComplete {
            notes.append("statistics not shown: some areas suppressed this group")
        }
        if scale.change == nil {
            notes.append("no reliable or meaningful change thresholds are established for this scale")
        }
        if let caution = scale.bands?.caution { notes.append(caution) }
        return ScaleView(
            definition: scale, childrenWithBaseline: withBaseline, childrenWithFollowUp: followedUp,
            baseline: statistics(aggregate.baseline, shownCount: withBaseline, policy: policy),
            pairedBaseline: showChange
                ? statistics(aggregate.pairedBaseline, shownCount: followedUp, policy: policy) : nil,
            latest: showChange ? statistics(aggregate.latest, shownCount: followedUp, policy: policy) : nil,
            change: showChange ? PairedChange(changes: aggregate.change.sums) : nil,
            reliableChange: scale.change?.reliable == nil ? [] : cells(aggregate.reliableChange),
            meaningfulChange: scale.change?.meaningful == nil ? [] : cells(aggregate.meaningfulChange),
            bandsAtBaseline: cells(aggregate.bandsAtBaseline), bandsAtLatest: cells(aggregate.bandsAtLatest),
            bandMovement: movement(aggregate, scale: scale, policy: policy).map {
                ReportedCell(name: $0.name, count: conceal($0.count))
            },
            changeHistogram: zip(histogramOrder, histogramCounts).map { ReportedCell(name: $0, count: $1) },
            binWidth: aggregate.binWidth,
            scoresBelowValidatedAge: conceal(policy.primary(aggregate.scoresBelowValidatedAge)),
            notes: notes, aggregate: aggregate)
    }

    /// The categories of a breakdown add up to everyone, count by count: a count hidden in one
    /// category could be recovered from the others and the total, so each count is protected
    /// across categories (and again within each category), and statistics of any category whose
    /// size becomes hidden are withdrawn.
    static func protectAcross(_ members: [Int], in groups: inout [GroupView], policy: SuppressionPolicy) {
        let scaleIDs = members.flatMap { groups[$0].scales.map(\.scale) }.reduce(into: [ScaleID]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        for scaleID in scaleIDs {
            let positions = members.map { member in groups[member].scales.firstIndex { $0.scale == scaleID } }
            let sizes = [PublishedCells.ScaleCount.withBaseline, .followedUp].map(\.keyPath)
            for size in sizes {
                let column = zip(members, positions).map { member, position in
                    [position.map { groups[member].scales[$0][keyPath: size] } ?? .count(0)]
                }
                for (row, (member, position)) in zip(policy.protect(table: column), zip(members, positions)) {
                    if let position { groups[member].scales[position][keyPath: size] = row[0] }
                }
            }
            let sets = PublishedCells.CountList.allCases.map(\.keyPath)
            for set in sets {
                var names: [String] = []
                for (member, position) in zip(members, positions) {
                    for cell in position.map({ groups[member].scales[$0][keyPath: set] }) ?? []
                    where !names.contains(cell.name) {
                        names.append(cell.name)
                    }
                }
                if set == \ScaleView.changeHistogram { names.sort { (Int($0) ?? 0) < (Int($1) ?? 0) } }
                let table = zip(members, positions).map { member, position in
                    names.map { name in
                        position.flatMap { groups[member].scales[$0][keyPath: set].first { $0.name == name }?.count }
                            ?? .count(0)
                    }
                }
                for (row, (member, position)) in zip(policy.protect(table: table), zip(members, positions)) {
                    guard let position else { continue }
                    groups[member].scales[position][keyPath: set] = zip(names, row).map {
                        ReportedCell(name: $0, count: $1)
                    }
                }
            }
            for (member, position) in zip(members, positions) {
                guard let position else { continue }
                var view = groups[member].scales[position]
                if view.childrenWithBaseline.isHidden { view.baseline = nil }
                if view.childrenWithFollowUp.isHidden {
                    view.pairedBaseline = nil
                    view.latest = nil
                    view.change = nil
                }
                groups[member].scales[position] = view
            }
        }
        let outcomes = members.flatMap { groups[$0].logs.map(\.outcome.id) }.reduce(into: [OutcomeID]()) {
            if !$0.contains($1) { $0.append($1) }
        }
        for outcome in outcomes {
            let positions = members.map { member in groups[member].logs.firstIndex { $0.outcome.id == outcome } }
            let counts = PublishedCells.LogCount.allCases.map(\.keyPath)
            for count in counts {
                let column = zip(members, positions).map { member, position in
                    [position.map { groups[member].logs[$0][keyPath: count] } ?? .count(0)]
                }
                for (row, (member, position)) in zip(policy.protect(table: column), zip(members, positions)) {
                    if let position { groups[member].logs[position][keyPath: count] = row[0] }
                }
            }
            for (member, position) in zip(members, positions) {
                guard let position else { continue }
                let log = groups[member].logs[position]
                if log.logs.exactValue == nil || log.positive.exactValue == nil || log.childrenWithLogs.isHidden {
                    groups[member].logs[position].positiveShare = nil
                }
            }
        }
    }

    /// Band movement suppressed as a table: rows add up to baseline bands, columns to latest bands.
    static func movement(_ aggregate: ScaleAggregate, scale: Scale, policy: SuppressionPolicy) -> [ReportedCell] {
        let bands = scale.bands?.bands.map(\.id) ?? []
        let names = bands.map { from in bands.map { ScaleAggregate.movement(from: from, to: $0) } }
        let cells = policy.suppress(table: names.map { row in row.map { aggregate.bandMovement[$0] } })
        return zip(names.joined(), cells.joined()).map { ReportedCell(name: $0, count: $1) }
    }

    static func view(of log: OutcomeLogAggregate, outcome: Outcome, policy: SuppressionPolicy, hidden: Bool)
        -> OutcomeLogView
    {
        let children = policy.primary(log.childrenWithLogs)
        // Log counts of fewer than `threshold` children are not shown either.
        let conceal = { (count: ReportedCount) -> ReportedCount in hidden || children.isHidden ? .secondary : count }
        let logs = conceal(policy.primary(log.logs))
        let positive = conceal(policy.primary(log.positive))
        var share: Double?
        if let total = logs.exactValue, let good = positive.exactValue, total > 0 {
            share = Double(good) / Double(total)
        }
        return OutcomeLogView(
            outcome: outcome, childrenWithLogs: hidden ? .secondary : children, logs: logs,
            visitsHappened: conceal(policy.primary(log.visitsHappened)), positive: positive, positiveShare: share)
    }
}
