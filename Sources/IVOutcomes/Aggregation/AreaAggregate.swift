/// An area's (or a pooled set of areas') aggregates: exact counts and sufficient statistics per
/// group and scale, before suppression. Never holds a child's id or any free text.
///
/// ```swift
/// let aggregate = AreaAggregate(tracker: tracker, area: "Pilotshire")
/// let report = ReportView(aggregate: aggregate, catalog: catalog, policy: SuppressionPolicy())
/// ```
public struct AreaAggregate: Sendable, Hashable {
    /// The breakdowns reports show, in order: age band at the as-of date, then the children file's columns.
    public static let dimensions = ["age_band"] + ChildRegister.demographicColumns
    /// National reporting's age bands (IV national data, 2022).
    public static let ageBands: [(label: String, range: ClosedRange<Int>)] = [
        ("under 8", 0...7), ("8-11", 8...11), ("12-14", 12...14), ("15-17", 15...17), ("18+", 18...200),
    ]

    /// The areas included (one for a local report).
    public var areas: [String]
    public var asOf: CalendarDate
    /// The instruments whose data is included (for the licence notices).
    public var instruments: [InstrumentID]
    /// `all` first, then each breakdown's categories.
    public var groups: [GroupAggregate]
    public var dataQuality: DataQuality
    /// Pooled areas whose summary was published with a threshold under 5.
    public var unprotectedAreas: [String]
    /// Pooled areas whose summary predates audited disclosure control (format version 1).
    public var unauditedAreas: [String]

    public init(
        areas: [String], asOf: CalendarDate, instruments: [InstrumentID], groups: [GroupAggregate],
        dataQuality: DataQuality, unprotectedAreas: [String] = [], unauditedAreas: [String] = []
    ) {
        self.unprotectedAreas = unprotectedAreas
        self.unauditedAreas = unauditedAreas
        self.areas = areas
        self.asOf = asOf
        self.instruments = instruments
        self.groups = groups
        self.dataQuality = dataQuality
    }

    /// The age band of an age in whole years.
    public static func ageBand(_ age: Int) -> String {
        ageBands.first { $0.range.contains(age) }?.label ?? "unknown"
    }

    /// Aggregates everything `tracker` has seen, with breakdowns by the children file's columns
    /// (those with at least one value) and by age band when birth months are known.
    public init(tracker: FollowUpTracker, area: String, rowsRead: Int? = nil) {
        let scales = tracker.scalesUsed
        let logSummaries = tracker.logSummaries()
        let outcomes = tracker.catalog.framework.outcomes.map(\.id).filter { outcome in
            logSummaries.contains { $0.outcome == outcome }
        }
        let asOf = tracker.options.asOf
        // Each child's category in each breakdown.
        // Children's ids are needed only to place them in the children file's categories.
        let children = tracker.register == nil ? [] : tracker.childOrder.map(\.id)
        func category(_ child: String, _ dimension: String) -> String {
            guard let details = tracker.register?[ChildID(checked: child)] else { return "unknown" }
            if dimension == "age_band" { return details.age(on: asOf).map(AreaAggregate.ageBand) ?? "unknown" }
            return details.attributes[dimension] ?? "unknown"
        }
        var groupKeys: [(String, String)] = [("all", "all")]
        if let register = tracker.register {
            for dimension in AreaAggregate.dimensions {
                let known =
                    dimension == "age_band"
                    ? register.children.contains { $0.birthMonth != nil }
                    : register.children.contains { $0.attributes[dimension] != nil }
                guard known else { continue }
                var categories: [String] = []
                for child in children where !categories.contains(category(child, dimension)) {
                    categories.append(category(child, dimension))
                }
                if dimension == "age_band" {
                    let order = AreaAggregate.ageBands.map(\.label) + ["unknown"]
                    categories.sort { (order.firstIndex(of: $0) ?? 99) < (order.firstIndex(of: $1) ?? 99) }
                } else {
                    categories.sort { ($0 == "unknown" ? 1 : 0, $0) < ($1 == "unknown" ? 1 : 0, $1) }
                }
                groupKeys += categories.map { (dimension, $0) }
            }
        }
        var index: [String: [Int]] = [:]
        for (position, key) in groupKeys.enumerated() { index["\(key.0)\u{1F}\(key.1)", default: []].append(position) }
        func groupsOf(_ child: String) -> [Int] {
            [0] + AreaAggregate.dimensions.compactMap { index["\($0)\u{1F}\(category(child, $0))"]?.first }
        }
        var groups = groupKeys.map { key in
            GroupAggregate(
                dimension: key.0, category: key.1, scales: scales.map { ScaleAggregate(scale: $0) },
                logs: outcomes.map { OutcomeLogAggregate(outcome: $0) })
        }
        // Without a children file every child is only in `all`: no memberships to keep.
        var memberships: [String: [Int]] = [:]
        if tracker.register == nil {
            groups[0].children.value = tracker.sortedChildren.count
        } else {
            for child in children {
                let member = groupsOf(child)
                memberships[child] = member
                for group in member { groups[group].children.value += 1 }
            }
        }
        // Changes are taken one at a time, never all held.
        let scaleIndex = Dictionary(scales.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
        tracker.forEachChange { change in
            guard let scale = scaleIndex[change.scale] else { return }
            for group in memberships[change.childID.rawValue] ?? [0] { groups[group].scales[scale].add(change) }
        }
        for summary in logSummaries {
            guard let outcome = outcomes.firstIndex(of: summary.outcome) else { continue }
            for group in memberships[summary.childID.rawValue] ?? [0] {
                var log = groups[group].logs[outcome]
                if summary.logs > 0 { log.childrenWithLogs.value += 1 }
                log.logs.value += summary.logs
                log.visitsHappened.value += summary.visitsHappened
                log.positive.value += summary.positive
                groups[group].logs[outcome] = log
            }
        }
        var quality = DataQuality()
        let counts = tracker.counts
        quality.rowsRead.value = rowsRead ?? counts.total
        quality.rowsInvalid.value = counts.invalid
        quality.rowsDuplicate.value = counts.duplicates
        quality.rowsOutOfRange.value = counts.outOfRange
        quality.incompleteForms.value = counts.incomplete
        quality.formsDisagreeing.value = counts.conflicting
        quality.scoresBelowValidatedAge.value = groups[0].scales.reduce(0) { $0 + $1.scoresBelowValidatedAge.value }
        var overdue = Set<String>()
        tracker.forEachScheduleStatus { if !$0.overdueWaves.isEmpty { overdue.insert($0.childID.rawValue) } }
        quality.childrenWithOverdueWave.value = overdue.count
        self.init(
            areas: [area], asOf: asOf, instruments: tracker.instrumentsUsed.map(\.id), groups: groups,
            dataQuality: quality)
    }
}
