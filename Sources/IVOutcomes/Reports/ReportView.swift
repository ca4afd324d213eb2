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
    /// The breakdowns not shown, each with its reason in one line (``TableDesign``).
    public let omittedBreakdowns: [TableDesign.OmittedBreakdown]
    /// The exact aggregate the report was made from (the area's confidential return).
    let source: AreaAggregate
    /// The groups of ``groups`` as exact aggregates (merged categories summed).
    let designedGroups: [GroupAggregate]

    /// The published view of `aggregate`: its tables designed (``TableDesign``), counts under the
    /// threshold hidden, and the whole audited so that none can be worked out from the rest.
    public init(aggregate: AreaAggregate, catalog: InstrumentCatalog, policy: SuppressionPolicy, title: String? = nil) {
        self.init(aggregate: aggregate, catalog: catalog, policy: policy, title: title, linked: nil)
    }

    /// The published view of `aggregate`, audited together with the `linked` publications a
    /// reader also holds (each area's report, for a national picture).
    init(
        aggregate: AreaAggregate, catalog: InstrumentCatalog, policy: SuppressionPolicy, title: String?,
        linked: LinkedPublications?, leavingOut initiallyLeftOut: [TableDesign.OmittedBreakdown] = []
    ) {
        self.policy = policy
        source = aggregate
        areas = aggregate.areas
        asOf = aggregate.asOf
        self.title = title ?? "Independent Visitor outcomes: \(aggregate.areas.joined(separator: ", "))"
        instruments = aggregate.instruments.compactMap { id in catalog.instruments.first { $0.id == id } }
        // Breakdowns whose categories are too small to show without hiding the whole area's own
        // sizes are left out, the one with the smallest category first, until none is.
        var leftOut = initiallyLeftOut
        var attempt = Protection(
            aggregate: aggregate, leavingOut: leftOut, catalog: catalog, policy: policy, linked: linked)
        while attempt.hidWholeAreaSize, let dimension = attempt.design.breakdownWithSmallestCategory {
            leftOut.append(
                TableDesign.OmittedBreakdown(
                    dimension: dimension,
                    reason: "its categories are too small to show without hiding the whole group's own numbers"))
            attempt = Protection(
                aggregate: aggregate, leavingOut: leftOut, catalog: catalog, policy: policy, linked: linked)
        }
        omittedBreakdowns = attempt.design.omitted
        designedGroups = attempt.design.groups
        var published = attempt.published
        let audit = attempt.audit
        published.dropTablesOfHiddenTotals()
        if linked == nil { _ = published.showDerivable(threshold: policy.threshold) }
        let small = published.smallHiddenCount(threshold: policy.threshold)
        let remaining = Set(published.places)
        let hiddenByAudit = audit.hidden.filter { remaining.contains($0) && published[$0].isHidden }.count
        var groups = published.groups
        ReportView.withdrawStatisticsOfHiddenSizes(&groups)
        var withheld = ReportView.protectStatistics(&groups, threshold: policy.threshold)
        if let linked { withheld += linked.protectStatistics(&groups, threshold: policy.threshold) }
        self.groups = groups
        comparisons = ReportView.comparisons(of: groups, threshold: policy.threshold)
        dataQuality = published.dataQuality
        disclosure = DisclosureControl(
            threshold: policy.threshold, auditPassed: audit.passed, smallCountsHidden: small,
            cellsHiddenToProtectOthers: published.hiddenCount - small, cellsHiddenByAudit: hiddenByAudit,
            statisticsWithheld: withheld,
            unprotectedAreas: aggregate.unprotectedAreas, unauditedAreas: aggregate.unauditedAreas)
    }

    static func statistics(_ sums: PoolableSums, shownCount: ReportedCount, policy: SuppressionPolicy) -> MeanAndSD? {
        guard sums.isComplete, let count = shownCount.exactValue, count >= policy.threshold, let mean = sums.sums.mean
        else { return nil }
        return MeanAndSD(mean: mean, standardDeviation: sums.sums.standardDeviation)
    }

    /// One scale of one group as first published: counts under the threshold hidden; the tables
    /// of fewer children than the threshold not published, nor, in a breakdown's category
    /// (`detail` false), any but the reliable-change classes (``TableDesign``).
    /// `fine` false (a national picture) carries, beside the sizes and statistics, only the
    /// reliable-change classes: every further table cross-classifies the same children (a bin, a
    /// band, a meaningful-change class), and added up over the areas, those tables together would
    /// tie each area's few hidden children to one profile another area would have to share.
    static func view(
        of aggregate: ScaleAggregate, scale: Scale, policy: SuppressionPolicy, hidden: Bool, detail: Bool,
        fine: Bool = true
    ) -> ScaleView {
        let threshold = policy.threshold
        let conceal = { (count: ReportedCount) -> ReportedCount in hidden ? .secondary : count }
        let withBaseline = conceal(policy.primary(aggregate.childrenWithBaseline))
        let followedUp = conceal(policy.primary(aggregate.childrenWithFollowUp))
        // A table is published when its total is shown and at least the threshold.
        let baselineTables = (withBaseline.exactValue ?? 0) >= threshold
        let followUpTables = (followedUp.exactValue ?? 0) >= threshold
        // In the definition's order (a set read back from JSON has lost it), then any other name.
        let cells = { (set: CountSet, order: [String], published: Bool) -> [ReportedCell] in
            guard published else { return [] }
            let names = order + set.names.filter { !order.contains($0) }
            return names.map { ReportedCell(name: $0, count: policy.primary(set[$0])) }
        }
        let bands = scale.bands?.bands.map(\.id.rawValue) ?? []
        // The tables beyond sizes, statistics and reliable change: the whole area's and the
        // waiting list's, in an area's report.
        let finer = detail && fine
        let histogramOrder = histogramBins(aggregate, scale: scale)
        let histogram =
            finer && followUpTables
            ? zip(histogramOrder, histogramOrder.map { policy.primary(aggregate.changeHistogram[$0]) }).map {
                ReportedCell(name: $0, count: $1)
            } : []
        let showChange = aggregate.change.isComplete && followUpTables
        let notes = scaleNotes(
            aggregate, scale: scale, followedUp: followedUp, threshold: threshold, hidden: hidden, detail: detail)
        return ScaleView(
            definition: scale, childrenWithBaseline: withBaseline, childrenWithFollowUp: followedUp,
            baseline: statistics(aggregate.baseline, shownCount: withBaseline, policy: policy),
            pairedBaseline: showChange
                ? statistics(aggregate.pairedBaseline, shownCount: followedUp, policy: policy) : nil,
            latest: showChange ? statistics(aggregate.latest, shownCount: followedUp, policy: policy) : nil,
            change: showChange ? PairedChange(changes: aggregate.change.sums) : nil,
            reliableChange: scale.change?.reliable == nil
                ? [] : cells(aggregate.reliableChange, ReliableChangeClass.reported.map(\.rawValue), followUpTables),
            meaningfulChange: scale.change?.meaningful == nil
                ? []
                : cells(
                    aggregate.meaningfulChange, MeaningfulChangeClass.reported.map(\.rawValue),
                    finer && followUpTables),
            bandsAtBaseline: cells(aggregate.bandsAtBaseline, bands, finer && baselineTables),
            bandsAtLatest: cells(aggregate.bandsAtLatest, bands, finer && followUpTables),
            bandMovement: finer && followUpTables ? movement(aggregate, scale: scale, policy: policy) : [],
            changeHistogram: histogram, binWidth: aggregate.binWidth,
            scoresBelowValidatedAge: finer ? conceal(policy.primary(aggregate.scoresBelowValidatedAge)) : nil,
            notes: notes, aggregate: aggregate)
    }

    /// The notes under a scale's tables: why a table is not shown, comparisons Warwick advises
    /// against, suppressed pooled statistics, no thresholds, and the bands' caution.
    private static func scaleNotes(
        _ aggregate: ScaleAggregate, scale: Scale, followedUp: ReportedCount, threshold: Int, hidden: Bool,
        detail: Bool
    ) -> [String] {
        var notes: [String] = []
        if hidden {
            notes.append("group size hidden: nothing else is shown for it")
        } else if let followed = followedUp.exactValue, followed >= threshold, followed < minimumForComparison {
            notes.append(
                "fewer than \(minimumForComparison) children with two time points: Warwick advises at least \(minimumForComparison) for group comparisons"
            )
        } else if (followedUp.exactValue ?? 0) < threshold {
            notes.append(
                "fewer than \(threshold) children with two time points: change statistics\(detail ? ", change classes, bands at latest and band movement" : " and change classes") are not shown"
            )
        }
        if !aggregate.change.isComplete || !aggregate.baseline.isComplete {
            notes.append("statistics not shown: some areas suppressed this group")
        }
        if scale.change == nil {
            notes.append("no reliable or meaningful change thresholds are established for this scale")
        }
        if detail, let caution = scale.bands?.caution { notes.append(caution) }
        return notes
    }

    /// The histogram's bins: every bin a change on the scale can fall in (from minimum minus
    /// maximum to maximum minus minimum), empty ones too, so that which bins are listed says
    /// nothing about which hold a child; and any other bin the aggregate has (pooled from
    /// definitions with another range).
    static func histogramBins(_ aggregate: ScaleAggregate, scale: Scale) -> [String] {
        let widest = scale.maximum - scale.minimum
        let low = Int((-widest / aggregate.binWidth).rounded(.down))
        let high = Int((widest / aggregate.binWidth).rounded(.down))
        var bins = Array(low...max(low, high))
        for name in aggregate.changeHistogram.names {
            if let bin = Int(name), !bins.contains(bin) { bins.append(bin) }
        }
        return bins.sorted().map(String.init)
    }

    /// Band movement, every cell from each band at baseline to each band at latest
    /// (`possible_depression>average`), with counts under the threshold hidden.
    static func movement(_ aggregate: ScaleAggregate, scale: Scale, policy: SuppressionPolicy) -> [ReportedCell] {
        let bands = scale.bands?.bands.map(\.id) ?? []
        return bands.flatMap { from in
            bands.map { to in
                let name = ScaleAggregate.movement(from: from, to: to)
                return ReportedCell(name: name, count: policy.primary(aggregate.bandMovement[name]))
            }
        }
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
